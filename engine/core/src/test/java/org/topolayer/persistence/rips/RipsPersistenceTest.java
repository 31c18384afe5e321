package org.topolayer.persistence.rips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.EuclideanDistance;
import org.topolayer.complex.RipsComplex;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.ReferenceReduction;

class RipsPersistenceTest {

    /**
     * The engine against plain boundary-matrix reduction of the explicit flag filtration. Both
     * take their values from {@link EuclideanDistance}, so bars must be bit-equal: no tolerance.
     * Only nonzero bars are compared: zero-length pairs depend on the tie-break order, which
     * differs (Ripser's order versus the filtration's vertex order).
     */
    @Test
    void matchesReferenceReductionOnRandomSmallInputs() {
        Random random = new Random(20240611);
        int cases = 1200;
        for (int c = 0; c < cases; c++) {
            double[][] points = randomCloud(random, c % 5);
            int maxDim = 1 + random.nextInt(3);
            double threshold = random.nextInt(3) == 0 ? Double.POSITIVE_INFINITY : randomThreshold(random, points);
            PersistenceDiagrams fast = RipsPersistence.ofPoints(points, maxDim, threshold);
            PersistenceDiagrams reference = ReferenceReduction.compute(
                    RipsComplex.filtration(points, maxDim + 1, threshold), maxDim);
            String what = "case " + c + " maxDim " + maxDim + " threshold " + threshold + " points "
                    + Arrays.deepToString(points);
            assertEquals(maxDim, fast.maxDimension(), what);
            for (int d = 0; d <= maxDim; d++) {
                assertArrayEquals(reference.get(d).toArray(), fast.get(d).toArray(), "H" + d + " " + what);
            }
            assertAttributionMatchesValues(fast, points, what);
        }
    }

    /** Fewer, larger inputs (up to 16 points, maxdim 2): more columns, so more reduction work. */
    @Test
    void matchesReferenceReductionOnMediumInputs() {
        Random random = new Random(99);
        for (int c = 0; c < 12; c++) {
            int n = 12 + random.nextInt(5);
            double[][] points = new double[n][3];
            for (double[] p : points) {
                for (int k = 0; k < 3; k++) {
                    p[k] = c % 2 == 0 ? random.nextInt(3) : random.nextGaussian();
                }
            }
            double threshold = c % 3 == 0 ? randomThreshold(random, points) : Double.POSITIVE_INFINITY;
            PersistenceDiagrams fast = RipsPersistence.ofPoints(points, 2, threshold);
            PersistenceDiagrams reference = ReferenceReduction.compute(RipsComplex.filtration(points, 3, threshold), 2);
            for (int d = 0; d <= 2; d++) {
                assertArrayEquals(reference.get(d).toArray(), fast.get(d).toArray(), "case " + c + " H" + d);
            }
        }
    }

    /** Both cofacet walks see the same filtration order, so they must give identical diagrams, sources included. */
    @Test
    void sparseAndDenseWalksAgree() {
        Random random = new Random(11);
        for (int c = 0; c < 6; c++) {
            int n = 60 + random.nextInt(60);
            double[][] points = new double[n][3];
            for (double[] p : points) {
                for (int k = 0; k < 3; k++) {
                    p[k] = c % 2 == 0 ? random.nextInt(4) : random.nextDouble();
                }
            }
            double[] triangle = DistanceTriangle.ofPoints(points);
            RankedDistances distances = RankedDistances.of(triangle, n, c < 3 ? 0.6 : Double.POSITIVE_INFINITY);
            PersistenceDiagrams dense = RipsEngine.compute(distances, 2, ValueModel.EDGE_LENGTH, false, PrimeField.Z2);
            PersistenceDiagrams sparse = RipsEngine.compute(distances, 2, ValueModel.EDGE_LENGTH, true, PrimeField.Z2);
            for (int d = 0; d <= 2; d++) {
                assertEquals(dense.get(d), sparse.get(d), "case " + c + " H" + d);
            }
        }
    }

