package org.topolayer.util;

import java.util.Arrays;

/**
 * Stable LSD radix sort of non-negative {@code long} keys carrying an {@code int} payload, 16
 * bits per pass; passes where every key has the same digit are skipped. Non-negative doubles sort
 * correctly by their raw bits, so this sorts millions of distances with their edge ids in linear
 * time, where a comparison sort with a payload would need boxing or an index indirection.
 */
public final class LongKeyRadixSort {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private LongKeyRadixSort() {}

    /** Sorts keys[0, size) ascending, moving payload[i] with keys[i]; equal keys keep their order. */
    public static void sort(long[] keys, int[] payload, int size) {
        long[] keyBuffer = new long[size];
        int[] payloadBuffer = new int[size];
        int[] count = new int[BUCKETS];
        long[] fromKeys = keys;
        int[] fromPayload = payload;
        long[] toKeys = keyBuffer;
        int[] toPayload = payloadBuffer;
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            Arrays.fill(count, 0);
            for (int i = 0; i < size; i++) {
                count[(int) (fromKeys[i] >>> shift) & (BUCKETS - 1)]++;
            }
            if (size == 0 || count[(int) (fromKeys[0] >>> shift) & (BUCKETS - 1)] == size) {
                continue; // one digit value everywhere: this pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < size; i++) {
                int at = count[(int) (fromKeys[i] >>> shift) & (BUCKETS - 1)]++;
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
}
