package org.topolayer.apps.voxels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.apps.generate.GanTrainer;
import org.topolayer.data.VoxelShapes;
import org.topolayer.features.GradientCheck;
import org.topolayer.nn.AdamOptimizer;

/** Known answers of the voxel prior's figures and loss, its gradient, and the GLO pieces. */
class VoxelPriorTest {
    private static final int N = 5;

    /** A 5×5×5 volume at 0.1 with single voxels at the given values, at (z, y, x) = (1,1,1), (3,3,3), (1,3,3), (3,1,1). */
    private static double[] blobs(double... peaks) {
        double[] v = new double[N * N * N];
        java.util.Arrays.fill(v, 0.1);
        int[][] at = {{1, 1, 1}, {3, 3, 3}, {1, 3, 3}, {3, 1, 1}};
        for (int k = 0; k < peaks.length; k++) {
            v[index(at[k][0], at[k][1], at[k][2])] = peaks[k];
        }
        return v;
    }

    private static int index(int z, int y, int x) {
        return (z * N + y) * N + x;
    }

    @Test
    void aVolumeWithTwoBlobsHasTwoComponents() {
        ComponentPrior prior = new ComponentPrior(new int[] {N, N, N}, 0);
        VolumeTopology t = VolumeTopology.of(prior, new double[][] {blobs(0.9, 0.8), blobs(0.9)}, 0.2);
        assertArrayEquals(new int[] {2, 1}, t.components());
        assertArrayEquals(new int[] {2, 1}, t.componentsAtHalf());
        assertEquals(1.5, t.meanComponents(), 0);
        assertEquals(0.5, t.fractionOneComponent(), 0);
    }