    @Test
    void ripsComplexAttributesTiesToTheSmallestPair() {
        double[][] isosceles = {{0, 0}, {2, 0}, {1, 3}}; // |02| = |12| > |01|
        org.topolayer.filtration.Filtration f = RipsComplex.filtration(isosceles, 2, Double.POSITIVE_INFINITY);
        int last = f.size() - 1;
        assertEquals(2, f.dimension(last));
        assertEquals(0, f.source(last, 0));
        assertEquals(2, f.source(last, 1));
        assertEquals(-1, f.source(0, 0), "vertices carry no source");
    }

    @Test
    void distanceMatrixInputEqualsPointInput() {
        Random random = new Random(7);
        for (int c = 0; c < 50; c++) {
            double[][] points = randomCloud(random, c % 5);
            double threshold = c % 2 == 0 ? Double.POSITIVE_INFINITY : randomThreshold(random, points);
            PersistenceDiagrams fromPoints = RipsPersistence.ofPoints(points, 2, threshold);
            PersistenceDiagrams fromMatrix = RipsPersistence.ofDistanceMatrix(distanceMatrix(points), 2, threshold);
            assertEquals(ValueModel.DISTANCE_ENTRY, fromMatrix.valueModel());
            for (int d = 0; d <= 2; d++) {
                Diagram p = fromPoints.get(d);
                Diagram m = fromMatrix.get(d);
                assertArrayEquals(p.births(), m.births());
                assertArrayEquals(p.deaths(), m.deaths());
                for (int i = 0; i < p.size(); i++) {
                    for (int k = 0; k < 2; k++) {
                        assertEquals(p.birthSource(i, k), m.birthSource(i, k));
                        assertEquals(p.deathSource(i, k), m.deathSource(i, k));
                    }
                }
            }
        }
    }

