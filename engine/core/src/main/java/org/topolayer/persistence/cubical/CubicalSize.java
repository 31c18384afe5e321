package org.topolayer.persistence.cubical;

import java.util.Locale;
import org.topolayer.limits.SizeEstimate;

/**
 * Memory estimate of {@link CubicalPersistence}: a fixed cost a top cell (values, their order,
 * ranks and neighbour masks, the sort's buffers, the two union-finds, the bars), plus for volumes at
 * maxdim ≥ 1 the H1 reduction's share: the pivot slot of every cell of the doubled grid (about 8
 * cells a voxel), the vertices' union-find and the stored reduced columns (about 11 keys a voxel on
 * uniform noise, in an array grown by doubling). Calibrated on uniform noise against the smallest
 * heap in which {@code topo diagram --filtration cubical} runs (serial GC): 1024×1024 between 64
 * and 96 MB (estimate 117 MB), 64³ at maxdim 2 between 80 and 96 MB (estimate 96 MB). Smoother
 * inputs have fewer bars and shorter columns.
 */
public final class CubicalSize implements SizeEstimate {
    /** Input, g, order, rank, mask, two parent arrays, sort keys and buffers, bars. */
    static final double BYTES_PER_TOP_CELL = 112;
    /** Volumes with H1: 8 cells × 4-byte pivot slot, vertex union-find, stored columns (× 2 for growth), bits. */
    static final double BYTES_PER_VOXEL_H1 = 256;

    private final int[] shape;
    private final int maxDimension;

    private CubicalSize(int[] shape, int maxDimension) {
        this.shape = shape.clone();
        this.maxDimension = maxDimension;
    }

    public static CubicalSize of(int[] shape, int maxDimension) {
        return new CubicalSize(shape, maxDimension);
    }

    @Override
    public long bytes() {
        return bytesAt(maxDimension);
    }

    private long bytesAt(int maxdim) {
        double n = topCells();
        double perCell = BYTES_PER_TOP_CELL + (maxdim >= 1 && isVolume() ? BYTES_PER_VOXEL_H1 : 0);
        return (long) Math.min(perCell * n, Long.MAX_VALUE);
    }

    private boolean isVolume() {
        int longAxes = 0;
        for (int len : shape) {
            longAxes += len > 1 ? 1 : 0;
        }
        return longAxes == 3;
    }

    private double topCells() {
        double n = 1;
        for (int len : shape) {
            n *= len;
        }
        return n;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("the cubical complex of a ");
        for (int a = 0; a < shape.length; a++) {
            sb.append(a > 0 ? "×" : "").append(shape[a]);
        }
        return sb.append(String.format(Locale.ROOT, " %s up to H%d", isVolume() ? "volume" : "image",
                maxDimension)).toString();
    }

    @Override
    public String remedy(long budget) {
        if (maxDimension >= 1 && isVolume() && bytesAt(0) <= budget) {
            return "use --maxdim 0";
        }
        return "downsample the input: about " + SizeEstimate.approx(budget / (bytes() / Math.max(1, topCells())))
                + " values fit";
    }
}
