package org.topolayer.persistence.rips;

import java.util.Arrays;
import org.topolayer.util.LongKeyRadixSort;

/**
 * The distance matrix as a compressed lower triangle of <em>ranks</em>: the entry for points
 * a &gt; b sits at C(a, 2) + b (which is also the edge's simplex index) and holds the position of
 * its length among the sorted distinct lengths ≤ the threshold, or {@link #ABSENT} above it.
 *
 * <p>Ranks order exactly as lengths do, and equal lengths get equal ranks, so the engine compares
 * and takes maxima of 4-byte ints instead of doubles (half the memory traffic) and turns a rank
 * back into the exact double only for output. Limit: at most about 65 500 points (the triangle is
 * one Java array).
 */
final class RankedDistances {
    /** Rank of a pair farther apart than the threshold; larger than every real rank. */
    static final int ABSENT = Integer.MAX_VALUE;

    private final int n;
    private final int[] rowStart;
    private final int[] ranks;
    private final double[] lengths;
    private final SimplexList edgesInOrder;

    private RankedDistances(int n, int[] ranks, double[] lengths, SimplexList edgesInOrder) {
        this.n = n;
        this.ranks = ranks;
        this.lengths = lengths;
        this.edgesInOrder = edgesInOrder;
        rowStart = new int[n];
        for (int a = 1; a < n; a++) {
            rowStart[a] = rowStart[a - 1] + a - 1;
        }
    }

    /**
     * @param triangle distances of the n points, (a, b) with a &gt; b at C(a, 2) + b
     * @param threshold keep pairs with distance ≤ threshold
     */
    static RankedDistances of(double[] triangle, int n, double threshold) {
        // collect by descending edge index: the stable sort then leaves equal lengths in
        // filtration order (larger index first)
        int kept = 0;
        for (double d : triangle) {
            if (d <= threshold) {
                kept++;
            }
        }
        long[] keys = new long[kept];
        int[] edges = new int[kept];
        int m = 0;
        for (int e = triangle.length - 1; e >= 0; e--) {
            double d = triangle[e];
            if (d <= threshold) {
                keys[m] = Double.doubleToRawLongBits(d); // monotone in d for d ≥ +0.0
                edges[m++] = e;
            }
        }
        LongKeyRadixSort.sortOnce(keys, edges, m);
        int[] ranks = new int[triangle.length];
        Arrays.fill(ranks, ABSENT);
        int[] edgeRanks = new int[m];
        long[] edgeIndices = new long[m];
        double[] lengths = new double[m];
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                lengths[distinct++] = Double.longBitsToDouble(keys[i]);
            }
            ranks[edges[i]] = distinct - 1;
            edgeRanks[i] = distinct - 1;
            edgeIndices[i] = edges[i];
        }
        return new RankedDistances(n, ranks, Arrays.copyOf(lengths, distinct),
                SimplexList.wrap(edgeRanks, edgeIndices));
    }

    int pointCount() {
        return n;
    }

    /** Number of point pairs within the threshold. */
    int edgeCount() {
        return edgesInOrder.size();
    }

    /** Rank of the pair a ≠ b. */
    int rank(int a, int b) {
        return a > b ? ranks[rowStart[a] + b] : ranks[rowStart[b] + a];
    }

    /** Rank of the pair a &gt; b (no branch). */
    int rankOrdered(int a, int b) {
        return ranks[rowStart[a] + b];
    }

    /** All n² ranks, row a at a·n (diagonal 0): rows are contiguous in the other point. */
    int[] squareRanks() {
        int[] square = new int[n * n];
        for (int a = 1; a < n; a++) {
            for (int b = 0; b < a; b++) {
                int r = ranks[rowStart[a] + b];
                square[a * n + b] = r;
                square[b * n + a] = r;
            }
        }
        return square;
    }

    /** The length that has this rank. */
    double length(int rank) {
        return lengths[rank];
    }

    /**
     * All edges within the threshold in filtration order: rank ascending, equal ranks by edge
     * index descending. Shared, not copied: callers must not modify it.
     */
    SimplexList edgesInFiltrationOrder() {
        return edgesInOrder;
    }
}
