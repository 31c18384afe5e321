package org.topolayer.persistence.rips;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;

/**
 * Vietoris–Rips persistence diagrams at Ripser's speed: persistent cohomology over Z/2 (or Z/p) with
 * clearing, implicit coboundaries through the combinatorial number system, emergent and apparent
 * pairs, union-find for dimension 0 (the design of U. Bauer's Ripser, written anew in Java).
 *
 * <p>Conventions (docs/design.md §2–3): a simplex's value is its longest edge; simplices with
 * value ≤ threshold are included. Each finite value is attributed to one edge, the
 * lexicographically smallest point pair (smaller index first) among the simplex's longest
 * edges; vertex births (0) have sources -1; essential deaths have sources -1. Only bars of nonzero
 * length are reported. Without a threshold the enclosing radius (min over points of the largest
 * distance to another point) is used: beyond it the complex is a cone, so the diagrams do not
 * change and the one essential H0 bar stays infinite. With a threshold, classes still alive at it
 * are essential.
 *
 * <p>Coefficients: Z/2 by default; every entry point has an overload with a prime modulus p
 * (2 ≤ p &lt; 2¹⁵, {@link PrimeField}), as Ripser's {@code --modulus}. Z/2 runs the coefficient-free
 * reduction; Z/p for odd p packs the coefficient into the low ⌈log₂ p⌉ bits of the 64-bit simplex
 * indices, which lowers the index limit below accordingly: C(n, maxDimension + 2) &lt;
 * 2^(63 − ⌈log₂ p⌉) (maxdim 1 with p = 3: about 2.4 million points, maxdim 2 about 86 000; p = 5
 * or 7: 1.9 million and 72 000). H0 does not depend on the field.
 *
 * <p>Limits: at most 65 535 points without a threshold (with one, points
 * are limited by the simplex indices alone); simplex indices must fit in 64 bits
 * (C(n, maxDimension + 2) &lt; 2⁶³: maxdim 1 allows about 3.8 million points, maxdim 2 about
 * 122 000, maxdim 3 about 16 000); memory grows with the number of edges within the threshold
 * (about 60 bytes an edge with a threshold) plus 8·(maxDimension + 3) bytes a point.
 * Single-threaded; safe to call from many threads.
 */
public final class RipsPersistence {
    /**
     * Below this fraction of pairs within the threshold, cofacets are found by neighbour lists.
     * Measured: neighbour lists are about 2× faster with 6–7 % of pairs kept (o3_1024 at 1.8,
     * torus3d_1000 at 1.2), the full scan 15 % faster with 75–97 % kept (unif2d_2000, sphere).
     */
    private static final double SPARSE_FRACTION = 0.5;
    /** Points up to which a thresholded cloud still takes the dense triangle (see {@link #usesSparsePath}). */
    static final int DENSE_MAX_POINTS = 4096;
    /** The square rank matrix (n² ints) is made only up to this many points. */
    private static final int SQUARE_LIMIT = 20_000;

    private RipsPersistence() {}

    /**
     * Diagrams of dimensions 0..maxDimension of the Rips filtration of points (Euclidean distance).
     * With a finite threshold and more than {@value #DENSE_MAX_POINTS} points only the pairs within
     * the threshold are found (a k-d tree) and stored: no n² table, no 65 535-point limit. Otherwise
     * all n(n−1)/2 distances are computed (the enclosing radius needs them), for at most 65 535
     * points. Both paths give identical diagrams and sources.
     */
    public static PersistenceDiagrams ofPoints(double[][] points, int maxDimension, double threshold) {
        return ofPoints(points, maxDimension, threshold, 2);
    }

    /**
     * As {@link #ofPoints(double[][], int, double)} with coefficients in Z/p.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵ (2 gives the same diagrams as the overload without it)
     * @throws IllegalArgumentException when {@code modulus} is not such a prime
     */
    public static PersistenceDiagrams ofPoints(double[][] points, int maxDimension, double threshold, int modulus) {
        PrimeField field = PrimeField.of(modulus);
        checkOptions(maxDimension, threshold);
        if (points != null && !usesSparsePath(points.length, threshold)) {
            return dense(points, maxDimension, threshold, field);
        }
        return sparse(points, maxDimension, threshold, field);
    }

    /**
     * Whether {@link #ofPoints} takes the sparse path: a finite threshold and more points than the
     * dense triangle handles best. Up to {@value #DENSE_MAX_POINTS} points the triangle (at most
     * 100 MB) is faster: its rank lookups are one array read, the sparse path's a binary search
     * (measured 1.4–1.6× slower on Ripser's torus3d_1000 and o3_1024 clouds with their thresholds).
     */
    static boolean usesSparsePath(int n, double threshold) {
        return threshold < Double.POSITIVE_INFINITY && n > DENSE_MAX_POINTS;
    }

    /** The sparse path of {@link #ofPoints}, whatever the size (the tests compare it with the dense path). */
    static PersistenceDiagrams sparse(double[][] points, int maxDimension, double threshold, PrimeField field) {
        checkOptions(maxDimension, threshold);
        if (threshold == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the sparse path needs a finite threshold");
        }
        DistanceTriangle.checkPoints(points);
        // beyond the enclosing radius the complex is a cone, so cutting at the threshold instead
        // gives the same diagrams as the dense path's min(threshold, radius)
        RankedDistances sparse = RankedDistances.ofEdges(points.length, PointNeighbors.within(points, threshold));
        return compute(sparse, maxDimension, ValueModel.EDGE_LENGTH, field);
    }

