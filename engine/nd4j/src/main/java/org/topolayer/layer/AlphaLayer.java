package org.topolayer.layer;

import java.util.Arrays;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.alpha.AlphaPersistence;

/**
 * Alpha-complex persistence of 1-D or 2-D points, shape [n, 1] or [n, 2].
 *
 * <ul>
 *   <li>{@link #weak}: TopologyLayer's {@code AlphaLayer}: the Delaunay simplices valued by their
 *       longest edge, as Rips. The longest edge carries the gradient to its two points.
 *   <li>{@link #exact}: the true alpha filtration (GUDHI's), valued by squared circumradius; the
 *       gradient flows to the two or three points that define the radius.
 * </ul>
 * Diagrams above dimension 1 are empty (planar complexes). Points in 3 or more dimensions: use
 * {@link RipsLayer}.
 */
public final class AlphaLayer extends PersistenceLayer {
    private final boolean exact;

    private AlphaLayer(int maxDimension, boolean exact) {
        super(maxDimension);
        this.exact = exact;
    }

    public static AlphaLayer weak(int maxDimension) {
        return new AlphaLayer(maxDimension, false);
    }

    public static AlphaLayer exact(int maxDimension) {
        return new AlphaLayer(maxDimension, true);
    }

    public boolean isExact() {
        return exact;
    }

    @Override
    protected void checkShape(int[] shape) {
        if (shape.length != 2 || (shape[1] != 1 && shape[1] != 2)) {
            throw new IllegalArgumentException("this layer takes 1-D or 2-D points, shape [n, 1] or [n, 2], got shape "
                    + Arrays.toString(shape));
        }
    }

    @Override
    protected PersistenceDiagrams compute(double[] input, int[] shape) {
        double[][] points = rows(input, shape[0], shape[1]);
        return exact ? AlphaPersistence.exact(points, maxDimension()) : AlphaPersistence.weak(points, maxDimension());
    }
}
