package org.topolayer.filtration;

import java.util.Arrays;

/**
 * An insertion-ordered set of simplices (vertex tuples, ascending), stored flat: no object per
 * simplex. Used to merge duplicates and to find a simplex's faces. Ids are 0..size()-1 in
 * insertion order.
 */
public final class SimplexTable {
    private int[] start = new int[16];
    private int[] verts = new int[64];
    private int size;
    private int[] slots; // open addressing, -1 empty, else id
    private int mask;

    public SimplexTable(int expectedSimplices) {
        int cap = Integer.highestOneBit(Math.max(16, expectedSimplices * 2 - 1)) << 1;
        slots = new int[cap];
        Arrays.fill(slots, -1);
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    public int dimension(int id) {
        return start[id + 1] - start[id] - 1;
    }

    public int vertex(int id, int k) {
        return verts[start[id] + k];
    }

    public int[] vertices(int id) {
        return Arrays.copyOfRange(verts, start[id], start[id + 1]);
    }

    /** Id of the simplex with vertices {@code v[off, off+len)} (ascending), or -1. */
    public int find(int[] v, int off, int len) {
        int slot = hash(v, off, len) & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0 || equalsAt(id, v, off, len)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Id of the simplex with vertices {@code v[off, off+len)} (ascending), adding it if new. */
    public int add(int[] v, int off, int len) {
        int slot = hash(v, off, len) & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                break;
            }
            if (equalsAt(id, v, off, len)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        if (start.length < size + 1) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        int s = start[id];
        if (verts.length < s + len) {
            verts = Arrays.copyOf(verts, Math.max(verts.length * 2, s + len));
        }
        System.arraycopy(v, off, verts, s, len);
        start[id + 1] = s + len;
        slots[slot] = id;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private boolean equalsAt(int id, int[] v, int off, int len) {
        int s = start[id];
        if (start[id + 1] - s != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (verts[s + k] != v[off + k]) {
                return false;
            }
        }
        return true;
    }

    /** A 64-bit multiply-xorshift mix: grid complexes have very regular vertex ids, which weak hashes cluster. */
    private static int hash(int[] v, int off, int len) {
        long h = len;
        for (int k = 0; k < len; k++) {
            h = (h + v[off + k]) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(verts, start[id], start[id + 1] - start[id]) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }
}
