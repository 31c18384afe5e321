package org.topolayer.persistence.rips;

import java.util.Arrays;

/**
 * Open-addressing hash map from a simplex index (long ≥ 0) to the column that has it as pivot
 * (int). Replaces a boxed {@code HashMap<Long,Integer>} on the reduction's hot path.
 */
final class PivotMap {
    private static final long EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    PivotMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1);
    }

    /** The column with pivot {@code key}, or -1. */
    int get(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    boolean contains(long key) {
        return get(key) >= 0;
    }

    /** Records that {@code column} has pivot {@code key}; each key is put once. */
    void put(long key, int column) {
        if (2 * (size + 1) > keys.length) {
            rehash();
        }
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = column;
        size++;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }
}
