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
 * back into the exact double only for output. Two storages: the dense triangle (at most 65 535
 * points, one Java array) or, for the sparse path, only the edges within the threshold as
 * {@link NeighborLists}, where a pair's rank is found by binary search in a neighbour list.
 */
final class RankedDistances {
    /** Rank of a pair farther apart than the threshold; larger than every real rank. */
    static final int ABSENT = Integer.MAX_VALUE;

    private final int n;
    /** Dense storage: row starts and the rank triangle; both null in sparse storage. */
    private final int[] rowStart;
    private final int[] ranks;
    /** Sparse storage: the edges as neighbour lists; null in dense storage until asked for. */
    private NeighborLists lists;
    private final double[] lengths;
    private final SimplexList edgesInOrder;

    private RankedDistances(int n, int[] ranks, NeighborLists lists, double[] lengths, SimplexList edgesInOrder) {
        this.n = n;
        this.ranks = ranks;
        this.lists = lists;
        this.lengths = lengths;
        this.edgesInOrder = edgesInOrder;
        if (ranks != null) {
            rowStart = new int[n];
            for (int a = 1; a < n; a++) {
                rowStart[a] = rowStart[a - 1] + a - 1;
            }
        } else {
            rowStart = null;
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
        return new RankedDistances(n, ranks, null, Arrays.copyOf(lengths, distinct),
                SimplexList.wrap(edgeRanks, edgeIndices));
    }

    /**
     * Sparse storage of n points' edges: {@code edges.high[i] > edges.low[i]} at {@code edges.length[i]},
     * each pair at most once; pairs not listed are above the threshold. Time O(m log m + n), memory
     * O(m + n) for m edges: no n² table, so n is limited only by the combinatorial indices
     * ({@link Binomials}).
     */
    static RankedDistances ofEdges(int n, PointNeighbors.Edges edges) {
        int m = edges.size;
        // filtration order: length ascending, equal lengths by edge index descending. Two stable
        // sorts: first by index descending, then by length.
        long[] keys = new long[m];
        int[] at = new int[m];
        for (int i = 0; i < m; i++) {
            keys[i] = Long.MAX_VALUE - edgeIndex(edges.high[i], edges.low[i]);
            at[i] = i;
        }
        LongKeyRadixSort.sortOnce(keys, at, m);
        for (int i = 0; i < m; i++) {
            keys[i] = Double.doubleToRawLongBits(edges.length[at[i]] + 0.0); // monotone in d for d ≥ +0.0
        }
        LongKeyRadixSort.sortOnce(keys, at, m);
        int[] edgeRanks = new int[m];
        long[] edgeIndices = new long[m];
        int[] rankOfEdge = new int[m];
        double[] lengths = new double[m];
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                lengths[distinct++] = Double.longBitsToDouble(keys[i]);
            }
            edgeRanks[i] = distinct - 1;
            rankOfEdge[at[i]] = distinct - 1;
            edgeIndices[i] = edgeIndex(edges.high[at[i]], edges.low[at[i]]);
        }
        return new RankedDistances(n, null, NeighborLists.ofEdges(n, edges, rankOfEdge),
                Arrays.copyOf(lengths, distinct), SimplexList.wrap(edgeRanks, edgeIndices));
    }

    /** The edge a &gt; b's simplex index, C(a, 2) + b. */
    static long edgeIndex(int a, int b) {
        return (long) a * (a - 1) / 2 + b;
    }

    /** Whether the pairs are kept as neighbour lists only (no n² triangle). */
    boolean sparse() {
        return ranks == null;
    }

    /** The edges as neighbour lists (built from the triangle on first use in dense storage). */
    NeighborLists neighborLists() {
        if (lists == null) {
            lists = new NeighborLists(this);
        }
        return lists;
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
        return a > b ? rankOrdered(a, b) : rankOrdered(b, a);
    }

    /** Rank of the pair a &gt; b (no branch in dense storage). */
    int rankOrdered(int a, int b) {
        return ranks != null ? ranks[rowStart[a] + b] : lists.rankOf(a, b);
    }

    /** All n² ranks, row a at a·n (diagonal 0): rows are contiguous in the other point. */
    int[] squareRanks() {
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("no square rank matrix for " + n + " points"); // the engine walks lists then
        }
        int[] square = new int[n * n];
        for (int a = 1; a < n; a++) {
            for (int b = 0; b < a; b++) {
                int r = rankOrdered(a, b);
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
