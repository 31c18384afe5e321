package org.topolayer.persistence.rips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.RipsComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.ReferenceReduction;

/**
 * Rips persistence over Z/p: against the reference reduction over Z/p on random clouds and random
 * distance matrices full of ties, and a known answer where the field matters (a flag triangulation
 * of the projective plane as a distance matrix: H1 and H2 over Z/2, neither over Z/3).
 */
class RipsCoefficientsTest {
    private static final int[] PRIMES = {2, 3, 5, 7};

    @Test
    void matchesReferenceOnRandomClouds() {
        Random random = new Random(20261207);
        for (int c = 0; c < 600; c++) {
            int p = PRIMES[c % PRIMES.length];
            double[][] points = RipsPersistenceTest.randomCloud(random, c % 5);
            int maxDim = 1 + random.nextInt(2);
            double threshold = random.nextInt(3) == 0 ? Double.POSITIVE_INFINITY
                    : RipsPersistenceTest.randomThreshold(random, points);
            PersistenceDiagrams fast = RipsPersistence.ofPoints(points, maxDim, threshold, p);
            PersistenceDiagrams reference = ReferenceReduction.compute(
                    RipsComplex.filtration(points, maxDim + 1, threshold), maxDim, p);
            for (int d = 0; d <= maxDim; d++) {
                assertArrayEquals(reference.get(d).toArray(), fast.get(d).toArray(),
                        "Z/" + p + " H" + d + " case " + c + " " + Arrays.deepToString(points));
            }
        }
    }

    /**
     * Symmetric matrices of small integers (not metrics): flag complexes with far more varied
     * topology than Euclidean clouds, and ties everywhere. The sparse input path and the dense
     * one must agree too.
     */
    @Test
    void matchesReferenceOnRandomDistanceMatrices() {
        Random random = new Random(7);
        for (int c = 0; c < 400; c++) {
            int p = PRIMES[c % PRIMES.length];
            int n = 4 + random.nextInt(7);
            double[][] d = randomMatrix(random, n, 1 + random.nextInt(5));
            int maxDim = 1 + random.nextInt(2);
            double threshold = random.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + random.nextInt(4);
            PersistenceDiagrams fast = RipsPersistence.ofDistanceMatrix(d, maxDim, threshold, p);
            PersistenceDiagrams reference = ReferenceReduction.compute(flag(d, maxDim + 1, threshold), maxDim, p);
            PersistenceDiagrams sparse = sparseInput(d, maxDim, threshold, p);
            for (int k = 0; k <= maxDim; k++) {
                String what = "Z/" + p + " H" + k + " case " + c + " " + Arrays.deepToString(d);
                assertArrayEquals(reference.get(k).toArray(), fast.get(k).toArray(), what);
                assertArrayEquals(fast.get(k).toArray(), sparse.get(k).toArray(), "sparse input " + what);
            }
        }
    }

    /**
     * Larger inputs (12–16 points or matrix rows, maxdim 2): columns that are sums of several
     * coboundaries, so the kept reduction coefficients (V) are exercised, not only the signs.
     */
    @Test
    void matchesReferenceOnMediumInputs() {
        Random random = new Random(31);
        for (int c = 0; c < 24; c++) {
            int p = PRIMES[1 + c % 3];
            int n = 12 + random.nextInt(5);
            PersistenceDiagrams fast;
            PersistenceDiagrams reference;
            if (c % 2 == 0) {
                double[][] points = new double[n][3];
                for (double[] q : points) {
                    for (int k = 0; k < 3; k++) {
                        q[k] = c % 4 == 0 ? random.nextInt(3) : random.nextGaussian();
                    }
                }
                fast = RipsPersistence.ofPoints(points, 2, Double.POSITIVE_INFINITY, p);
                reference = ReferenceReduction.compute(RipsComplex.filtration(points, 3, Double.POSITIVE_INFINITY), 2, p);
            } else {
                double[][] d = randomMatrix(random, n, 2 + random.nextInt(4));
                fast = RipsPersistence.ofDistanceMatrix(d, 2, Double.POSITIVE_INFINITY, p);
                reference = ReferenceReduction.compute(flag(d, 3, Double.POSITIVE_INFINITY), 2, p);
            }
            for (int d = 0; d <= 2; d++) {
                assertArrayEquals(reference.get(d).toArray(), fast.get(d).toArray(), "Z/" + p + " case " + c + " H" + d);
            }
        }
    }

