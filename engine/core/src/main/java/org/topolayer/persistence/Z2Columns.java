package org.topolayer.persistence;

import java.util.Arrays;

/**
 * A working column over Z/2 and the reduced columns stored so far, for reductions whose rows are
 * long keys ordered as the filtration (the implicit cohomology of the cubical and Freudenthal
 * volume paths). The working column is a sorted array (its pivot, the smallest key, first);
 * adding a column is a merge that drops the keys both hold. Stored columns live in one
 * append-only array, found by their slot. Measured faster than a heap as the working column on
 * these reductions (few, short columns: sequential merges beat pushes and pops).
 * <p>Internal: shared by the algorithm packages below {@code org.topolayer.persistence}, not API.
 * Not thread-safe; reusable across inputs after {@link #clear}.
 */
public final class Z2Columns {
    private long[] arena = new long[1 << 16];
    private int arenaSize;
    private int[] slotStart = new int[1 << 12];
    private int slots;
    private long[] column = new long[16];
    private long[] scratch = new long[16];
    private long[] sorted = new long[16];
    private int columnSize;

    /** Forgets the stored columns and empties the working column. */
    public void clear() {
        arenaSize = 0;
        slots = 0;
        columnSize = 0;
    }

    /** Empties the working column. */
    public void reset() {
        columnSize = 0;
    }

    /** Adds one key to the working column, keeping it sorted (the key must not be in it yet). */
    public void push(long key) {
        if (columnSize == column.length) {
            column = Arrays.copyOf(column, 2 * columnSize);
        }
        int i = columnSize++;
        while (i > 0 && column[i - 1] > key) {
            column[i] = column[i - 1];
            i--;
        }
        column[i] = key;
    }

    /** Sets the working column to {@code count} distinct keys given in any order. */
    public void load(long[] keys, int count) {
        columnSize = 0;
        for (int i = 0; i < count; i++) {
            push(keys[i]);
        }
    }

    public boolean isEmpty() {
        return columnSize == 0;
    }

    /** The smallest key of the (nonempty) working column. */
    public long pivot() {
        return column[0];
    }

    /** Stores a copy of the working column; returns its slot. */
    public int store() {
        if (arenaSize + columnSize > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + columnSize));
        }
        if (slots + 2 > slotStart.length) {
            slotStart = Arrays.copyOf(slotStart, slotStart.length * 2);
        }
        System.arraycopy(column, 0, arena, arenaSize, columnSize);
        slotStart[slots] = arenaSize;
        arenaSize += columnSize;
        slotStart[slots + 1] = arenaSize;
        return slots++;
    }

    /** working column ← working column + the stored column {@code slot}. */
    public void addStored(int slot) {
        add(arena, slotStart[slot], slotStart[slot + 1]);
    }

    /** working column ← working column + the {@code count} distinct keys given in any order. */
    public void addUnsorted(long[] keys, int count) {
        if (sorted.length < count) {
            sorted = new long[Math.max(count, 2 * sorted.length)];
        }
        for (int k = 0; k < count; k++) {
            long key = keys[k];
            int i = k;
            while (i > 0 && sorted[i - 1] > key) {
                sorted[i] = sorted[i - 1];
                i--;
            }
            sorted[i] = key;
        }
        add(sorted, 0, count);
    }

    /** Symmetric difference of the working column with the sorted keys src[from, to). */
    private void add(long[] src, int from, int to) {
        int need = columnSize + (to - from);
        if (scratch.length < need) {
            scratch = new long[Math.max(need, scratch.length * 2)];
        }
        int i = 0, j = from, k = 0;
        while (i < columnSize && j < to) {
            long a = column[i], b = src[j];
            if (a < b) {
                scratch[k++] = a;
                i++;
            } else if (b < a) {
                scratch[k++] = b;
                j++;
            } else {
                i++;
                j++;
            }
        }
        while (i < columnSize) {
            scratch[k++] = column[i++];
        }
        while (j < to) {
            scratch[k++] = src[j++];
        }
        long[] t = column;
        column = scratch;
        scratch = t;
        columnSize = k;
    }
}
