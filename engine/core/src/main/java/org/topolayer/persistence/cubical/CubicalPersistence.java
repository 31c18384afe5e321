package org.topolayer.persistence.cubical;

import java.util.Arrays;
import org.topolayer.filtration.LevelSet;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.util.ValueOrder;

/**
 * Persistence of the cubical complex of an image or a volume whose pixels (voxels) are the top
 * cells, as GUDHI's {@code CubicalComplex(top_dimensional_cells=...)}: every lower-dimensional
 * cube (edges and vertices of the pixels, faces of the voxels) takes the smallest value among the
 * top cells that contain it, so the sublevel complex at t is the union of the closed top cells of
 * value ≤ t. Superlevel persistence is the sublevel persistence of −f, reported in f's units.
 *
 * <p>Unlike the Freudenthal level sets ({@code org.topolayer.persistence.grid}), where values sit
 * on vertices and a pixel has six neighbours (one diagonal only), here two top cells that share
 * only a corner are connected (8-connectivity in 2-D, 26 in 3-D), while what lies outside the
 * sublevel set connects only across shared edges (faces): 4- (6-) connectivity.
 *
 * <p>Algorithm, with no complex built: H0 by union-find over top cells; the top dimension (H1 of
 * an image, H2 of a volume) by Alexander duality, union-find over the complement from the last top
 * cell to the first; H1 of a volume by persistent cohomology, reducing the implicit coboundary
 * columns of the edges with clearing (the edges that join components are skipped). Cells are
 * ordered by (rank of the lowest top cell containing them, dimension, position), top cells ranked
 * by (value, index).
 *
 * <p>Attribution (value model {@link ValueModel#VERTEX_VALUE}, source = top cell index): every
 * finite birth and death is the value of one top cell, the one the differentiable layers send
 * that value's gradient to. Ties are broken by index; the bars' values do not depend on it.
 *
 * <p>Limits: Z/2 coefficients; shapes of 1 to 3 axes (axes of length 1 are squeezed out, which
 * changes no diagram: a 1×H×W volume is an H×W image, a signal an image one pixel high); finite
 * values only. Images up to {@value #MAX_PIXELS} pixels; volumes up to {@value #MAX_CELLS} cells
 * of the doubled grid (2D+1)(2H+1)(2W+1), about 640³ voxels. Memory (see {@link CubicalSize}):
 * about 110 bytes a pixel, and about 370 bytes a voxel for volumes with maxdim ≥ 1 (uniform noise;
 * the H1 reduction's stored columns grow with the number of bars). Single-threaded;
 * keeps no state between calls, so it may be called from many threads at once.
 */
public final class CubicalPersistence {
    /** Largest image: the union-find of the duality pass holds one more element than pixels. */
    public static final int MAX_PIXELS = (1 << 30) - 1;
    /** Largest doubled grid of a volume: cells are int-indexed. */
    public static final long MAX_CELLS = Integer.MAX_VALUE - 8;

    private CubicalPersistence() {}

    /**
     * The diagrams of dimensions 0..maxDimension (only 0..d−1 can be nonempty for a d-dimensional
     * input).
     *
     * @param values   row-major values, one per pixel or voxel
     * @param shape    1 to 3 axis lengths whose product is values.length
     * @param levelSet sublevel or superlevel sets
     * @throws IllegalArgumentException on a shape mismatch, a NaN or infinite value, a grid over the
     *                                  limits or maxDimension &lt; 0
     */
    public static PersistenceDiagrams compute(double[] values, int[] shape, int maxDimension, LevelSet levelSet) {
        validate(values, shape, maxDimension);
        boolean superlevel = levelSet.isSuperlevel();
        DiagramCollector out = new DiagramCollector(ValueModel.VERTEX_VALUE, maxDimension, superlevel ? -1 : 1);
        int n = values.length;
        if (n == 0) {
            return out.build();
        }
        CubicalGrid grid = CubicalGrid.of(shape);
        double[] g = new double[n];
        double sign = superlevel ? -1 : 1;
        for (int i = 0; i < n; i++) {
            g[i] = sign * values[i];
        }
        int[] order = new int[n];
        int[] rank = new int[n];
        new ValueOrder().sort(g, n, order, rank);
        TopCellLinks links = TopCellLinks.of(grid, rank);
        CornerComponents.compute(grid, links, g, order, rank, out);
        if (maxDimension >= grid.topDimension - 1) {
            DualComponents.compute(grid, links, g, order, rank, out);
        }
        if (maxDimension >= 1 && grid.topDimension == 3) {
            EdgeCohomology.compute(grid, links, g, order, rank, out);
        }
        return out.build();
    }


    private static void validate(double[] values, int[] shape, int maxDimension) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxdim must be ≥ 0, got " + maxDimension);
        }
        if (shape.length < 1 || shape.length > 3) {
            throw new IllegalArgumentException("cubical complexes take 1-D, 2-D or 3-D arrays, got a shape with "
                    + shape.length + " axes");
        }
        long product = 1;
        for (int len : shape) {
            if (len < 0) {
                throw new IllegalArgumentException("negative axis length in shape " + Arrays.toString(shape));
            }
            product *= len;
        }
        if (product != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + product
                    + " values, got " + values.length);
        }
        if (product > MAX_PIXELS) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + product
                    + " top cells, over the cubical limit of " + MAX_PIXELS + "; downsample the input");
        }
        CubicalGrid grid = product > 0 ? CubicalGrid.of(shape) : null;
        if (grid != null && grid.topDimension == 3 && grid.cells > MAX_CELLS) {
            throw new IllegalArgumentException("volume " + Arrays.toString(shape) + " has " + grid.cells
                    + " cubical cells, over the limit of " + MAX_CELLS + " (about 640³ voxels); downsample it");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " is " + values[i] + "; values must be finite");
            }
        }
    }
}