    /** The point cloud's sparse (k-d tree) path over Z/p gives the dense path's diagrams, sources included. */
    @Test
    void sparseAndDensePathsAgreeOverZ3() {
        Random random = new Random(5);
        for (int c = 0; c < 8; c++) {
            int n = 40 + random.nextInt(40);
            double[][] points = new double[n][3];
            for (double[] q : points) {
                for (int k = 0; k < 3; k++) {
                    q[k] = c % 2 == 0 ? random.nextInt(4) : random.nextDouble();
                }
            }
            double t = c % 2 == 0 ? 1.5 : 0.5;
            org.topolayer.persistence.PrimeField z3 = org.topolayer.persistence.PrimeField.of(3);
            PersistenceDiagrams sparse = RipsPersistence.sparse(points, 2, t, z3);
            PersistenceDiagrams dense = RipsPersistence.dense(points, 2, t, z3);
            for (int d = 0; d <= 2; d++) {
                assertEquals(dense.get(d), sparse.get(d), "case " + c + " H" + d);
            }
        }
    }

    /**
     * The barycentric subdivision of the 6-vertex projective plane is a flag complex: with its
     * edges at distance 1 and every other pair at 2, the Rips complex is RP² on [1, 2) and a
     * simplex from 2 on. Over Z/2 H1 and H2 each have the bar [1, 2); over Z/3 and Z/5 neither
     * has a bar (H1(RP²; Z/p) = H2 = 0 for odd p). H0 is one essential class either way.
     */
    @Test
    void projectivePlaneAsDistanceMatrix() {
        double[][] d = subdividedProjectivePlane();
        assertEquals(31, d.length);
        PersistenceDiagrams z2 = RipsPersistence.ofDistanceMatrix(d, 2, Double.POSITIVE_INFINITY, 2);
        PersistenceDiagrams byDefault = RipsPersistence.ofDistanceMatrix(d, 2, Double.POSITIVE_INFINITY);
        for (int k = 0; k <= 2; k++) {
            assertEquals(z2.get(k), byDefault.get(k), "default is Z/2");
        }
        assertArrayEquals(new double[][] {{1, 2}}, z2.get(1).toArray());
        assertArrayEquals(new double[][] {{1, 2}}, z2.get(2).toArray());
        for (int p : new int[] {3, 5}) {
            PersistenceDiagrams zp = RipsPersistence.ofDistanceMatrix(d, 2, Double.POSITIVE_INFINITY, p);
            assertEquals(0, zp.get(1).size(), "Z/" + p + " H1 " + zp.get(1));
            assertEquals(0, zp.get(2).size(), "Z/" + p + " H2 " + zp.get(2));
            assertEquals(z2.get(0), zp.get(0), "H0 does not depend on the field");
        }
        // with the threshold at 1 the classes never die
        Diagram h1 = RipsPersistence.ofDistanceMatrix(d, 2, 1.0, 2).get(1);
        assertEquals(1, h1.size());
        assertTrue(h1.isEssential(0));
        assertEquals(0, RipsPersistence.ofDistanceMatrix(d, 2, 1.0, 3).get(1).size());
    }

