package org.topolayer.complex;

import org.topolayer.filtration.ValueModel;

/**
 * Filtration values of the edges and triangles of a {@link Delaunay} triangulation, with the
 * points each value is computed from (docs/design.md §3). Vertices are at 0 with no sources. Shared
 * by the explicit filtration ({@link AlphaComplexes}) and the fast persistence, so both see
 * bit-identical values.
 *
 * <ul>
 *   <li>{@link #weak}: an edge at its length, a triangle at its longest edge ({@link
 *       ValueModel#EDGE_LENGTH}). Among equally long edges the triangle is attributed to the last
 *       in filtration order, i.e. the one with the lexicographically largest endpoint pair.
 *   <li>{@link #exact}: the alpha filtration ({@link ValueModel#SQUARED_CIRCUMRADIUS}). A triangle
 *       at its squared circumradius; an edge at its squared half-length if it is Gabriel (no
 *       vertex of a triangle beside it strictly inside its diametral circle, exact test), else at
 *       the smallest value of the triangles beside it, attributed to that triangle's three points
 *       (the lexicographically smaller triangle on ties). A Gabriel edge also takes a coface's
 *       value if rounding put that below its own, so faces never come after cofaces. Limits: a
 *       triangle too thin for double precision gets an infinite circumradius; coordinates beyond
 *       about 1e150 overflow the squares and give infinite values or are rejected.
 * </ul>
 */
public final class AlphaValues {
    private final ValueModel model;
    private final int stride;
    private final double[] edgeValues;
    private final int[] edgeSources;
    private final double[] triangleValues;
    private final int[] triangleSources;

    private AlphaValues(ValueModel model, int edges, int triangles) {
        this.model = model;
        this.stride = model.sourcesPerValue();
        edgeValues = new double[edges];
        edgeSources = new int[edges * stride];
        triangleValues = new double[triangles];
        triangleSources = new int[triangles * stride];
    }

    public static AlphaValues weak(PlanarPoints points, Delaunay d) {
        AlphaValues v = new AlphaValues(ValueModel.EDGE_LENGTH, d.edgeCount(), d.triangleCount());
        for (int e = 0; e < d.edgeCount(); e++) {
            int a = d.edgeVertex(e, 0), b = d.edgeVertex(e, 1);
            v.setEdge(e, points.distance(a, b), a, b, -1);
        }
        for (int t = 0; t < d.triangleCount(); t++) {
            int longest = d.triangleEdge(t, 0);
            for (int k = 1; k < 3; k++) {
                int e = d.triangleEdge(t, k);
                if (v.edgeValues[e] > v.edgeValues[longest]
                        || (v.edgeValues[e] == v.edgeValues[longest] && d.compareEdges(e, longest) > 0)) {
                    longest = e;
                }
            }
            v.setTriangle(t, v.edgeValues[longest], d.edgeVertex(longest, 0), d.edgeVertex(longest, 1), -1);
        }
        return v;
    }

    public static AlphaValues exact(PlanarPoints points, Delaunay d) {
        AlphaValues v = new AlphaValues(ValueModel.SQUARED_CIRCUMRADIUS, d.edgeCount(), d.triangleCount());
        for (int t = 0; t < d.triangleCount(); t++) {
            int a = d.triangleVertex(t, 0), b = d.triangleVertex(t, 1), c = d.triangleVertex(t, 2);
            v.setTriangle(t, squaredCircumradius(points, a, b, c), a, b, c);
        }
        for (int e = 0; e < d.edgeCount(); e++) {
            int a = d.edgeVertex(e, 0), b = d.edgeVertex(e, 1);
            boolean gabriel = true;
            int lowestCoface = -1;
            for (int side = 0; side < 2; side++) {
                int t = d.edgeTriangle(e, side);
                if (t < 0) {
                    continue;
                }
                gabriel &= !points.insideDiametralCircle(a, b, d.oppositeVertex(t, e));
                if (lowestCoface < 0 || v.triangleValues[t] < v.triangleValues[lowestCoface]
                        || (v.triangleValues[t] == v.triangleValues[lowestCoface] && d.compareTriangles(t, lowestCoface) < 0)) {
                    lowestCoface = t;
                }
            }
            double own = points.squaredDistance(a, b) / 4;
            if (gabriel && (lowestCoface < 0 || own <= v.triangleValues[lowestCoface])) {
                v.setEdge(e, own, a, b, -1);
            } else {
                v.setEdge(e, v.triangleValues[lowestCoface], d.triangleVertex(lowestCoface, 0),
                        d.triangleVertex(lowestCoface, 1), d.triangleVertex(lowestCoface, 2));
            }
        }
        return v;
    }

    /**
     * R² = |ab|²·|bc|²·|ca|² / (4·(twice the signed area)²); +∞ when the area rounds to 0.
     *
     * @throws IllegalArgumentException when squares of coordinate differences overflow
     */
    static double squaredCircumradius(PlanarPoints p, int a, int b, int c) {
        double ux = p.x(b) - p.x(a), uy = p.y(b) - p.y(a);
        double vx = p.x(c) - p.x(a), vy = p.y(c) - p.y(a);
        double cross = ux * vy - uy * vx;
        if (cross == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double r2 = p.squaredDistance(a, b) * p.squaredDistance(b, c) * p.squaredDistance(c, a) / (4 * cross * cross);
        if (Double.isNaN(r2)) {
            throw new IllegalArgumentException("coordinates too large for squared circumradii in double precision"
                    + " (points " + a + ", " + b + ", " + c + ")");
        }
        return r2;
    }

    private void setEdge(int e, double value, int s0, int s1, int s2) {
        edgeValues[e] = value;
        setSources(edgeSources, e, s0, s1, s2);
    }

    private void setTriangle(int t, double value, int s0, int s1, int s2) {
        triangleValues[t] = value;
        setSources(triangleSources, t, s0, s1, s2);
    }

    private void setSources(int[] sources, int i, int s0, int s1, int s2) {
        sources[i * stride] = s0;
        sources[i * stride + 1] = s1;
        if (stride > 2) {
            sources[i * stride + 2] = s2;
        }
    }

    public ValueModel model() {
        return model;
    }

    public double edgeValue(int e) {
        return edgeValues[e];
    }

    public double triangleValue(int t) {
        return triangleValues[t];
    }

    /** Source k (0..2) of edge e's value; -1 if unused or k ≥ model().sourcesPerValue(). */
    public int edgeSource(int e, int k) {
        return k < stride ? edgeSources[e * stride + k] : -1;
    }

    /** Source k (0..2) of triangle t's value; -1 if unused or k ≥ model().sourcesPerValue(). */
    public int triangleSource(int t, int k) {
        return k < stride ? triangleSources[t * stride + k] : -1;
    }
}