    @Test
    void theLossOfAHandMadeVolumeIsTheSumOfItsFiniteBars() {
        // superlevel H0: [0.9, -inf) essential, (0.6 -> 0.1) and (0.4 -> 0.1): E(1,0,2;PD0) = 0.5 + 0.3
        double[] u = blobs(0.9, 0.6, 0.4);
        ComponentPrior prior = new ComponentPrior(new int[] {N, N, N}, 0);
        VolumeTopology t = VolumeTopology.of(prior, new double[][] {u}, 0.2);
        assertEquals(0.8, t.losses()[0], 1e-12);
        assertEquals(3, t.components()[0]); // 0.5 and 0.3 both exceed tau = 0.2
        assertEquals(2, VolumeTopology.of(prior, new double[][] {u}, 0.4).components()[0]);
        assertEquals(2, t.componentsAtHalf()[0]); // 0.9 and 0.6 reach 0.5; 0.4 does not
        // the training loss on tanh outputs x = 2u - 1 is the same number, and dL/dx = dL/du / 2
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = 2 * u[i] - 1;
        }
        ComponentPrior.Result r = prior.evaluate(x, 1);
        assertEquals(0.8, r.values()[0], 1e-12);
        assertEquals(0.0, r.gradient()[index(1, 1, 1)], 0); // the essential bar's maximum
        assertEquals(0.5, r.gradient()[index(3, 3, 3)], 1e-12); // each finite bar's birth voxel
        assertEquals(0.5, r.gradient()[index(1, 3, 3)], 1e-12);
        double background = 0;
        for (int i = 0; i < u.length; i++) {
            background += u[i] == 0.1 ? r.gradient()[i] : 0;
        }
        assertEquals(-1.0, background, 1e-12); // the two deaths, at background voxels
    }

    @Test
    void theVolumeLossGradientMatchesFiniteDifferences() {
        ComponentPrior prior = new ComponentPrior(new int[] {4, 5, 3}, 0);
        SplittableRandom r = new SplittableRandom(4);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = new double[60];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble(-0.9, 0.9);
            }
            double[] g = prior.evaluate(x, 1).gradient();
            GradientCheck.assertMatches(y -> prior.evaluate(y, 1).values()[0], x, g, 60, "volume prior, trial " + trial);
        }
    }

    @Test
    void aNormalFittedToCodesHasTheirMeanAndCovariance() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] codes = new double[4000][];
        for (int i = 0; i < codes.length; i++) {
            double a = org.topolayer.nn.MlpNetwork.gaussian(r), b = org.topolayer.nn.MlpNetwork.gaussian(r);
            codes[i] = new double[] {1 + 2 * a, -1 + a + 0.5 * b}; // covariance [[4, 2], [2, 1.25]]
        }
        LatentGaussian g = LatentGaussian.fit(codes);
        assertEquals(1, g.mean()[0], 0.1);
        assertEquals(-1, g.mean()[1], 0.05);
        double[][] l = g.cholesky();
        assertEquals(4, l[0][0] * l[0][0], 0.3);
        assertEquals(2, l[1][0] * l[0][0], 0.2);
        assertEquals(1.25, l[1][0] * l[1][0] + l[1][1] * l[1][1], 0.1);
        INDArray z = g.sample(3000, new SplittableRandom(6));
        assertEquals(1, z.getColumn(0).meanNumber().doubleValue(), 0.15);
        assertEquals(2.0, z.getColumn(0).stdNumber().doubleValue(), 0.15);
        assertArrayEquals(new long[] {3000, 2}, z.shape());
        assertThrows(IllegalArgumentException.class, () -> LatentGaussian.fit(new double[][] {{1, 2}}));
        // identical codes still factor (jitter), and sample at their value
        LatentGaussian point = LatentGaussian.fit(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        assertEquals(0.5, point.sample(1, new SplittableRandom(1)).getDouble(0, 1), 1e-3);
    }

    @Test
    void gloPretrainingFitsTheShapesAndTheTopologyStepLowersTheLoss() {
        int n = 10;
        double[][] shapes = VoxelShapes.generate(12, n, 2);
        GloPretraining glo = new GloPretraining(shapes, 4, new int[] {16}, 6, 3e-3, 1e-2, 3);
        double first = glo.step(), last = first;
        for (int it = 0; it < 60; it++) {
            last = glo.step();
        }
        assertTrue(last < 0.6 * first, "squared error per voxel " + first + " -> " + last);
        for (double[] code : glo.codes()) {
            double norm = Math.sqrt(code[0] * code[0] + code[1] * code[1] + code[2] * code[2] + code[3] * code[3]);
            assertTrue(norm <= 1 + 1e-9, "codes stay in the unit ball: " + norm);
        }
        // the topology loss alone on the decoder's weights lowers the loss on fixed codes
        ComponentPrior prior = new ComponentPrior(new int[] {n, n, n}, 0);
        LatentGaussian latent = LatentGaussian.fit(glo.codes());
        INDArray z = latent.sample(8, new SplittableRandom(4));
        INDArray weights = glo.decoder().parameterVector();
        AdamOptimizer adam = AdamOptimizer.standard(1e-2);
        double before = prior.evaluate(glo.decoder().output(z)).mean();
        for (int it = 0; it < 5; it++) {
            adam.step(weights, GanTrainer.topologyGradient(glo.decoder(), z, prior).parameters());
            glo.decoder().setParameters(weights);
        }
        double after = prior.evaluate(glo.decoder().output(z)).mean();
        assertTrue(after < before, "E(1,0,2;PD0) " + before + " -> " + after);
    }

    @Test
    void slicesAndProjectionsReadTheVolumeAsZYX() {
        double[] v = new double[27];
        v[index3(2, 0, 1)] = 1;
        assertEquals(1, VoxelApp.slice(v, 3, 2)[1], 0);
        assertEquals(0, VoxelApp.slice(v, 3, 1)[1], 0);
        assertEquals(1, VoxelApp.maxProjection(v, 3)[1], 0);
        assertArrayEquals(new int[] {2, 8, 13, 18, 24, 29}, VoxelApp.sliceDepths(32, 6));
        assertEquals(1 / 27.0, VoxelApp.occupancy(new double[][] {v}), 1e-15);
    }

    private static int index3(int z, int y, int x) {
        return (z * 3 + y) * 3 + x;
    }
}
