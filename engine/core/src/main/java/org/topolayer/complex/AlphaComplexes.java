package org.topolayer.complex;

import org.topolayer.filtration.Filtration;

/**
 * Weak and true alpha filtrations of 1-D or 2-D points as explicit {@link Filtration}s: every
 * vertex, edge and triangle of the {@link Delaunay} triangulation with the values of {@link
 * AlphaValues}. For persistence, {@code AlphaPersistence} is much faster; this form is for
 * reference checks and for code that needs the complex itself.
 */
public final class AlphaComplexes {
    private AlphaComplexes() {}

    /** TopologyLayer's weak alpha: Delaunay simplices at their longest edge length. */
    public static Filtration weak(double[][] points) {
        PlanarPoints p = PlanarPoints.of(points);
        Delaunay d = Delaunay.of(p);
        return toFiltration(d, AlphaValues.weak(p, d));
    }

    /** The alpha filtration (GUDHI's AlphaComplex): squared radii of smallest empty circumcircles. */
    public static Filtration exact(double[][] points) {
        PlanarPoints p = PlanarPoints.of(points);
        Delaunay d = Delaunay.of(p);
        return toFiltration(d, AlphaValues.exact(p, d));
    }

    private static Filtration toFiltration(Delaunay d, AlphaValues values) {
        Filtration.Builder b = Filtration.builder(values.model(), 1);
        for (int v = 0; v < d.pointCount(); v++) {
            b.add(new int[] {v}, 0.0);
        }
        for (int e = 0; e < d.edgeCount(); e++) {
            b.add(new int[] {d.edgeVertex(e, 0), d.edgeVertex(e, 1)}, values.edgeValue(e),
                    values.edgeSource(e, 0), values.edgeSource(e, 1), values.edgeSource(e, 2));
        }
        for (int t = 0; t < d.triangleCount(); t++) {
            b.add(new int[] {d.triangleVertex(t, 0), d.triangleVertex(t, 1), d.triangleVertex(t, 2)},
                    values.triangleValue(t),
                    values.triangleSource(t, 0), values.triangleSource(t, 1), values.triangleSource(t, 2));
        }
        return b.build();
    }
}
