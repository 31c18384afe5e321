package org.topolayer.persistence.rips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.EuclideanDistance;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;

/**
 * The sparse Rips path (points with a threshold: k-d tree neighbours, edges as neighbour lists)
 * against the dense all-pairs path, sources included, on clouds full of ties and duplicates; its
 * neighbour search against brute force; the sparse distance input against the full matrix. The
 * dense path itself is checked against the reference reduction in {@link RipsPersistenceTest}.
 */
class SparseRipsTest {

    /** Integer coordinates (many equal distances and duplicate points) or uniform ones, 1–6 dimensions. */
    private static double[][] cloud(Random random, int n, int dims, boolean grid) {
        double[][] points = new double[n][dims];
        for (double[] p : points) {
            for (int k = 0; k < dims; k++) {
                p[k] = grid ? random.nextInt(4) : random.nextDouble();
            }
        }
        return points;
    }

    /** A threshold that is exactly one of the distances (ties at the cut), zero, or one beyond every distance. */
    private static double threshold(Random random, double[][] points) {
        int kind = random.nextInt(6);
        if (kind == 0 || points.length < 2) {
            return kind == 0 ? 0 : 1;
        }
        if (kind == 1) {
            return 100; // beyond the enclosing radius: the dense path cuts there, the sparse path does not
        }
        int a = random.nextInt(points.length), b = random.nextInt(points.length);
        return EuclideanDistance.between(points[a], points[b]);
    }