    @Test
    void noisyCircleHasOneDominantLoop() {
        Random random = new Random(3);
        double[][] points = new double[100][];
        for (int i = 0; i < points.length; i++) {
            double angle = 2 * Math.PI * i / points.length;
            double r = 1 + 0.1 * (random.nextDouble() - 0.5);
            points[i] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
        }
        double[] lengths = sortedPersistence(RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY).get(1));
        int last = lengths.length - 1;
        assertTrue(lengths[last] > 1.0, "circle loop persists " + lengths[last]);
        assertTrue(last == 0 || lengths[last] > 10 * lengths[last - 1], Arrays.toString(lengths));
    }

    @Test
    void sphereHasOneDominantVoid() {
        double[][] points = fibonacciSphere(80, new Random(5));
        PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, 2, Double.POSITIVE_INFINITY);
        double[] voids = sortedPersistence(diagrams.get(2));
        int last = voids.length - 1;
        assertTrue(last >= 0 && voids[last] > 0.5, Arrays.toString(voids));
        assertTrue(last == 0 || voids[last] > 5 * voids[last - 1], Arrays.toString(voids));
        assertEquals(1, diagrams.get(0).size() - countFinite(diagrams.get(0)), "one essential component");
    }

    /** The cross-polytope in R⁴ (±e_i) is a 3-sphere: one H3 bar from √2 to 2, nothing else above H0. */
    @Test
    void crossPolytopeHasOneThreeDimensionalVoid() {
        double[][] points = new double[8][4];
        for (int i = 0; i < 4; i++) {
            points[2 * i][i] = 1;
            points[2 * i + 1][i] = -1;
        }
        PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, 4, Double.POSITIVE_INFINITY);
        assertEquals(0, diagrams.get(1).size());
        assertEquals(0, diagrams.get(2).size());
        assertArrayEquals(new double[][] {{Math.sqrt(2), 2.0}}, diagrams.get(3).toArray());
        assertEquals(0, diagrams.get(4).size());
    }

    /** Dimensions beyond 3, and beyond what the points can carry (n − 2), against the reference. */
    @Test
    void highDimensionsMatchReference() {
        Random random = new Random(42);
        for (int c = 0; c < 20; c++) {
            double[][] points = randomCloud(random, c % 4);
            int maxDim = 4 + random.nextInt(4);
            PersistenceDiagrams fast = RipsPersistence.ofPoints(points, maxDim, Double.POSITIVE_INFINITY);
            PersistenceDiagrams reference = ReferenceReduction.compute(
                    RipsComplex.filtration(points, maxDim + 1, Double.POSITIVE_INFINITY), maxDim);
            for (int d = 0; d <= maxDim; d++) {
                assertArrayEquals(reference.get(d).toArray(), fast.get(d).toArray(), "case " + c + " H" + d);
            }
        }
    }

    @Test
    void tinyInputs() {
        PersistenceDiagrams empty = RipsPersistence.ofPoints(new double[0][], 2, Double.POSITIVE_INFINITY);
        assertEquals(2, empty.maxDimension());
        for (Diagram d : empty) {
            assertEquals(0, d.size());
        }
        PersistenceDiagrams one = RipsPersistence.ofPoints(new double[][] {{1, 2}}, 3, Double.POSITIVE_INFINITY);
        assertEquals(1, one.get(0).size());
        assertTrue(one.get(0).isEssential(0));
        assertEquals(-1, one.get(0).birthSource(0, 0));
        PersistenceDiagrams two = RipsPersistence.ofPoints(new double[][] {{0, 0}, {3, 4}}, 1, Double.POSITIVE_INFINITY);
        Diagram h0 = two.get(0);
        assertEquals(2, h0.size());
        assertEquals(5.0, h0.death(0));
        assertEquals(0, h0.deathSource(0, 0));
        assertEquals(1, h0.deathSource(0, 1));
        assertTrue(h0.isEssential(1));
        assertEquals(0, two.get(1).size());
        PersistenceDiagrams apart = RipsPersistence.ofPoints(new double[][] {{0, 0}, {3, 4}}, 0, 1.0);
        assertEquals(2, apart.get(0).size(), "two components below the threshold");
    }

    @Test
    void thresholdLeavesEssentialLoop() {
        double[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        Diagram h1 = RipsPersistence.ofPoints(square, 1, 1.2).get(1);
        assertEquals(1, h1.size());
        assertEquals(1.0, h1.birth(0));
        assertTrue(h1.isEssential(0));
        assertEquals(-1, h1.deathSource(0, 0));
        Diagram closed = RipsPersistence.ofPoints(square, 1, Double.POSITIVE_INFINITY).get(1);
        assertArrayEquals(new double[][] {{1.0, Math.sqrt(2)}}, closed.toArray());
    }

    @Test
    void rejectsBadInput() {
        double inf = Double.POSITIVE_INFINITY;
        assertMessage("coordinate 1 is NaN", () -> RipsPersistence.ofPoints(new double[][] {{0, 0}, {1, Double.NaN}}, 1, inf));
        assertMessage("coordinate 0 is Infinity", () -> RipsPersistence.ofPoints(new double[][] {{inf, 0}}, 1, inf));
        assertMessage("point 1 has 1 coordinates, expected 2", () -> RipsPersistence.ofPoints(new double[][] {{0, 0}, {1}}, 1, inf));
        assertMessage("maxDimension must be ≥ 0", () -> RipsPersistence.ofPoints(new double[][] {{0}}, -1, inf));
        assertMessage("threshold", () -> RipsPersistence.ofPoints(new double[][] {{0}}, 1, Double.NaN));
        assertMessage("row 1 has 1 entries, expected 2",
                () -> RipsPersistence.ofDistanceMatrix(new double[][] {{0, 1}, {1}}, 1, inf));
        assertMessage("not symmetric: [1][0] is 1.0 but [0][1] is 2.0",
                () -> RipsPersistence.ofDistanceMatrix(new double[][] {{0, 2}, {1, 0}}, 1, inf));
        assertMessage("diagonal entry [1][1] is 0.5",
                () -> RipsPersistence.ofDistanceMatrix(new double[][] {{0, 1}, {1, 0.5}}, 1, inf));
        assertMessage("entry [1][0] is -1.0",
                () -> RipsPersistence.ofDistanceMatrix(new double[][] {{0, -1}, {-1, 0}}, 1, inf));
        assertMessage("entry [1][0] is Infinity",
                () -> RipsPersistence.ofDistanceMatrix(new double[][] {{0, inf}, {inf, 0}}, 1, inf));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Every finite value must be the length of the edge it is attributed to. */
    private static void assertAttributionMatchesValues(PersistenceDiagrams diagrams, double[][] points, String what) {
        for (Diagram d : diagrams) {
            for (int i = 0; i < d.size(); i++) {
                if (d.dimension() == 0) {
                    assertEquals(-1, d.birthSource(i, 0), what);
                } else {
                    assertEquals(d.birth(i), edgeLength(points, d.birthSource(i, 0), d.birthSource(i, 1)), what);
                }
                if (d.isEssential(i)) {
                    assertEquals(-1, d.deathSource(i, 0), what);
                } else {
                    assertEquals(d.death(i), edgeLength(points, d.deathSource(i, 0), d.deathSource(i, 1)), what);
                }
            }
        }
    }

    private static double edgeLength(double[][] points, int a, int b) {
        assertTrue(a >= 0 && a < b, "edge (" + a + ", " + b + ")");
        return EuclideanDistance.between(points[a], points[b]);
    }

    /** Kinds: 0 uniform, 1 integer grid (many ties), 2 with duplicates, 3 collinear, 4 tiny (0–2 points). */
    static double[][] randomCloud(Random random, int kind) {
        int n = kind == 4 ? random.nextInt(3) : 3 + random.nextInt(8);
        int dim = 1 + random.nextInt(3);
        double[][] p = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                p[i][k] = switch (kind) {
                    case 1 -> random.nextInt(3);
                    case 3 -> k == 0 ? random.nextDouble() : 0.5 * (k + 1);
                    default -> random.nextDouble();
                };
            }
            if (kind == 2 && i > 0 && random.nextBoolean()) {
                p[i] = p[random.nextInt(i)].clone();
            }
        }
        if (kind == 3) { // collinear along a slanted line, integer steps: equal spacings tie
            for (int i = 0; i < n; i++) {
                int t = random.nextInt(6);
                for (int k = 0; k < dim; k++) {
                    p[i][k] = t * (k + 1);
                }
            }
        }
        return p;
    }

    /** A threshold equal to one of the distances (ties at the cut) or between them. */
    static double randomThreshold(Random random, double[][] points) {
        int n = points.length;
        if (n < 2) {
            return random.nextDouble();
        }
        int a = random.nextInt(n);
        int b = random.nextInt(n);
        double d = EuclideanDistance.between(points[a], points[b]);
        return random.nextBoolean() ? d : d * (0.5 + random.nextDouble());
    }

    private static double[][] distanceMatrix(double[][] points) {
        double[][] d = new double[points.length][points.length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < points.length; j++) {
                d[i][j] = i == j ? 0 : EuclideanDistance.between(points[i], points[j]);
            }
        }
        return d;
    }

    private static double[][] fibonacciSphere(int n, Random random) {
        double[][] p = new double[n][];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double z = 1 - 2 * (i + 0.5) / n;
            double r = Math.sqrt(1 - z * z);
            double a = golden * i;
            double s = 1 + 0.02 * (random.nextDouble() - 0.5);
            p[i] = new double[] {s * r * Math.cos(a), s * r * Math.sin(a), s * z};
        }
        return p;
    }

    private static double[] sortedPersistence(Diagram d) {
        double[] out = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            out[i] = d.persistence(i);
        }
        Arrays.sort(out);
        return out;
    }

    private static int countFinite(Diagram d) {
        int c = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.isEssential(i)) {
                c++;
            }
        }
        return c;
    }
}
