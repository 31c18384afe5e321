package org.topolayer.complex;

import java.util.Arrays;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;

/**
 * The explicit Vietoris–Rips (flag) filtration of a point cloud (docs/design.md §2): vertices at 0,
 * an edge at the Euclidean distance of its endpoints, a higher simplex at its longest edge.
 *
 * <p>Sources ({@link ValueModel#EDGE_LENGTH}): a vertex has none (-1, -1): its value is the
 * constant 0 and carries no gradient. An edge or higher simplex names the two point indices
 * (smaller first) of the edge that gives its value; among several longest edges of equal length
 * the lexicographically smallest vertex pair is chosen. The fast engine in
 * {@code org.topolayer.persistence.rips} uses the same rule.
 *
 * <p>Limits: every simplex is materialised, so the size grows like C(n, k+1); meant for small
 * inputs and as the test oracle. Inputs are assumed valid (finite, non-ragged); the fast engine
 * validates.
 */
public final class RipsComplex {
    private RipsComplex() {}

    /**
     * @param maxSimplexDimension largest simplex dimension to include (k ≥ 0)
     * @param threshold           include simplices with value ≤ threshold
     *                            ({@code Double.POSITIVE_INFINITY} for all)
     */
    public static Filtration filtration(double[][] points, int maxSimplexDimension, double threshold) {
        if (maxSimplexDimension < 0) {
            throw new IllegalArgumentException("maxSimplexDimension must be ≥ 0, got " + maxSimplexDimension);
        }
        int n = points.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                d[i][j] = d[j][i] = EuclideanDistance.between(points[i], points[j]);
            }
        }
        Filtration.Builder builder = Filtration.builder(ValueModel.EDGE_LENGTH, 1);
        int[] simplex = new int[maxSimplexDimension + 1];
        for (int v = 0; v < n; v++) {
            simplex[0] = v;
            builder.add(new int[] {v}, 0.0, -1, -1);
            addCofaces(builder, d, threshold, simplex, 1, maxSimplexDimension + 1);
        }
        return builder.build();
    }

    /** Adds every clique extending simplex[0, size) by larger vertices, up to maxSize vertices. */
    private static void addCofaces(Filtration.Builder builder, double[][] d, double threshold, int[] simplex,
                                   int size, int maxSize) {
        if (size == maxSize) {
            return;
        }
        for (int w = simplex[size - 1] + 1; w < d.length; w++) {
            boolean fits = true;
            for (int k = 0; k < size && fits; k++) {
                fits = d[simplex[k]][w] <= threshold;
            }
            if (!fits) {
                continue;
            }
            simplex[size] = w;
            int[] edge = longestEdge(d, simplex, size + 1);
            builder.add(Arrays.copyOf(simplex, size + 1), d[edge[0]][edge[1]], edge[0], edge[1]);
            addCofaces(builder, d, threshold, simplex, size + 1, maxSize);
        }
    }

    /** The lexicographically smallest pair (a < b) among the longest edges of the ascending simplex. */
    private static int[] longestEdge(double[][] d, int[] simplex, int size) {
        int[] best = {simplex[0], simplex[1]};
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                if (d[simplex[i]][simplex[j]] > d[best[0]][best[1]]) {
                    best[0] = simplex[i];
                    best[1] = simplex[j];
                }
            }
        }
        return best;
    }
}
