package org.topolayer.util;

import java.util.Arrays;

/**
 * Stable LSD radix sort of {@code long} keys in unsigned order, each carrying an {@code int}
 * payload. Linear time and no boxing: this is how the engine sorts millions of pixel values and
 * distances together with their indices. Passes where every key has the same digit are skipped;
 * the digit width grows with the input (8, 11 or 16 bits) so the count table stays small beside
 * it, and tiny inputs take an insertion sort. Non-negative doubles sort correctly by their raw
 * bits. An instance keeps its buffers between calls (hold one per thread); the static
 * {@link #sortOnce} is for one-off sorts.
 */
public final class LongKeyRadixSort {
    private static final int SMALL = 48;
    private long[] keyBuffer = new long[0];
    private int[] payloadBuffer = new int[0];
    private int[] count = new int[0];

    /** Sorts keys[0, size) ascending (unsigned), moving payload[i] with keys[i]; equal keys keep their order. */
    public static void sortOnce(long[] keys, int[] payload, int size) {
        new LongKeyRadixSort().sort(keys, payload, size);
    }

    /** Sorts keys[0, size) ascending (unsigned), moving payload[i] with keys[i]; equal keys keep their order. */
    public void sort(long[] keys, int[] payload, int size) {
        if (size <= SMALL) {
            insertionSort(keys, payload, size);
            return;
        }
        int bits = size < 8192 ? 8 : size < (1 << 20) ? 11 : 16;
        int buckets = 1 << bits, digit = buckets - 1;
        if (keyBuffer.length < size) {
            keyBuffer = new long[size];
            payloadBuffer = new int[size];
        }
        if (count.length < buckets) {
            count = new int[buckets];
        }
        long or = 0, and = -1L;
        for (int i = 0; i < size; i++) {
            or |= keys[i];
            and &= keys[i];
        }
        long[] fromKeys = keys, toKeys = keyBuffer;
        int[] fromPayload = payload, toPayload = payloadBuffer;
        for (int shift = 0; shift < Long.SIZE; shift += bits) {
            if ((((or ^ and) >>> shift) & digit) == 0) {
                continue; // one digit value everywhere: this pass would not move anything
            }
            Arrays.fill(count, 0, buckets, 0);
            for (int i = 0; i < size; i++) {
                count[(int) (fromKeys[i] >>> shift) & digit]++;
            }
            int sum = 0;
            for (int b = 0; b < buckets; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < size; i++) {
                int at = count[(int) (fromKeys[i] >>> shift) & digit]++;
                toKeys[at] = fromKeys[i];
                toPayload[at] = fromPayload[i];
            }
            long[] k = fromKeys;
            fromKeys = toKeys;
            toKeys = k;
            int[] p = fromPayload;
            fromPayload = toPayload;
            toPayload = p;
        }
        if (fromKeys != keys) {
            System.arraycopy(fromKeys, 0, keys, 0, size);
            System.arraycopy(fromPayload, 0, payload, 0, size);
        }
    }

    private static void insertionSort(long[] keys, int[] payload, int size) {
        for (int i = 1; i < size; i++) {
            long k = keys[i];
            int p = payload[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(keys[j], k) > 0) {
                keys[j + 1] = keys[j];
                payload[j + 1] = payload[j];
                j--;
            }
            keys[j + 1] = k;
            payload[j + 1] = p;
        }
    }
}
