package org.topolayer.persistence.alpha;

import org.topolayer.complex.AlphaValues;
import org.topolayer.complex.Delaunay;
import org.topolayer.complex.PlanarPoints;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Persistence diagrams of the weak and true alpha filtrations of 1-D or 2-D points, computed
 * with union-find only (H0 directly, H1 through the planar dual): O(n log n) after the Delaunay
 * triangulation. Values and attribution are those of {@link AlphaValues}; the explicit
 * filtrations are {@link org.topolayer.complex.AlphaComplexes}.
 *
 * <p>Diagrams of dimension 2 and above are empty: the complex is at most 2-dimensional and
 * planar. Zero-length bars are dropped, as by every algorithm (see {@link org.topolayer.persistence.Diagram}). Empty input gives empty
 * diagrams. Points of 3 or more dimensions are rejected: use the Rips filtration.
 */
public final class AlphaPersistence {
    private AlphaPersistence() {}

    /** TopologyLayer's AlphaLayer: Delaunay simplices valued by their longest edge (ValueModel.EDGE_LENGTH). */
    public static PersistenceDiagrams weak(double[][] points, int maxDimension) {
        checkMaxDimension(maxDimension);
        PlanarPoints p = PlanarPoints.of(points);
        Delaunay d = Delaunay.of(p);
        return PlanarPersistence.compute(d, AlphaValues.weak(p, d), maxDimension);
    }

    /** GUDHI's AlphaComplex: squared circumradii (ValueModel.SQUARED_CIRCUMRADIUS). */
    public static PersistenceDiagrams exact(double[][] points, int maxDimension) {
        checkMaxDimension(maxDimension);
        PlanarPoints p = PlanarPoints.of(points);
        Delaunay d = Delaunay.of(p);
        return PlanarPersistence.compute(d, AlphaValues.exact(p, d), maxDimension);
    }

    private static void checkMaxDimension(int maxDimension) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxDimension must be ≥ 0, got " + maxDimension);
        }
    }
}
