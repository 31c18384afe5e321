package org.topolayer.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.io.Simplices;

/** The memory budget and the size estimates: exact counts where they are exact, bounds where they bound. */
class SizeEstimatesTest {
    @Test
    void budgetsParseSizesAndRefuseNonsense() {
        assertEquals(512L << 20, MemoryBudget.parse("512m", "--memory-budget").bytes());
        assertEquals(2L << 30, MemoryBudget.parse("2g", "--memory-budget").bytes());
        assertEquals(3L << 29, MemoryBudget.parse("1.5G", "--memory-budget").bytes());
        assertEquals(1000, MemoryBudget.parse("1000", "--memory-budget").bytes());
        assertEquals(64L << 10, MemoryBudget.parse("64KiB", "--memory-budget").bytes());
        assertEquals((long) (Runtime.getRuntime().maxMemory() * 0.8), MemoryBudget.parse("auto", "--memory-budget").bytes());
        for (String bad : List.of("0", "-1", "lots", "1x", "", "1e9", "NaN")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MemoryBudget.parse(bad, "--memory-budget"), bad);
            assertTrue(e.getMessage().startsWith("--memory-budget must be a size such as 512m"), e.getMessage());
        }
        assertEquals("1.5 GiB", MemoryBudget.human(3L << 29));
        assertEquals("950 bytes", MemoryBudget.human(950));
        assertEquals("12 MiB", MemoryBudget.human(12L << 20));
        MemoryBudget shared = MemoryBudget.ofHeap(4L << 30, 4);
        assertEquals("819 MiB (80% of the 4.0 GiB heap shared by 4 tasks)", shared.describe());
    }

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
        assertEquals(RipsSize.choose(n, 3), size.simplices(1, 2), 1e-6);
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

    @Test
    void gridSimplicesAreCountedExactly() {
        for (int[] shape : new int[][] {{7}, {3, 4}, {2, 2, 2}, {3, 4, 5}, {1, 6, 3}}) {
            for (int top = 0; top <= 3; top++) {
                SimplicialComplex complex = GridComplex.freudenthal(shape, top);
                assertEquals(complex.size(), GridSize.of(shape, top - 1).simplicesUpTo(top), 1e-9,
                        java.util.Arrays.toString(shape) + " up to dimension " + top);
            }
        }
        assertEquals(60 * GridSize.BYTES_PER_PIXEL, GridSize.of(new int[] {60, 1}, 1).bytes(), 1);
        GridSize volume = GridSize.of(new int[] {40, 40, 40}, 2);
        String message = assertThrows(OverBudgetException.class, () -> MemoryBudget.parse("1m", "--memory-budget")
                .require(volume)).getMessage();
        assertTrue(message.startsWith("level sets up to H2 of a 40×40×40 grid (about 1.6e6 simplices) needs about "), message);
        long fit = Math.round((1 << 20) / (volume.bytes() / 64000.0));
        assertTrue(message.endsWith("; use --maxdim 0") || message.endsWith("downsample the input: about " + fit
                + " values fit"), message);
    }

    @Test
    void complexFacesBoundTheBuiltComplex() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("complex", ".txt");
        try {
            java.nio.file.Files.writeString(file, "0 1 2 3\n2 3 4\n4 5\n6\n");
            Simplices listed = org.topolayer.io.ComplexReader.read(file);
            SimplicialComplex.Builder builder = SimplicialComplex.builder();
            for (int i = 0; i < listed.size(); i++) {
                builder.add(listed.get(i));
            }
            int built = builder.build().size();
            ComplexSize size = ComplexSize.of(listed, 1);
            // 7 vertices; 11 larger faces of the tetrahedron, 4 of the triangle, 1 edge; the shared edge 2-3 twice
            assertEquals(7 + 11 + 4 + 1, size.faces(Integer.MAX_VALUE), 1e-9);
            assertEquals(built + 1, size.faces(Integer.MAX_VALUE), 1e-9);
            assertEquals(7 + 6 + 4 + 3 + 1 + 1, size.faces(2), 1e-9);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static double dist(double[] a, double[] b) {
        return org.topolayer.complex.EuclideanDistance.between(a, b);
    }
}
