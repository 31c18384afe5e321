package org.topolayer.persistence.rips;

import java.util.Arrays;

/**
 * A binary min-heap of coboundary entries (diameter rank, simplex index) in filtration order:
 * smaller rank first, equal ranks by larger index first (the order Ripser's cohomology uses).
 * Entries are two parallel primitive arrays; Z/2 coefficients are implicit, so an entry present
 * twice cancels ({@link #pivot}).
 */
final class EntryHeap {
    private int[] ranks = new int[64];
    private long[] indices = new long[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    void push(int rank, long index) {
        if (size == ranks.length) {
            ranks = Arrays.copyOf(ranks, size * 2);
            indices = Arrays.copyOf(indices, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int pr = ranks[parent];
            if (pr < rank || (pr == rank && indices[parent] >= index)) {
                break;
            }
            ranks[i] = pr;
            indices[i] = indices[parent];
            i = parent;
        }
        ranks[i] = rank;
        indices[i] = index;
    }

    /**
     * Cancels pairs of equal entries at the top until the top entry is unique, and returns whether
     * one remains; then {@link #topRank}/{@link #topIndex} are the column's pivot. A duplicate of
     * the top, if any, is a child of the root: every entry on the path to it equals the top.
     */
    boolean pivot() {
        while (size > 0) {
            long top = indices[0];
            if (!((size > 1 && indices[1] == top) || (size > 2 && indices[2] == top))) {
                return true;
            }
            pop();
            pop();
        }
        return false;
    }

    int topRank() {
        return ranks[0];
    }

    long topIndex() {
        return indices[0];
    }

    /** Removes the top entry. */
    void pop() {
        int last = --size;
        int rank = ranks[last];
        long index = indices[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(ranks[right], indices[right], ranks[child], indices[child])) {
                child = right;
            }
            if (!before(ranks[child], indices[child], rank, index)) {
                break;
            }
            ranks[i] = ranks[child];
            indices[i] = indices[child];
            i = child;
        }
        ranks[i] = rank;
        indices[i] = index;
    }

    private static boolean before(int ra, long ia, int rb, long ib) {
        return ra < rb || (ra == rb && ia > ib);
    }
}