    /**
     * The documented index limits: C(n, maxdim + 2) below 2⁶³ over Z/2, below 2⁶¹ over Z/3
     * (two coefficient bits). Points without pairs, so only the index arithmetic is at stake.
     */
    @Test
    void indexLimitsShrinkByTheCoefficientBits() {
        int[] none = new int[0];
        double[] noDistances = new double[0];
        assertEquals(86_251, RipsPersistence.ofSparseDistances(86_251, none, none, noDistances, 2, 1.0, 3)
                .get(0).size());
        IllegalArgumentException z3 = assertThrows(IllegalArgumentException.class,
                () -> RipsPersistence.ofSparseDistances(86_252, none, none, noDistances, 2, 1.0, 3));
        assertTrue(z3.getMessage().contains("86252 points are too many for maxdim 2"), z3.getMessage());
        assertEquals(121_977, RipsPersistence.ofSparseDistances(121_977, none, none, noDistances, 2, 1.0, 2)
                .get(0).size());
        assertThrows(IllegalArgumentException.class,
                () -> RipsPersistence.ofSparseDistances(121_978, none, none, noDistances, 2, 1.0, 2));
    }

    @Test
    void rejectsBadModulus() {
        double[][] points = {{0, 0}, {1, 0}};
        for (int bad : new int[] {0, 1, 4, 9, -3, 32768, 65537}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY, bad));
            assertTrue(e.getMessage().contains("prime below 32768") && e.getMessage().contains("got " + bad),
                    e.getMessage());
        }
        assertEquals(2, RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY, 32749).get(0).size());
    }

    /** The 6-vertex RP² (10 triangles; every pair of vertices is an edge). */
    static final int[][] PROJECTIVE_PLANE = {
        {0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {0, 1, 5},
        {1, 2, 4}, {2, 3, 5}, {1, 3, 4}, {2, 4, 5}, {1, 3, 5}};

    /** Vertices: the 6 vertices, 15 edges and 10 triangles of RP²; edges join a face to its subfaces. */
    private static double[][] subdividedProjectivePlane() {
        java.util.List<java.util.Set<Integer>> faces = new java.util.ArrayList<>();
        for (int v = 0; v < 6; v++) {
            faces.add(java.util.Set.of(v));
        }
        for (int a = 0; a < 6; a++) {
            for (int b = a + 1; b < 6; b++) {
                faces.add(java.util.Set.of(a, b));
            }
        }
        for (int[] t : PROJECTIVE_PLANE) {
            faces.add(java.util.Set.of(t[0], t[1], t[2]));
        }
        int n = faces.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean nested = faces.get(i).containsAll(faces.get(j)) || faces.get(j).containsAll(faces.get(i));
                d[i][j] = i == j ? 0 : nested ? 1 : 2;
            }
        }
        return d;
    }

    private static double[][] randomMatrix(Random random, int n, int values) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                d[i][j] = d[j][i] = 1 + random.nextInt(values);
            }
        }
        return d;
    }

    /** The flag filtration of a matrix, built here by brute force (every subset up to maxSimplexDimension + 1 vertices). */
    private static Filtration flag(double[][] d, int maxSimplexDimension, double threshold) {
        Filtration.Builder b = Filtration.builder(ValueModel.DISTANCE_ENTRY, 1);
        int n = d.length;
        for (int mask = 1; mask < 1 << n; mask++) {
            int size = Integer.bitCount(mask);
            if (size > maxSimplexDimension + 1) {
                continue;
            }
            int[] v = new int[size];
            for (int i = 0, k = 0; i < n; i++) {
                if ((mask >> i & 1) != 0) {
                    v[k++] = i;
                }
            }
            double value = 0;
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    value = Math.max(value, d[v[i]][v[j]]);
                }
            }
            if (value <= threshold) {
                b.add(v, value, -1, -1);
            }
        }
        return b.build();
    }

    private static PersistenceDiagrams sparseInput(double[][] d, int maxDim, double threshold, int p) {
        int n = d.length, m = n * (n - 1) / 2, k = 0;
        int[] rows = new int[m], cols = new int[m];
        double[] values = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                rows[k] = i;
                cols[k] = j;
                values[k++] = d[i][j];
            }
        }
        return RipsPersistence.ofSparseDistances(n, rows, cols, values, maxDim, threshold, p);
    }
}
