package org.topolayer.persistence.grid;

import org.topolayer.limits.SizeEstimate;


/**
 * Memory estimate of level-set persistence on a grid ({@link LevelSetPersistence}). Signals and
 * images take the reduction-free path with a fixed cost a pixel; volumes the matrix-free
 * {@link FreudenthalVolumePersistence}, a fixed cost a voxel (more above maxdim 0: the duality
 * pass's tetrahedra, the H1 reduction's edge table and stored columns). Only volumes beyond
 * {@link FreudenthalVolumePersistence#MAX_VOXELS} build the Freudenthal (Kuhn) complex up to
 * dimension maxdim + 1, whose simplices are counted exactly: a k-simplex at voxel v is a chain
 * ∅ ⊊ e₁ ⊊ … ⊊ e_k of axis sets, and fits where v + e_k stays inside the grid.
 */
public final class GridSize implements SizeEstimate {
    /** Input, order, ranks, neighbour masks and union-find of the two triangles a pixel (measured: 150). */
    static final double BYTES_PER_PIXEL = 160;
    /** A simplex of a built complex through filtration and sparse reduction (measured: 130 to 160). */
    static final double BYTES_PER_SIMPLEX = 160;
    /**
     * A voxel at maxdim 0: input, values, order, ranks, classes, neighbour masks, union-find and the
     * sort's buffers. Smallest heaps (uniform noise): 128³ 182 MiB (estimate 204 MiB, 1.12×), 64³
     * between 38 and 43 MiB (estimate 46.5 MiB).
     */
    static final double BYTES_PER_VOXEL_H0 = 90;
    /**
     * A voxel at maxdim ≥ 1: add the duality pass's six tetrahedra (parent, age), the edge owner
     * table (8 slots), the void-triangle bits and the stored reduced columns (about 7 keys a
     * voxel on uniform noise, in an array grown by doubling). With {@link #VOLUME_FIXED_BYTES},
     * calibrated on uniform noise against the smallest heap in which {@code topo diagram
     * --maxdim 2} runs (bench/limits/smallest-heap.sh): 64³ 101 MiB, 128³ 615 MiB (estimates
     * 106 and 684 MiB: 1.05× and 1.11×).
     */
    static final double BYTES_PER_VOXEL = 330;
    /** A volume run's share that does not grow with the voxels (the process's own base use, the bars' output). */
    static final double VOLUME_FIXED_BYTES = 24 << 20;

    private final int[] shape;
    private final int maxDimension;

    private GridSize(int[] shape, int maxDimension) {
        this.shape = shape.clone();
        this.maxDimension = maxDimension;
    }

    public static GridSize of(int[] shape, int maxDimension) {
        return new GridSize(shape, maxDimension);
    }

    @Override
    public long bytes() {
        return bytesAt(maxDimension);
    }

    private long bytesAt(int maxdim) {
        double values = values();
        double bytes = LevelSetPersistence.isVolume(shape)
                ? VOLUME_FIXED_BYTES + (maxdim == 0 ? BYTES_PER_VOXEL_H0 : BYTES_PER_VOXEL) * values
                : reductionFree(maxdim) ? BYTES_PER_PIXEL * values
                : 8 * values + BYTES_PER_SIMPLEX * simplicesUpTo(maxdim + 1);
        return (long) Math.min(bytes, Long.MAX_VALUE);
    }

    private boolean reductionFree(int maxdim) {
        return LevelSetPersistence.isImage(shape) || LevelSetPersistence.isVolume(shape);
    }

    private double values() {
        double n = 1;
        for (int len : shape) {
            n *= len;
        }
        return n;
    }

    /** Simplices of the Kuhn triangulation of the grid, of dimensions 0..top. */
    double simplicesUpTo(int top) {
        int axes = shape.length;
        int sets = 1 << axes;
        double total = 0;
        double[] chains = new double[sets]; // chains of the current length ending at each axis set
        chains[0] = 1; // the empty chain: vertices
        for (int k = 0; k <= Math.min(top, axes); k++) {
            for (int set = 0; set < sets; set++) {
                total += chains[set] * fits(set);
            }
            double[] longer = new double[sets];
            for (int set = 1; set < sets; set++) {
                for (int sub = (set - 1) & set; ; sub = (sub - 1) & set) { // proper subsets of set
                    longer[set] += chains[sub];
                    if (sub == 0) {
                        break;
                    }
                }
            }
            chains = longer;
        }
        return total;
    }

    /** Voxels v with v + e inside the grid, e the 0/1 step over the axes in {@code set}. */
    private double fits(int set) {
        double n = 1;
        for (int a = 0; a < shape.length; a++) {
            n *= Math.max(0, shape[a] - ((set >> a) & 1));
        }
        return n;
    }

    @Override
    public String describe() {
        String grid = shapeText();
        if (LevelSetPersistence.isVolume(shape)) {
            return "level sets up to H" + maxDimension + " of a " + grid + " volume";
        }
        return reductionFree(maxDimension) ? "level sets of a " + grid + " grid"
                : "level sets up to H" + maxDimension + " of a " + grid + " grid (about "
                        + SizeEstimate.approx(simplicesUpTo(maxDimension + 1)) + " simplices)";
    }

    private String shapeText() {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < shape.length; a++) {
            sb.append(a > 0 ? "×" : "").append(shape[a]);
        }
        return sb.toString();
    }

    @Override
    public String remedy(long budget) {
        for (int k = maxDimension - 1; k >= 0 && !LevelSetPersistence.isImage(shape); k--) {
            if (bytesAt(k) <= budget) {
                return "use --maxdim " + k;
            }
        }
        double perValue = bytes() / values();
        return "downsample the input: about " + SizeEstimate.approx(budget / perValue) + " values fit";
    }
}
