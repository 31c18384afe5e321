package org.topolayer.persistence.cubical;

import java.util.Arrays;
import org.topolayer.persistence.DiagramCollector;

/**
 * H1 of a volume: the boundary matrix of the 2-faces (columns) over the edges (rows), reduced
 * left to right over Z/2, never built: a face's four edges come from index arithmetic on the
 * doubled grid. Clearing: the faces {@link DualComponents} found positive (they create a void)
 * reduce to zero and are skipped, so every column reduced is a death, and its pivot edge the
 * birth. Cells are ordered by (rank of their lowest voxel, dimension, cell index): a row is the
 * long key rank·cells + cell, and the sweep meets faces in that order by taking each voxel's own
 * faces (those whose other voxel comes later, or the border's) in increasing cell index.
 *
 * <p>Reduced columns are kept in one append-only array, found through the pivot edge's slot.
 * Most pairs are zero-length (a voxel's own edges and faces), so columns stay short.
 */
final class FaceReduction {
    private final CubicalGrid grid;
    private final int[] rank;
    private final int[] order;
    private final long cells;
    private final int[] pivotSlot; // per cell (edges only used): the slot of the column whose pivot it is
    private long[] arena = new long[1 << 16];
    private int arenaSize;
    private int[] slotStart = new int[1 << 12];
    private int slots;
    private long[] column = new long[16];
    private long[] scratch = new long[16];
    private int columnSize;

    private FaceReduction(CubicalGrid grid, int[] order, int[] rank) {
        this.grid = grid;
        this.order = order;
        this.rank = rank;
        this.cells = grid.cells;
        this.pivotSlot = new int[(int) cells];
        Arrays.fill(pivotSlot, -1);
    }

    /** Adds the H1 bars of a volume, given the positive faces (bit set over cells) of {@link DualComponents}. */
    static void compute(CubicalGrid grid, double[] g, int[] order, int[] rank, long[] positive,
                        DiagramCollector out) {
        new FaceReduction(grid, order, rank).run(g, positive, out);
    }

    private void run(double[] g, long[] positive, DiagramCollector out) {
        int n = grid.size;
        int h = grid.height, w = grid.width;
        int plane = h * w;
        int[] length = {grid.depth, h, w};
        int[] voxelStride = {plane, w, 1};
        int[] cellStride = {grid.cellPlane, grid.cellRow, 1};
        int[] coord = new int[3];
        int[] faceCoord = new int[3];
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            coord[0] = v / plane;
            int rest = v - coord[0] * plane;
            coord[1] = rest / w;
            coord[2] = rest - coord[1] * w;
            int cell = grid.voxelCell(v);
            // faces in increasing cell index: −z, −y, −x, +x, +y, +z
            for (int k = 0; k < 6; k++) {
                int a = k < 3 ? k : 5 - k;
                int sign = k < 3 ? -1 : 1;
                int c = coord[a] + sign;
                if (c >= 0 && c < length[a] && rank[v + sign * voxelStride[a]] < rv) {
                    continue; // the face entered with the other voxel
                }
                int face = cell + sign * cellStride[a];
                if ((positive[face >>> 6] & 1L << face) != 0) {
                    continue; // clearing: it creates a void, its column reduces to zero
                }
                for (int i = 0; i < 3; i++) {
                    faceCoord[i] = 2 * coord[i] + 1;
                }
                faceCoord[a] += sign;
                loadBoundary(face, faceCoord, a, cellStride);
                reduce(face, v, g, out);
            }
        }
    }

    /** The face's four edges (one step along each of its two spanning axes), sorted by key. */
    private void loadBoundary(int face, int[] fc, int normal, int[] cellStride) {
        columnSize = 0;
        for (int b = 0; b < 3; b++) {
            if (b == normal) {
                continue;
            }
            for (int s = -1; s <= 1; s += 2) {
                fc[b] += s;
                int edge = face + s * cellStride[b];
                int low = grid.lowestTopCell(fc[0], fc[1], fc[2], rank);
                column[columnSize++] = rank[low] * cells + edge;
                fc[b] -= s;
            }
        }
        Arrays.sort(column, 0, columnSize);
    }

    private void reduce(int face, int v, double[] g, DiagramCollector out) {
        while (columnSize > 0) {
            long low = column[columnSize - 1];
            int edge = (int) (low % cells);
            int slot = pivotSlot[edge];
            if (slot < 0) {
                pivotSlot[edge] = store();
                int born = order[(int) (low / cells)];
                out.add(1, g[born], g[v], born, -1, -1, v, -1, -1);
                return;
            }
            addStored(slot);
        }
        throw new IllegalStateException("face " + face + " reduced to zero although it was not cleared:"
                + " the duality pass and the reduction disagree on the cell order");
    }

    private int store() {
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

    /** column ← column + stored column (symmetric difference of sorted keys). */
    private void addStored(int slot) {
        int from = slotStart[slot], to = slotStart[slot + 1];
        int need = columnSize + (to - from);
        if (scratch.length < need) {
            scratch = new long[Math.max(need, scratch.length * 2)];
        }
        int i = 0, j = from, k = 0;
        while (i < columnSize && j < to) {
            long a = column[i], b = arena[j];
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
            scratch[k++] = arena[j++];
        }
        long[] t = column;
        column = scratch;
        scratch = t;
        columnSize = k;
    }
}
