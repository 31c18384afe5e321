package org.topolayer.util;

/**
 * Ranks doubles: the permutation that sorts indices by (value, index), or by two values. An LSD radix sort on the
 * order-preserving bit pattern of each double, so it is O(n), allocation-free after warm-up and
 * stable (equal values keep index order, which is the tie-break the filtrations promise).
 * Not thread-safe: hold one per thread.
 */
public final class ValueOrder {
    private static final int SMALL = 48;
    private long[] keys = new long[0];
    private long[] keysTmp = new long[0];
    private int[] idx = new int[0];
    private int[] idxTmp = new int[0];
    private final int[] count = new int[1 << 11];

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
        sortKeys(n);
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
        sortKeys(n);
        // LSD: a stable sort by the first key keeps the second-key order among equal first keys
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(first[idx[i]]);
        }
        sortKeys(n);
        System.arraycopy(idx, 0, order, 0, n);
    }

    /** The double's bits flipped so that unsigned long order = numeric order (-0.0 taken as 0.0). */
    private static long sortable(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private void sortKeys(int n) {
        if (n <= SMALL) {
            insertionSort(n);
        } else {
            radixSort(n);
        }
    }

    private void insertionSort(int n) {
        for (int i = 1; i < n; i++) {
            long k = keys[i];
            int v = idx[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(keys[j], k) > 0) {
                keys[j + 1] = keys[j];
                idx[j + 1] = idx[j];
                j--;
            }
            keys[j + 1] = k;
            idx[j + 1] = v;
        }
    }

    private void radixSort(int n) {
        long[] k = keys, kt = keysTmp;
        int[] ix = idx, it = idxTmp;
        long or = 0, and = -1L;
        for (int i = 0; i < n; i++) {
            or |= k[i];
            and &= k[i];
        }
        // wider digits mean fewer passes; worth it once n dwarfs the count table
        int bits = n < 8192 ? 8 : 11;
        int buckets = 1 << bits, digit = buckets - 1;
        for (int shift = 0; shift < 64; shift += bits) {
            if ((((or ^ and) >>> shift) & digit) == 0) {
                continue; // every key has the same digit here
            }
            java.util.Arrays.fill(count, 0, buckets, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((k[i] >>> shift) & digit)]++;
            }
            int sum = 0;
            for (int b = 0; b < buckets; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((k[i] >>> shift) & digit)]++;
                kt[pos] = k[i];
                it[pos] = ix[i];
            }
            long[] tk = k; k = kt; kt = tk;
            int[] ti = ix; ix = it; it = ti;
        }
        keys = k;
        keysTmp = kt;
        idx = ix;
        idxTmp = it;
    }

    private void ensure(int n) {
        if (keys.length < n) {
            keys = new long[n];
            keysTmp = new long[n];
            idx = new int[n];
            idxTmp = new int[n];
        }
    }
}