    /** The all-pairs path of {@link #ofPoints}, whatever the threshold (the sparse path's test oracle too). */
    static PersistenceDiagrams dense(double[][] points, int maxDimension, double threshold, PrimeField field) {
        checkOptions(maxDimension, threshold);
        return compute(ranked(DistanceTriangle.ofPoints(points), points.length, threshold), maxDimension,
                ValueModel.EDGE_LENGTH, field);
    }

    /**
     * Diagrams of the Rips filtration of a distance matrix (square, symmetric, zero diagonal,
     * finite non-negative entries). Sources are (row, column) with row &lt; column.
     */
    public static PersistenceDiagrams ofDistanceMatrix(double[][] distances, int maxDimension, double threshold) {
        return ofDistanceMatrix(distances, maxDimension, threshold, 2);
    }

    /**
     * As {@link #ofDistanceMatrix(double[][], int, double)} with coefficients in Z/p.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵
     * @throws IllegalArgumentException when {@code modulus} is not such a prime
     */
    public static PersistenceDiagrams ofDistanceMatrix(double[][] distances, int maxDimension, double threshold,
                                                       int modulus) {
        PrimeField field = PrimeField.of(modulus);
        checkOptions(maxDimension, threshold);
        return compute(ranked(DistanceTriangle.ofMatrix(distances), distances.length, threshold), maxDimension,
                ValueModel.DISTANCE_ENTRY, field);
    }

    /**
     * Diagrams of the Rips filtration of a sparse distance matrix: n points and the m pairs given
     * as triples (rows[k], cols[k], distances[k]) — a neighbour graph of your own, e.g. a k-NN
     * graph; pairs not listed are absent at every scale (as if farther than the threshold). Each
     * pair at most once in either orientation, no diagonal entries, finite non-negative
     * distances. Sources are (row, column) with row &lt; column, as for a full matrix. Memory O(n + m).
     *
     * @throws IllegalArgumentException naming the first bad triple
     */
    public static PersistenceDiagrams ofSparseDistances(int n, int[] rows, int[] cols, double[] distances,
                                                        int maxDimension, double threshold) {
        return ofSparseDistances(n, rows, cols, distances, maxDimension, threshold, 2);
    }

    /**
     * As {@link #ofSparseDistances(int, int[], int[], double[], int, double)} with coefficients in Z/p.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵
     * @throws IllegalArgumentException when {@code modulus} is not such a prime, or naming the first bad triple
     */
    public static PersistenceDiagrams ofSparseDistances(int n, int[] rows, int[] cols, double[] distances,
                                                        int maxDimension, double threshold, int modulus) {
        PrimeField field = PrimeField.of(modulus);
        checkOptions(maxDimension, threshold);
        if (n < 0 || rows.length != cols.length || rows.length != distances.length) {
            throw new IllegalArgumentException("sparse distances need n ≥ 0 and equally long rows, cols and distances,"
                    + " got n " + n + " and " + rows.length + ", " + cols.length + ", " + distances.length);
        }
        PointNeighbors.Edges edges = new PointNeighbors.Edges(Math.max(16, rows.length));
        long[] pairs = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k], j = cols[k];
            double d = distances[k];
            if (i < 0 || j < 0 || i >= n || j >= n) {
                throw new IllegalArgumentException("entry " + k + ": (" + i + ", " + j + ") is outside the " + n
                        + " points");
            }
            if (i == j) {
                throw new IllegalArgumentException("entry " + k + ": (" + i + ", " + j + ") is on the diagonal;"
                        + " give pairs of distinct points only");
            }
            if (!(d >= 0) || d == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("entry " + k + ": distance " + d
                        + ", expected a finite non-negative number");
            }
            int a = Math.max(i, j), b = Math.min(i, j);
            pairs[k] = RankedDistances.edgeIndex(a, b);
            if (d <= threshold) {
                edges.add(a, b, d + 0.0);
            }
        }
        java.util.Arrays.sort(pairs);
        for (int k = 1; k < pairs.length; k++) {
            if (pairs[k] == pairs[k - 1]) {
                int[] v = new int[2];
                new Binomials(n, 2).vertices(pairs[k], 2, n, v);
                throw new IllegalArgumentException("the pair (" + v[1] + ", " + v[0] + ") is given twice");
            }
        }
        return compute(RankedDistances.ofEdges(n, edges), maxDimension, ValueModel.DISTANCE_ENTRY, field);
    }

    /** Ranks the triangle, cut at the smaller of threshold and enclosing radius; the triangle is garbage after. */
    private static RankedDistances ranked(double[] triangle, int n, double threshold) {
        double radius = DistanceTriangle.enclosingRadius(triangle, n);
        return RankedDistances.of(triangle, n, Math.min(threshold, radius));
    }

    private static PersistenceDiagrams compute(RankedDistances distances, int maxDimension, ValueModel model,
                                               PrimeField field) {
        int n = distances.pointCount();
        double pairs = (double) n * (n - 1) / 2;
        boolean walkLists = distances.edgeCount() < SPARSE_FRACTION * pairs
                || (distances.sparse() && n > SQUARE_LIMIT);
        return RipsEngine.compute(distances, maxDimension, model, walkLists, field);
    }

    private static void checkOptions(int maxDimension, double threshold) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxDimension must be ≥ 0, got " + maxDimension);
        }
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must be ≥ 0 (or +∞ for none), got " + threshold);
        }
    }
}
