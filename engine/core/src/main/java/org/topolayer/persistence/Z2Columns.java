package org.topolayer.persistence;

import java.util.Arrays;

/**
 * A working column over Z/2 and the reduced columns stored so far, for reductions whose rows are
 * long keys ordered as the filtration (the implicit reductions of the volume paths: cubical H1 by
 * cohomology, Freudenthal H1 by homology with complemented keys, so that the pivot is the latest row).
 * The working column is a sorted array (its pivot, the smallest key, first) while it is short:
 * adding a column is a merge that drops the keys both hold (sequential merges beat a heap's pushes
 * and pops on short columns). Past {@value #HEAP_FROM} keys it becomes a binary min-heap with lazy
 * cancellation (a sorted array already is one): the long columns of long-lived H1 classes in noise
 * (tens of thousands of keys, each add bringing a handful) would otherwise cost a full merge per add.
 * Stored columns live in one append-only array, found by their slot.
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
    /** Above this many keys the working column is a heap (duplicates cancel in pairs when they surface). */
    static final int HEAP_FROM = 256;
    private boolean heap;

    /** Forgets the stored columns and empties the working column. */
    public void clear() {
        arenaSize = 0;
        slots = 0;
        reset();
    }

    /** Empties the working column. */
    public void reset() {
        columnSize = 0;
        heap = false;
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
        reset();
        for (int i = 0; i < count; i++) {
            push(keys[i]);
        }
    }

    public boolean isEmpty() {
        if (heap) {
            settle();
        }
        return columnSize == 0;
    }

    /** The smallest key of the (nonempty) working column. */
    public long pivot() {
        if (heap) {
            settle();
        }
        return column[0];
    }

    /** Stores a copy of the working column (emptying it if it was a heap); returns its slot. */
    public int store() {
        if (heap) {
            drainSorted();
        }
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
        int from = slotStart[slot], to = slotStart[slot + 1];
        if (heap || columnSize + (to - from) > HEAP_FROM) {
            heap = true;
            for (int i = from; i < to; i++) {
                heapPush(arena[i]);
            }
            return;
        }
        add(arena, from, to);
    }

    /** working column ← working column + the {@code count} distinct keys given in any order. */
    public void addUnsorted(long[] keys, int count) {
        if (heap || columnSize + count > HEAP_FROM) {
            heap = true;
            for (int i = 0; i < count; i++) {
                heapPush(keys[i]);
            }
            return;
        }
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

    // ---- heap mode: column[0, columnSize) is a binary min-heap that may hold keys twice -------

    /** Pops keys from the top while they come in equal pairs (over Z/2 they cancel). */
    private void settle() {
        while (columnSize > 0) {
            long top = column[0];
            heapPop();
            if (columnSize > 0 && column[0] == top) {
                heapPop(); // a pair: both gone
                continue;
            }
            heapPush(top); // the top stands: put it back (cheap: it sifts no further than the root)
            return;
        }
    }

    /** Replaces the heap by its keys in sorted order, pairs cancelled, as a plain sorted column. */
    private void drainSorted() {
        if (scratch.length < columnSize) {
            scratch = new long[Math.max(columnSize, 2 * scratch.length)];
        }
        int k = 0;
        while (columnSize > 0) {
            long top = column[0];
            heapPop();
            if (k > 0 && scratch[k - 1] == top) {
                k--; // cancels with its twin
            } else {
                scratch[k++] = top;
            }
        }
        long[] t = column;
        column = scratch;
        scratch = t;
        columnSize = k;
        heap = false;
    }

    private void heapPush(long key) {
        if (columnSize == column.length) {
            column = Arrays.copyOf(column, 2 * columnSize);
        }
        int i = columnSize++;
        while (i > 0) {
            int up = (i - 1) >>> 1;
            if (column[up] <= key) {
                break;
            }
            column[i] = column[up];
            i = up;
        }
        column[i] = key;
    }

    private void heapPop() {
        long last = column[--columnSize];
        int i = 0, size = columnSize;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && column[child + 1] < column[child]) {
                child++;
            }
            if (column[child] >= last) {
                break;
            }
            column[i] = column[child];
            i = child;
        }
        if (size > 0) {
            column[i] = last;
        }
    }
}
