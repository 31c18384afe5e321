package org.topolayer.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bottleneck and Wasserstein distances: known values and brute force over all matchings of small diagrams. */
class DiagramDistanceTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void knownValues() {
        double[] b1 = {0, 1}, d1 = {2, 1.2};
        double[] b2 = {0}, d2 = {3};
        assertEquals(1, DiagramDistance.bottleneck(b1, d1, b2, d2), 1e-12);
        assertEquals(1.1, DiagramDistance.wasserstein(b1, d1, b2, d2, 1), 1e-12);
        assertEquals(Math.sqrt(1 + 0.01), DiagramDistance.wasserstein(b1, d1, b2, d2, 2), 1e-12);
        assertEquals(1.5, DiagramDistance.bottleneck(new double[0], new double[0], b2, d2), 1e-12);
        assertEquals(0, DiagramDistance.wasserstein(b1, d1, b1, d1, 1), 1e-12);
    }

    @Test
    void essentialBarsMatchAmongThemselves() {
        double[] b1 = {0, 1}, d1 = {INF, 2};
        double[] b2 = {0.5, 1}, d2 = {INF, 2};
        assertEquals(0.5, DiagramDistance.bottleneck(b1, d1, b2, d2), 1e-12);
        assertEquals(0.5, DiagramDistance.wasserstein(b1, d1, b2, d2, 1), 1e-12);
        assertEquals(INF, DiagramDistance.wasserstein(b1, d1, new double[] {1}, new double[] {2}, 1));
    }

    @Test
    void agreeWithBruteForce() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = rnd.nextInt(5), m = rnd.nextInt(5);
            double[][] a = randomDiagram(rnd, n), b = randomDiagram(rnd, m);
            double[] brute = brute(a, b, 0, new boolean[m], 0, 0, 2);
            assertEquals(brute[0], DiagramDistance.bottleneck(a[0], a[1], b[0], b[1]), 1e-12, "bottleneck trial " + trial);
            assertEquals(Math.sqrt(brute[1]), DiagramDistance.wasserstein(a[0], a[1], b[0], b[1], 2), 1e-9,
                    "W2 trial " + trial);
        }
    }

    private static double[][] randomDiagram(SplittableRandom rnd, int n) {
        double[][] d = new double[2][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = rnd.nextDouble();
            d[1][i] = d[0][i] + rnd.nextDouble();
        }
        return d;
    }

    /** {min over matchings of max cost, min of Σ cost^p}: each point of a goes to an unused point of b or the diagonal. */
    private static double[] brute(double[][] a, double[][] b, int i, boolean[] used, double max, double sum, double p) {
        if (i == a[0].length) {
            for (int j = 0; j < used.length; j++) {
                if (!used[j]) {
                    double c = (b[1][j] - b[0][j]) / 2;
                    max = Math.max(max, c);
                    sum += Math.pow(c, p);
                }
            }
            return new double[] {max, sum};
        }
        double c = (a[1][i] - a[0][i]) / 2;
        double[] best = brute(a, b, i + 1, used, Math.max(max, c), sum + Math.pow(c, p), p);
        double[] bestMax = best.clone();
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                double cost = Math.max(Math.abs(a[0][i] - b[0][j]), Math.abs(a[1][i] - b[1][j]));
                double[] r = brute(a, b, i + 1, used, Math.max(max, cost), sum + Math.pow(cost, p), p);
                used[j] = false;
                bestMax[0] = Math.min(bestMax[0], r[0]);
                best[1] = Math.min(best[1], r[1]);
            }
        }
        return new double[] {bestMax[0], best[1]};
    }
}
