package org.topolayer.apps.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void achlioptasMmdAndCoverageOfASetAgainstItselfAre0And1() {
        double[][] x = randomSet(30, 4, 0, 5);
        double[][] d = SampleMetrics.l2Distances(x, x);
        assertEquals(0, SampleMetrics.minimumMatchingDistance(d), 1e-12);
        assertEquals(1, SampleMetrics.coverage(d), 1e-12);
    }

    @Test
    void achlioptasMetricsOnHandMadeSets() {
        // references on a line at 0, 10, 20, 30; every generated sample is near the reference 20
        double[][] reference = {{0}, {10}, {20}, {30}};
        double[][] generated = {{19}, {21.5}, {20}, {18}, {22}};
        double[][] d = SampleMetrics.l2Distances(reference, generated);
        assertEquals(0.25, SampleMetrics.coverage(d), 1e-12); // 1/|B|
        // nearest generated sample of each reference: 18 (d 18), 18 (d 8), 20 (d 0), 22 (d 8)
        assertEquals((18 + 8 + 0 + 8) / 4.0, SampleMetrics.minimumMatchingDistance(d), 1e-12);
        // one generated sample between 0 and 10 (nearer 10), one at 31: references 10 and 30 are covered
        double[][] two = SampleMetrics.l2Distances(reference, new double[][] {{6}, {31}});
        assertEquals(0.5, SampleMetrics.coverage(two), 1e-12);
        assertEquals((6 + 4 + 11 + 1) / 4.0, SampleMetrics.minimumMatchingDistance(two), 1e-12);
        // the matching runs generated → reference: more generated samples than references can cover all
        assertEquals(1, SampleMetrics.coverage(SampleMetrics.l2Distances(new double[][] {{0}, {10}},
                new double[][] {{1}, {9}, {2}})), 1e-12);
        // ties go to the first reference
        assertEquals(0.5, SampleMetrics.coverage(new double[][] {{1, 1}, {1, 1}}), 1e-12);
    }

    @Test
    void achlioptasMetricsRejectEmptyRaggedAndNaNMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.minimumMatchingDistance(new double[0][0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SampleMetrics.coverage(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has 1 entries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SampleMetrics.coverage(new double[][] {{1, Double.NaN}}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void w1BetweenSuperlevelDiagramsMatchesEssentialBarsByBirth() {
        ComponentPrior prior = new ComponentPrior(8, 8, 0);
        double[] one = new double[64], two = new double[64];
        one[9] = 0.8;             // one bright pixel: essential bar (0.8, -inf), finite bars none
        two[9] = 0.6;
        two[54] = 0.5;            // two bright pixels: essential (0.6, -inf) and finite (0.5, 0)
        SampleMetrics.Bars a = SampleMetrics.Bars.of(prior.superlevelH0(one), 0);
        SampleMetrics.Bars b = SampleMetrics.Bars.of(prior.superlevelH0(two), 0);
        double[][] d = SampleMetrics.w1Distances(List.of(a), List.of(b));
        // |0.8 - 0.6| for the essential bars + the finite bar to the diagonal (L∞: half its length 0.5)
        assertEquals(0.2 + 0.25, d[0][0], 1e-12);
    }

    @Test
    void aSetAgainstItselfHasZeroMmdAndFullCoverage() {
        double[][] x = randomSet(40, 5, 0, 1);
        double[][] d = SampleMetrics.l2Distances(x, x);
        double sigma = SampleMetrics.medianBandwidth(d);
        assertEquals(0, SampleMetrics.kernelMmd(d, d, d, sigma), 1e-7);
        assertEquals(1, SampleMetrics.naeemCoverage(d, d, 5));
    }

    @Test
    void aShiftedSetHasPositiveMmdAndLowCoverage() {
        double[][] real = randomSet(40, 5, 0, 1);
        double[][] near = randomSet(40, 5, 0, 2);
        double[][] far = randomSet(40, 5, 3, 3);
        double[][] rr = SampleMetrics.l2Distances(real, real);
        double sigma = SampleMetrics.medianBandwidth(rr);
        double mmdNear = SampleMetrics.kernelMmd(rr, SampleMetrics.l2Distances(near, near), SampleMetrics.l2Distances(real, near), sigma);
        double mmdFar = SampleMetrics.kernelMmd(rr, SampleMetrics.l2Distances(far, far), SampleMetrics.l2Distances(real, far), sigma);
        assertTrue(mmdNear > 0 && mmdNear < mmdFar, mmdNear + " vs " + mmdFar);
        assertEquals(0, SampleMetrics.naeemCoverage(rr, SampleMetrics.l2Distances(real, far), 5));
        assertTrue(SampleMetrics.naeemCoverage(rr, SampleMetrics.l2Distances(real, near), 5) > 0.5);
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
        assertEquals(0, SampleMetrics.naeemCoverage(d, d, 2) - 1, 1e-12);
    }

    @Test
    void inceptionScoreOfAUniformPredictorIsOne() {
        double[][] uniform = new double[7][10];
        for (double[] row : uniform) {
            java.util.Arrays.fill(row, 0.1);
        }
        assertEquals(1, SampleMetrics.inceptionScore(uniform), 1e-12);
    }

    @Test
    void inceptionScoreRejectsLogitsRaggedRowsAndEmptyInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.inceptionScore(new double[][] {{3.0, 0.5}}));
        assertTrue(e.getMessage().contains("not 1: pass softmax outputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.inceptionScore(new double[][] {{0.5, 0.5}, {1.0}}));
        assertTrue(e.getMessage().contains("row 1 has 1 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleMetrics.inceptionScore(new double[0][]));
        e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.inceptionScore(new double[][] {{1.5, -0.5}}));
        assertTrue(e.getMessage().contains("≥ 0"), e.getMessage());
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
