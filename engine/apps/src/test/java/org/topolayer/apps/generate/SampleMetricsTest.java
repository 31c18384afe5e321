package org.topolayer.apps.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;

/** The sample metrics on cases with known answers, and component counts on images of known topology. */
class SampleMetricsTest {

    private static double[][] randomSet(int n, int d, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble() + shift;
            }
        }
        return x;
    }

    @Test
    void aSetAgainstItselfHasZeroMmdAndFullCoverage() {
        double[][] x = randomSet(40, 5, 0, 1);
        double[][] d = SampleMetrics.l2Distances(x, x);
        double sigma = SampleMetrics.medianBandwidth(d);
        assertEquals(0, SampleMetrics.mmd(d, d, d, sigma), 1e-7);
        assertEquals(1, SampleMetrics.coverage(d, d, 5));
    }

    @Test
    void aShiftedSetHasPositiveMmdAndLowCoverage() {
        double[][] real = randomSet(40, 5, 0, 1);
        double[][] near = randomSet(40, 5, 0, 2);
        double[][] far = randomSet(40, 5, 3, 3);
        double[][] rr = SampleMetrics.l2Distances(real, real);
        double sigma = SampleMetrics.medianBandwidth(rr);
        double mmdNear = SampleMetrics.mmd(rr, SampleMetrics.l2Distances(near, near), SampleMetrics.l2Distances(real, near), sigma);
        double mmdFar = SampleMetrics.mmd(rr, SampleMetrics.l2Distances(far, far), SampleMetrics.l2Distances(real, far), sigma);
        assertTrue(mmdNear > 0 && mmdNear < mmdFar, mmdNear + " vs " + mmdFar);
        assertEquals(0, SampleMetrics.coverage(rr, SampleMetrics.l2Distances(real, far), 5));
        assertTrue(SampleMetrics.coverage(rr, SampleMetrics.l2Distances(real, near), 5) > 0.5);
    }

    @Test
    void w1DistancesOfDiagramsAreSymmetricWithZeroDiagonal() {
        ComponentPrior prior = new ComponentPrior(28, 28, 0);
        ImageDataset data = SyntheticImages.generate(6, 4);
        List<SampleMetrics.Bars> bars = new ArrayList<>();
        for (double[] image : data.images()) {
            bars.add(SampleMetrics.Bars.of(prior.superlevelH0(image), 0.02));
        }
        double[][] d = SampleMetrics.w1Distances(bars, bars);
        double[][] full = SampleMetrics.w1Distances(bars, new ArrayList<>(bars));
        for (int i = 0; i < d.length; i++) {
            assertEquals(0, full[i][i], 1e-12);
            for (int j = 0; j < d.length; j++) {
                assertEquals(full[i][j], d[i][j], 1e-12);
                assertEquals(d[j][i], d[i][j], 1e-12);
            }
        }
        assertEquals(0, SampleMetrics.coverage(d, d, 2) - 1, 1e-12);
    }

    @Test
    void inceptionScoreIsTheNumberOfClassesForConfidentBalancedPredictions() {
        double[][] p = new double[20][10];
        for (int i = 0; i < p.length; i++) {
            p[i][i % 10] = 1;
        }
        assertEquals(10, SampleMetrics.inceptionScore(p), 1e-9);
        double[][] same = new double[20][10];
        for (double[] row : same) {
            row[3] = 1;
        }
        assertEquals(1, SampleMetrics.inceptionScore(same), 1e-12);
    }

    @Test
    void componentCountsOnSyntheticImagesOfKnownTopology() {
        ComponentPrior prior = new ComponentPrior(28, 28, 0);
        ImageDataset data = SyntheticImages.generate(30, 9);
        for (int i = 0; i < data.size(); i++) {
            int expected = switch (data.labels()[i]) {
                case 0, 1, 4, 5 -> 1;  // disk, ring, bar, cross
                case 2, 9 -> 2;        // two disks, two rings
                case 3 -> 3;           // three blobs
                default -> -1;
            };
            if (expected > 0) {
                assertEquals(expected, prior.components(data.images()[i], 0.3),
                        data.classNames()[data.labels()[i]] + " (image " + i + ")");
            }
        }
        // two separated bright squares on black: two components for τ below their height, one above
        double[] two = new double[28 * 28];
        for (int r = 5; r < 10; r++) {
            for (int c = 5; c < 10; c++) {
                two[r * 28 + c] = 0.9;
                two[(r + 12) * 28 + c + 12] = 0.6;
            }
        }
        assertEquals(2, prior.components(two, 0.5));
        assertEquals(1, prior.components(two, 0.7));
    }
}
