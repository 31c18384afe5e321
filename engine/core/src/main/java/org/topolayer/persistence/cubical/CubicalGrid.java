package org.topolayer.persistence.cubical;

/**
 * The shape of a cubical input with its axes of length 1 squeezed out (they change no homology:
 * the complex is the same times an interval, at every level), as depth × height × width with
 * depth 1 for images (and height 1 too for signals). Top cells (pixels, voxels) have row-major
 * indices v = (z·height + y)·width + x.
 *
 * <p>Volumes also index every cell, in GUDHI's bitmap layout: cell (Z, Y, X) of the doubled grid
 * (2·depth+1)×(2·height+1)×(2·width+1), where an odd coordinate spans a top cell's extent along that
 * axis and an even one is a cell boundary, so the cell's dimension is its number of odd coordinates
 * and voxel (z, y, x) is cell (2z+1, 2y+1, 2x+1).
 */
final class CubicalGrid {
    final int depth;
    final int height;
    final int width;
    final int size;
    /** 3 for volumes, 2 otherwise (a signal is an image one pixel high). */
    final int topDimension;
    /** Doubled-grid strides (volumes only): of a step in Y and in Z. */
    final int cellRow;
    final int cellPlane;
    final long cells;

    private CubicalGrid(int depth, int height, int width) {
        this.depth = depth;
        this.height = height;
        this.width = width;
        this.size = depth * height * width;
        this.topDimension = depth > 1 ? 3 : 2;
        this.cellRow = 2 * width + 1;
        this.cellPlane = (2 * height + 1) * cellRow;
        this.cells = (2L * depth + 1) * cellPlane;
    }

    /** The grid of a validated shape of 1 to 3 axes, the axes of length 1 squeezed out. */
    static CubicalGrid of(int[] shape) {
        int[] kept = {1, 1, 1};
        int k = 3;
        for (int a = shape.length - 1; a >= 0; a--) {
            if (shape[a] != 1) {
                kept[--k] = shape[a];
            }
        }
        return new CubicalGrid(kept[0], kept[1], kept[2]);
    }

    /** The doubled-grid cell of voxel v. */
    int voxelCell(int v) {
        int plane = height * width;
        int z = v / plane, rest = v - z * plane, y = rest / width, x = rest - y * width;
        return (2 * z + 1) * cellPlane + (2 * y + 1) * cellRow + 2 * x + 1;
    }
}
