package org.topolayer.complex;

import java.util.Arrays;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;

/**
 * The explicit Vietoris–Rips (flag) filtration of a point cloud or a distance matrix
 * (docs/design.md §2): vertices at 0, an edge at the distance of its endpoints, a higher simplex
 * at its longest edge.
 *
 * <p>Sources ({@link ValueModel#EDGE_LENGTH} for points, {@link ValueModel#DISTANCE_ENTRY} for a
 * matrix): a vertex has none (-1, -1): its value is the constant 0 and carries no gradient. An
 * edge or higher simplex names the two point indices (smaller first) of the edge that gives its
 * value; among several longest edges of equal length the lexicographically smallest vertex pair is
 * chosen. The fast engine in {@code org.topolayer.persistence.rips} uses the same rule.
 *
 * <p>Limits: every simplex is materialised, so the size grows like C(n, k+1); meant for small
 * inputs, as the test oracle, and for representatives ({@link #size} counts before building).
 * Inputs are assumed valid (finite, non-ragged, a symmetric matrix); the fast engine validates.
 */
public final class RipsComplex {
    private RipsComplex() {}

    /** Pairwise distances, however stored. */
    private interface Distances {
        int count();

        double between(int a, int b);
    }

    /**
     * @param maxSimplexDimension largest simplex dimension to include (k ≥ 0)
     * @param threshold           include simplices with value ≤ threshold
     *                            ({@code Double.POSITIVE_INFINITY} for all)
     */
    public static Filtration filtration(double[][] points, int maxSimplexDimension, double threshold) {
        return build(ofPoints(points), ValueModel.EDGE_LENGTH, maxSimplexDimension, threshold);
    }

    /** As {@link #filtration} for a symmetric distance matrix with a zero diagonal. */
    public static Filtration ofDistanceMatrix(double[][] distances, int maxSimplexDimension, double threshold) {
        return build(ofMatrix(distances), ValueModel.DISTANCE_ENTRY, maxSimplexDimension, threshold);
    }

    /**
     * The number of simplices {@link #filtration} would hold, counted up to {@code stopAbove + 1}
     * (so that a caller can refuse a complex too large to build, in time bounded by its limit).
     */
    public static long size(double[][] points, int maxSimplexDimension, double threshold, long stopAbove) {
        return count(ofPoints(points), maxSimplexDimension, threshold, stopAbove);
    }

    /** As {@link #size} for a distance matrix. */
    public static long sizeOfDistanceMatrix(double[][] distances, int maxSimplexDimension, double threshold,
                                            long stopAbove) {
        return count(ofMatrix(distances), maxSimplexDimension, threshold, stopAbove);
    }

    private static Distances ofPoints(double[][] points) {
        return new Distances() {
            @Override
            public int count() {
                return points.length;
            }

            @Override
            public double between(int a, int b) {
                return EuclideanDistance.between(points[a], points[b]);
            }
        };
    }

    private static Distances ofMatrix(double[][] d) {
        return new Distances() {
            @Override
            public int count() {
                return d.length;
            }

            @Override
            public double between(int a, int b) {
                return d[a][b] + 0.0;
            }
        };
    }

    private static Filtration build(Distances d, ValueModel model, int maxSimplexDimension, double threshold) {
        checkDimension(maxSimplexDimension);
        int n = d.count();
        Filtration.Builder builder = Filtration.builder(model, 1);
        int[] simplex = new int[maxSimplexDimension + 1];
        for (int v = 0; v < n; v++) {
            simplex[0] = v;
            builder.add(new int[] {v}, 0.0, -1, -1);
            addCofaces(builder, d, threshold, simplex, 1, maxSimplexDimension + 1);
        }
        return builder.build();
    }

    private static long count(Distances d, int maxSimplexDimension, double threshold, long stopAbove) {
        checkDimension(maxSimplexDimension);
        long[] count = {0};
        int[] simplex = new int[maxSimplexDimension + 1];
        for (int v = 0; v < d.count() && count[0] <= stopAbove; v++) {
            simplex[0] = v;
            count[0]++;
            countCofaces(d, threshold, simplex, 1, maxSimplexDimension + 1, count, stopAbove);
        }
        return count[0];
    }

    private static void checkDimension(int maxSimplexDimension) {
        if (maxSimplexDimension < 0) {
            throw new IllegalArgumentException("maxSimplexDimension must be ≥ 0, got " + maxSimplexDimension);
        }
    }

    /** Adds every clique extending simplex[0, size) by larger vertices, up to maxSize vertices. */
    private static void addCofaces(Filtration.Builder builder, Distances d, double threshold, int[] simplex,
                                   int size, int maxSize) {
        if (size == maxSize) {
            return;
        }
        for (int w = simplex[size - 1] + 1; w < d.count(); w++) {
            boolean fits = true;
            for (int k = 0; k < size && fits; k++) {
                fits = d.between(w, simplex[k]) <= threshold;
            }
            if (!fits) {
                continue;
            }
            simplex[size] = w;
            int[] edge = longestEdge(d, simplex, size + 1);
            builder.add(Arrays.copyOf(simplex, size + 1), d.between(edge[1], edge[0]), edge[0], edge[1]);
            addCofaces(builder, d, threshold, simplex, size + 1, maxSize);
        }
    }

    /** {@link #addCofaces}, counting instead of adding, until the count passes stopAbove. */
    private static void countCofaces(Distances d, double threshold, int[] simplex, int size, int maxSize,
                                     long[] count, long stopAbove) {
        if (size == maxSize) {
            return;
        }
        for (int w = simplex[size - 1] + 1; w < d.count() && count[0] <= stopAbove; w++) {
            boolean fits = true;
            for (int k = 0; k < size && fits; k++) {
                fits = d.between(w, simplex[k]) <= threshold;
            }
            if (fits) {
                simplex[size] = w;
                count[0]++;
                countCofaces(d, threshold, simplex, size + 1, maxSize, count, stopAbove);
            }
        }
    }

    /** The lexicographically smallest pair (a < b) among the longest edges of the ascending simplex. */
    private static int[] longestEdge(Distances d, int[] simplex, int size) {
        int[] best = {simplex[0], simplex[1]};
        double longest = d.between(best[1], best[0]);
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                double length = d.between(simplex[j], simplex[i]);
                if (length > longest) {
                    longest = length;
                    best[0] = simplex[i];
                    best[1] = simplex[j];
                }
            }
        }
        return best;
    }
}