    @Test
    void neighbourSearchFindsExactlyThePairsWithinTheThreshold() {
        Random random = new Random(41);
        for (int c = 0; c < 300; c++) {
            int n = random.nextInt(c < 20 ? 4 : 250);
            double[][] points = cloud(random, n, 1 + random.nextInt(6), c % 2 == 0);
            double t = threshold(random, points);
            List<String> brute = new ArrayList<>();
            for (int a = 1; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    double d = EuclideanDistance.between(points[a], points[b]);
                    if (d <= t) {
                        brute.add(a + "," + b + "," + d);
                    }
                }
            }
            PointNeighbors.Edges edges = PointNeighbors.within(points, t);
            List<String> found = new ArrayList<>();
            for (int e = 0; e < edges.size; e++) {
                found.add(edges.high[e] + "," + edges.low[e] + "," + edges.length[e]);
            }
            brute.sort(null);
            found.sort(null);
            assertEquals(brute, found, "case " + c + " threshold " + t);
            int[] degree = PointNeighbors.degrees(points, t);
            assertEquals(2 * brute.size(), Arrays.stream(degree).sum(), "case " + c);
        }
    }

    @Test
    void sparseAndDensePathsGiveIdenticalDiagramsSourcesIncluded() {
        Random random = new Random(43);
        for (int c = 0; c < 400; c++) {
            int n = random.nextInt(c < 30 ? 5 : 90);
            double[][] points = cloud(random, n, 1 + random.nextInt(4), c % 3 != 2);
            int maxDim = random.nextInt(n <= 30 ? 4 : 3); // H3 of 90 points takes seconds on the dense path
            double t = threshold(random, points);
            PersistenceDiagrams sparse = RipsPersistence.sparse(points, maxDim, t, PrimeField.Z2);
            PersistenceDiagrams dense = RipsPersistence.dense(points, maxDim, t, PrimeField.Z2);
            assertEquals(maxDim, sparse.maxDimension());
            for (int d = 0; d <= maxDim; d++) {
                assertEquals(dense.get(d), sparse.get(d), "case " + c + " n " + n + " maxdim " + maxDim
                        + " threshold " + t + " H" + d);
            }
        }
    }

    @Test
    void bothCofacetWalksAgreeOnSparseStorage() {
        Random random = new Random(47);
        for (int c = 0; c < 20; c++) {
            double[][] points = cloud(random, 40 + random.nextInt(40), 3, c % 2 == 0);
            RankedDistances distances = RankedDistances.ofEdges(points.length, PointNeighbors.within(points, 0.9));
            for (int d = 0; d <= 2; d++) {
                assertEquals(RipsEngine.compute(distances, 2, org.topolayer.filtration.ValueModel.EDGE_LENGTH, false, PrimeField.Z2).get(d),
                        RipsEngine.compute(distances, 2, org.topolayer.filtration.ValueModel.EDGE_LENGTH, true, PrimeField.Z2).get(d),
                        "case " + c + " H" + d);
            }
        }
    }

    @Test
    void sparseDistancesEqualTheFullMatrixWithTheMissingPairsFarAway() {
        Random random = new Random(53);
        for (int c = 0; c < 150; c++) {
            int n = random.nextInt(30);
            double[][] full = new double[n][n];
            List<int[]> kept = new ArrayList<>();
            for (int a = 1; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    boolean listed = random.nextInt(3) > 0;
                    double d = listed ? random.nextInt(5) * 0.25 : 1e6; // ties; absent pairs far beyond the threshold
                    full[a][b] = full[b][a] = d;
                    if (listed) {
                        kept.add(random.nextBoolean() ? new int[] {a, b} : new int[] {b, a}); // either orientation
                    }
                }
            }
            int[] rows = new int[kept.size()], cols = new int[kept.size()];
            double[] values = new double[kept.size()];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = kept.get(k)[0];
                cols[k] = kept.get(k)[1];
                values[k] = full[rows[k]][cols[k]];
            }
            int maxDim = random.nextInt(3);
            double t = random.nextBoolean() ? 1.0 : 0.5;
            PersistenceDiagrams sparse = RipsPersistence.ofSparseDistances(n, rows, cols, values, maxDim, t);
            PersistenceDiagrams dense = RipsPersistence.ofDistanceMatrix(full, maxDim, t);
            for (int d = 0; d <= maxDim; d++) {
                assertEquals(dense.get(d), sparse.get(d), "case " + c + " H" + d);
            }
        }
    }

    @Test
    void badSparseDistancesAreRefusedNamingTheEntry() {
        assertEquals("entry 1: (2, 2) is on the diagonal; give pairs of distinct points only",
                assertThrows(IllegalArgumentException.class, () -> RipsPersistence.ofSparseDistances(3,
                        new int[] {0, 2}, new int[] {1, 2}, new double[] {1, 1}, 1, 2)).getMessage());
        assertEquals("entry 0: (0, 3) is outside the 3 points", assertThrows(IllegalArgumentException.class,
                () -> RipsPersistence.ofSparseDistances(3, new int[] {0}, new int[] {3}, new double[] {1}, 1, 2))
                .getMessage());
        assertEquals("entry 0: distance NaN, expected a finite non-negative number", assertThrows(
                IllegalArgumentException.class, () -> RipsPersistence.ofSparseDistances(3, new int[] {0},
                        new int[] {1}, new double[] {Double.NaN}, 1, 2)).getMessage());
        assertEquals("the pair (0, 1) is given twice", assertThrows(IllegalArgumentException.class,
                () -> RipsPersistence.ofSparseDistances(3, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 1}, 1, 2))
                .getMessage());
    }

    /** Beyond the dense path's 65 535 points: components counted by union-find over the same edges. */
    @Test
    void morePointsThanTheDenseLimitWithAThreshold() {
        Random random = new Random(59);
        int n = 70_000;
        double[][] points = cloud(random, n, 2, false);
        double t = 0.004;
        PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, 1, t);
        PointNeighbors.Edges edges = PointNeighbors.within(points, t);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int components = n;
        for (int e = 0; e < edges.size; e++) {
            int a = root(parent, edges.high[e]), b = root(parent, edges.low[e]);
            if (a != b) {
                parent[a] = b;
                components--;
            }
        }
        long essential = Arrays.stream(diagrams.get(0).toArray()).filter(bar -> bar[1] == Double.POSITIVE_INFINITY)
                .count();
        assertEquals(components, essential);
        assertTrue(diagrams.get(0).size() >= components);
        assertThrows(IllegalArgumentException.class,
                () -> RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY)); // no threshold: the dense limit
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
