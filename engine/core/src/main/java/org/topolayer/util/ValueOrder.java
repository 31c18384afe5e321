package org.topolayer.util;

/**
 * Ranks doubles: the permutation that sorts indices by (value, index), or by two values. Stable,
 * so equal values keep index order: the tie-break the filtrations promise. Values spread over
 * their range (images, fields) take a bucket sort; others a radix sort
 * ({@link LongKeyRadixSort}) on an order-preserving bit pattern of each double, or for small
 * inputs a packed quicksort. Keeps its buffers between calls; not thread-safe: hold one per thread.
 */
public final class ValueOrder {
    private final LongKeyRadixSort radix = new LongKeyRadixSort();
    private long[] keys = new long[0];
    private int[] idx = new int[0];
    private double[] sortedValues = new double[0];
    private int[] bucketStart = new int[0];

    /**
     * Fills {@code order[0..n)} with indices sorted by (values[i], i) and {@code rank} with its
     * inverse. NaN must have been rejected by the caller.
     */
    public void sort(double[] values, int n, int[] order, int[] rank) {
        ensure(n);
        if (!bucketSort(values, null, n, order)) {
            if (n <= PACKED_LIMIT) {
                sortPacked(values, n, order);
            } else {
                sortRadix(values, n, order);
            }
        }
        for (int i = 0; i < n; i++) {
            rank[order[i]] = i;
        }
    }

    /**
     * Sorts by one bucket per value over [min, max] (a linear map keeps bucket order = value
     * order), then an insertion pass puts each bucket in (value, second value if any, index)
     * order; the scatter visits indices in order, so equal keys need no moves. Gives up, returning
     * false, when the range is empty or infinite or the insertion pass has moved
     * {@value #MOVES_PER_VALUE}·n entries: values crowded into few buckets (outliers, heavy
     * tails) are left to the comparison-free radix sort.
     */
    private boolean bucketSort(double[] values, double[] second, int n, int[] order) {
        if (n < 2) {
            return false;
        }
        double min = values[0], max = values[0];
        for (int i = 1; i < n; i++) {
            double v = values[i];
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        double scale = n / (max - min);
        if (!(scale < Double.POSITIVE_INFINITY) || scale == 0) {
            return false; // all values equal (or a subnormal range), or the range overflows / is infinite
        }
        int[] bucket = idx, start = bucketStart;
        java.util.Arrays.fill(start, 0, n + 1, 0);
        for (int i = 0; i < n; i++) {
            int b = Math.min((int) ((values[i] - min) * scale), n - 1);
            bucket[i] = b;
            start[b + 1]++;
        }
        for (int b = 0; b < n; b++) {
            start[b + 1] += start[b];
        }
        double[] sorted = sortedValues;
        for (int i = 0; i < n; i++) {
            int at = start[bucket[i]]++;
            sorted[at] = values[i];
            order[at] = i;
        }
        long budget = (long) MOVES_PER_VALUE * n;
        for (int i = 1; i < n; i++) {
            double v = sorted[i];
            int o = order[i];
            if (!after(sorted[i - 1], order[i - 1], v, o, second)) {
                continue;
            }
            int j = i - 1;
            do {
                sorted[j + 1] = sorted[j];
                order[j + 1] = order[j];
                j--;
            } while (j >= 0 && after(sorted[j], order[j], v, o, second));
            sorted[j + 1] = v;
            order[j + 1] = o;
            budget -= i - j;
            if (budget < 0) {
                return false;
            }
        }
        return true;
    }

    private static final int MOVES_PER_VALUE = 8;

    /**
     * Whether entry a (value va) sorts after entry b (value vb) on (value, second value); equal
     * keys are never "after", which keeps the sort stable. -0.0 and 0.0 compare equal here, as
     * the order wants. Without a second value no test on equality is made: on images with flat
     * regions it would be a coin flip for the branch predictor.
     */
    private static boolean after(double va, int a, double vb, int b, double[] second) {
        return va > vb || (second != null && va == vb && second[a] > second[b]);
    }

    private void sortRadix(double[] values, int n, int[] order) {
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(values[i]);
            idx[i] = i;
        }
        radix.sort(keys, idx, n);
        System.arraycopy(idx, 0, order, 0, n);
    }

    /** Up to this size a quicksort of packed keys beats the radix passes (measured at 784 values: 2.5×). */
    private static final int PACKED_LIMIT = 1 << 12;
    private static final long INDEX_BITS = 12;

    /**
     * Small inputs: sort one long per value, its top bits the value's sortable pattern and its low
     * 12 bits the index, with the JDK's primitive sort; values that agree in all but those low bits
     * may come out of order, so an insertion pass compares them exactly.
     */
    private void sortPacked(double[] values, int n, int[] order) {
        long indexMask = (1L << INDEX_BITS) - 1;
        for (int i = 0; i < n; i++) {
            keys[i] = ((sortable(values[i]) ^ Long.MIN_VALUE) & ~indexMask) | i;
        }
        java.util.Arrays.sort(keys, 0, n); // signed order, hence the sign-bit flip above
        for (int i = 0; i < n; i++) {
            int v = (int) (keys[i] & indexMask);
            int j = i - 1;
            // keys are sorted by truncated value, then index: only neighbours with equal truncation
            // can be out of order, and equal values already are in index order
            while (j >= 0 && ((keys[j] ^ keys[i]) & ~indexMask) == 0
                    && after(values[order[j]], order[j], values[v], v, null)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
    }

    /**
     * Fills {@code order[0..n)} with indices sorted by (first[i], second[i], i). Values may be
     * infinite but not NaN.
     */
    public void sortPairs(double[] first, double[] second, int n, int[] order) {
        ensure(n);
        if (bucketSort(first, second, n, order)) {
            return;
        }
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
            sortedValues = new double[n];
            bucketStart = new int[n + 1];
        }
    }
}
