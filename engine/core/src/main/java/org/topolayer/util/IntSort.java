package org.topolayer.util;

import java.util.Arrays;

/**
 * Stable sort of an {@code int[]} of keys under an {@link IntComparator}. Exists because
 * {@code Arrays.sort} needs boxed keys for a custom order, and filtrations sort millions of
 * simplex indices.
 */
public final class IntSort {
    private static final int INSERTION_LIMIT = 24;

    private IntSort() {}

    /** Sorts {@code keys} in place, stably. */
    public static void sort(int[] keys, IntComparator cmp) {
        if (keys.length < 2) {
            return;
        }
        int[] copy = Arrays.copyOf(keys, keys.length);
        mergeSort(copy, keys, 0, keys.length, cmp);
    }

    /** Sorts into {@code dst[lo,hi)}; {@code src} holds the same keys there and is scratch. */
    private static void mergeSort(int[] src, int[] dst, int lo, int hi, IntComparator cmp) {
        if (hi - lo <= INSERTION_LIMIT) {
            for (int i = lo + 1; i < hi; i++) {
                int key = dst[i];
                int j = i - 1;
                while (j >= lo && cmp.compare(dst[j], key) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = key;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(dst, src, lo, mid, cmp);
        mergeSort(dst, src, mid, hi, cmp);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            dst[k++] = cmp.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        while (i < mid) {
            dst[k++] = src[i++];
        }
        while (j < hi) {
            dst[k++] = src[j++];
        }
    }
}
