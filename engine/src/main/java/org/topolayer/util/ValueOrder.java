package org.topolayer.util;

/**
 * Ranks doubles: the permutation that sorts indices by (value, index), or by two values, in
 * linear time through {@link LongKeyRadixSort} on an order-preserving bit pattern of each double.
 * Stable, so equal values keep index order: the tie-break the filtrations promise. Keeps its
 * buffers between calls; not thread-safe: hold one per thread.
 */
public final class ValueOrder {
    private final LongKeyRadixSort radix = new LongKeyRadixSort();
    private long[] keys = new long[0];
    private int[] idx = new int[0];

    /**
     * Fills {@code order[0..n)} with indices sorted by (values[i], i) and {@code rank} with its
     * inverse. NaN must have been rejected by the caller.
     */
    public void sort(double[] values, int n, int[] order, int[] rank) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(values[i]);
            idx[i] = i;
        }
        radix.sort(keys, idx, n);
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
            rank[idx[i]] = i;
        }
    }

    /**
     * Fills {@code order[0..n)} with indices sorted by (first[i], second[i], i). Values may be
     * infinite but not NaN.
     */
    public void sortPairs(double[] first, double[] second, int n, int[] order) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(second[i]);
            idx[i] = i;
        }
        radix.sort(keys, idx, n);
        // LSD: a stable sort by the first key keeps the second-key order among equal first keys
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(first[idx[i]]);
        }
        radix.sort(keys, idx, n);
        System.arraycopy(idx, 0, order, 0, n);
    }

    /** The double's bits flipped so that unsigned long order = numeric order (-0.0 taken as 0.0). */
    private static long sortable(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private void ensure(int n) {
        if (keys.length < n) {
            keys = new long[n];
            idx = new int[n];
        }
    }
}
