package org.topolayer.persistence.rips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.EuclideanDistance;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.limits.OverBudgetException;
import org.topolayer.limits.SizeEstimate;

/** The Rips size estimate: exact counts for complete graphs, bounds otherwise, and the advice of a refusal. */
class RipsSizeTest {
    @Test
    void ripsCountsAreExactForACompleteGraph() {
        int n = 40;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0 : 1;
            }
        }
        RipsSize size = RipsSize.ofDistanceMatrix(d, 2, Double.POSITIVE_INFINITY);
        assertEquals(n * (n - 1) / 2.0, size.edges(1), 1e-6);
        assertEquals(SizeEstimate.choose(n, 3), size.simplices(1, 2), 1e-6);
        assertEquals(0, size.edges(0.5));
    }

    @Test
    void ripsCountsBoundTheTrueCountsWhenEveryPointIsSampled() {
        Random random = new Random(5);
        double[][] points = new double[RipsSize.SAMPLED_POINTS][2];
        for (double[] p : points) {
            p[0] = random.nextDouble();
            p[1] = random.nextDouble();
        }
        double t = 0.4;
        int edges = 0, triangles = 0;
        for (int a = 0; a < points.length; a++) {
            for (int b = a + 1; b < points.length; b++) {
                edges += dist(points[a], points[b]) <= t ? 1 : 0;
                for (int c = b + 1; c < points.length; c++) {
                    boolean clique = dist(points[a], points[b]) <= t && dist(points[a], points[c]) <= t
                            && dist(points[b], points[c]) <= t;
                    triangles += clique ? 1 : 0;
                }
            }
        }
        RipsSize size = RipsSize.ofPoints(points, 2, t);
        assertEquals(edges, size.edges(t), 1e-6);
        assertTrue(size.simplices(t, 2) >= triangles, size.simplices(t, 2) + " < " + triangles);
        assertTrue(size.simplices(t, 2) <= 3 * triangles, "a useful bound: " + size.simplices(t, 2) + " vs " + triangles);
    }

    @Test
    void anOverBudgetRipsNamesTheEstimateAndAThresholdThatFits() {
        Random random = new Random(2);
        double[][] points = new double[3000][3];
        for (double[] p : points) {
            for (int k = 0; k < 3; k++) {
                p[k] = random.nextDouble();
            }
        }
        RipsSize size = RipsSize.ofPoints(points, 2, Double.POSITIVE_INFINITY);
        MemoryBudget budget = MemoryBudget.parse("200m", "--memory-budget");
        assertTrue(size.bytes() > budget.bytes(), "3000 points up to H2 need more than 200 MiB: " + size.bytes());
        OverBudgetException e = assertThrows(OverBudgetException.class, () -> budget.require(size));
        assertTrue(e.getMessage().startsWith("Rips up to H2 of 3000 points (about "), e.getMessage());
        assertTrue(e.getMessage().contains(" triangles) needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("(estimate), over the memory budget of 200 MiB (--memory-budget 200m); use "
                + "--threshold "), e.getMessage());
        Matcher suggested = Pattern.compile("--threshold ([0-9.]+)").matcher(e.getMessage());
        assertTrue(suggested.find());
        double t = Double.parseDouble(suggested.group(1));
        assertTrue(t > 0 && size.bytesAt(t, 2) <= budget.bytes(), "the suggested threshold fits: " + t);
        budget.require(RipsSize.ofPoints(points, 2, t)); // and a run with it passes the check

        MemoryBudget tiny = MemoryBudget.parse("10m", "--memory-budget");
        String tooMany = assertThrows(OverBudgetException.class, () -> tiny.require(size)).getMessage();
        long fit = (long) Math.sqrt(2 * (tiny.bytes() - 3000 * (16 + 8 * 3)) / RipsSize.BYTES_PER_PAIR);
        assertTrue(tooMany.endsWith("use fewer points: the distances alone take 12 bytes a pair, so at most about " + fit
                + " points fit"), tooMany);
    }

    /** Beyond the dense path's size a threshold means the sparse path: edges counted exactly, no pair term. */
    @Test
    void theSparsePathCountsItsEdgesExactly() {
        Random random = new Random(13);
        int n = RipsPersistence.DENSE_MAX_POINTS + 904;
        double[][] points = new double[n][2];
        for (double[] p : points) {
            p[0] = random.nextDouble();
            p[1] = random.nextDouble();
        }
        double t = 0.02;
        long edges = 0;
        for (int a = 1; a < n; a++) {
            for (int b = 0; b < a; b++) {
                edges += dist(points[a], points[b]) <= t ? 1 : 0;
            }
        }
        RipsSize size = RipsSize.ofPoints(points, 1, t);
        assertEquals(edges, size.edges(t), 1e-6);
        double pairBytes = RipsSize.BYTES_PER_PAIR * n * (n - 1) / 2.0;
        assertTrue(size.bytes() < pairBytes, "no distance triangle: " + size.bytes() + " vs " + pairBytes);
        MemoryBudget tiny = MemoryBudget.parse("1m", "--memory-budget");
        String refusal = assertThrows(OverBudgetException.class, () -> tiny.require(size)).getMessage();
        Matcher suggested = Pattern.compile("use --threshold ([0-9.]+)$").matcher(refusal);
        assertTrue(suggested.find(), refusal);
        double smaller = Double.parseDouble(suggested.group(1));
        assertTrue(smaller < t, refusal);
        tiny.require(RipsSize.ofPoints(points, 1, smaller)); // the suggestion fits once its edges are counted
    }

    @Test
    void aLowerMaxdimIsSuggestedWhenItFits() {
        double[][] points = new double[120][2];
        Random random = new Random(9);
        for (double[] p : points) {
            p[0] = random.nextDouble();
            p[1] = random.nextDouble();
        }
        RipsSize size = RipsSize.ofPoints(points, 4, Double.POSITIVE_INFINITY);
        long budget = size.bytesAt(Double.POSITIVE_INFINITY, 2) + 1;
        assertTrue(size.remedy(budget).contains("--maxdim 2"), size.remedy(budget));
    }

    private static double dist(double[] a, double[] b) {
        return EuclideanDistance.between(a, b);
    }
}
