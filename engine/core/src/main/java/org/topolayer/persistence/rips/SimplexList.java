package org.topolayer.persistence.rips;

import java.util.Arrays;

/**
 * A growable list of simplices as (diameter rank, combinatorial index) pairs in two primitive
 * arrays: the engine's columns and simplex lists without an object per simplex.
 */
final class SimplexList {
    private int[] ranks;
    private long[] indices;
    private int size;

    SimplexList(int capacity) {
        ranks = new int[Math.max(capacity, 16)];
        indices = new long[ranks.length];
    }

    /** A list holding exactly these arrays (taken, not copied). */
    static SimplexList wrap(int[] ranks, long[] indices) {
        SimplexList list = new SimplexList(0);
        list.ranks = ranks;
        list.indices = indices;
        list.size = ranks.length;
        return list;
    }

    int size() {
        return size;
    }

    int rank(int i) {
        return ranks[i];
    }

    long index(int i) {
        return indices[i];
    }

    void add(int rank, long index) {
        if (size == ranks.length) {
            int grown = Math.max(16, size + (size >> 1));
            ranks = Arrays.copyOf(ranks, grown);
            indices = Arrays.copyOf(indices, grown);
        }
        ranks[size] = rank;
        indices[size] = index;
        size++;
    }

    void reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            swap(i, j);
        }
    }

    /**
     * Sorts into reverse filtration order, the order cohomology reduces columns in: larger rank
     * first, equal ranks by smaller index first.
     */
    void sortReverseFiltrationOrder() {
        quickSort(0, size - 1);
    }

    /** True if simplex i comes before simplex j in reverse filtration order. */
    private boolean precedes(int i, int j) {
        return ranks[i] > ranks[j] || (ranks[i] == ranks[j] && indices[i] < indices[j]);
    }

    private void quickSort(int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            // median of three into hi, then Lomuto partition around it
            if (precedes(mid, lo)) {
                swap(mid, lo);
            }
            if (precedes(hi, lo)) {
                swap(hi, lo);
            }
            if (precedes(mid, hi)) {
                swap(mid, hi);
            }
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (precedes(i, hi)) {
                    swap(i, store++);
                }
            }
            swap(store, hi);
            // recurse into the smaller side, loop on the larger: O(log n) stack
            if (store - lo < hi - store) {
                quickSort(lo, store - 1);
                lo = store + 1;
            } else {
                quickSort(store + 1, hi);
                hi = store - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && precedes(j, j - 1); j--) {
                swap(j, j - 1);
            }
        }
    }

    private void swap(int i, int j) {
        int r = ranks[i];
        ranks[i] = ranks[j];
        ranks[j] = r;
        long x = indices[i];
        indices[i] = indices[j];
        indices[j] = x;
    }
}
