package org.topolayer.persistence.rips;

import java.util.Arrays;

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
    private final int edgeCount;

    private RankedDistances(int n, int[] ranks, double[] lengths, int edgeCount) {
        this.n = n;
        this.ranks = ranks;
        this.lengths = lengths;
        this.edgeCount = edgeCount;
        rowStart = new int[n];
        for (int a = 1; a < n; a++) {
            rowStart[a] = rowStart[a - 1] + a - 1;
        }
    }

    /**
     * @param triangle distances of the n points, (a, b) with a &gt; b at C(a, 2) + b
     * @param threshold keep pairs with distance ≤ threshold
     */
    static RankedDistances rank(double[] triangle, int n, double threshold) {
        double[] kept = new double[triangle.length];
        int m = 0;
        for (double d : triangle) {
            if (d <= threshold) {
                kept[m++] = d;
            }
        }
        Arrays.sort(kept, 0, m);
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (distinct == 0 || kept[i] != kept[distinct - 1]) {
                kept[distinct++] = kept[i];
            }
        }
        double[] lengths = Arrays.copyOf(kept, distinct);
        int[] ranks = new int[triangle.length];
        for (int e = 0; e < triangle.length; e++) {
            double d = triangle[e];
            ranks[e] = d <= threshold ? Arrays.binarySearch(lengths, d) : ABSENT;
        }
        return new RankedDistances(n, ranks, lengths, m);
    }

    int pointCount() {
        return n;
    }

    /** Number of point pairs within the threshold. */
    int edgeCount() {
        return edgeCount;
    }

    /** Rank of the pair a ≠ b. */
    int rank(int a, int b) {
        return a > b ? ranks[rowStart[a] + b] : ranks[rowStart[b] + a];
    }

    /** Rank of the pair a &gt; b; no branch, for the enumerators' inner loops. */
    int rankOrdered(int a, int b) {
        return ranks[rowStart[a] + b];
    }

    /** Offset of row a (pairs a &gt; b) in {@link #ranksArray()}. */
    int rowStart(int a) {
        return rowStart[a];
    }

    /** The raw triangle, for hot loops that index it with {@link #rowStart}; do not modify. */
    int[] ranksArray() {
        return ranks;
    }

    /** The length that has this rank. */
    double length(int rank) {
        return lengths[rank];
    }

    /**
     * All edges within the threshold in filtration order: rank ascending, equal ranks by edge
     * index descending. A counting sort by rank, scanning indices downwards to make ties fall in
     * place.
     */
    SimplexList edgesInFiltrationOrder() {
        int[] next = new int[lengths.length + 1];
        for (int r : ranks) {
            if (r != ABSENT) {
                next[r + 1]++;
            }
        }
        for (int r = 0; r < lengths.length; r++) {
            next[r + 1] += next[r];
        }
        int[] sortedRanks = new int[edgeCount];
        long[] sortedIndices = new long[edgeCount];
        for (int e = ranks.length - 1; e >= 0; e--) {
            int r = ranks[e];
            if (r != ABSENT) {
                int at = next[r]++;
                sortedRanks[at] = r;
                sortedIndices[at] = e;
            }
        }
        return SimplexList.wrap(sortedRanks, sortedIndices);
    }
}
