package org.topolayer.persistence.alpha;

import org.topolayer.complex.AlphaValues;
import org.topolayer.complex.Delaunay;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.util.IntSort;

/**
 * Persistence of a filtration on a Delaunay triangulation without matrix reduction.
 *
 * <ul>
 *   <li>H0: Kruskal over edges in filtration order with the elder rule (vertices are all at 0,
 *       older = smaller index).
 *   <li>H1: the triangulation is a planar complex whose faces are its triangles plus the outer
 *       face, so by Alexander duality H1 of the filtration is H0 of the dual graph run backwards:
 *       dual vertices are the faces (the outer face oldest, then triangles latest-first), dual
 *       edges are the primal edges in reverse order. An edge that merges two dual components
 *       closes a cycle born at the edge, which dies at the younger component's oldest triangle.
 *       No essential H1; no H2 (a planar complex has none).
 * </ul>
 * The filtration order is that of {@code Filtration}: value, then dimension, then vertex lists,
 * so bars and their attribution match a reduction of the explicit filtration.
 */
final class PlanarPersistence {
    private PlanarPersistence() {}

    static PersistenceDiagrams compute(Delaunay d, AlphaValues values, int maxDimension) {
        DiagramCollector out = new DiagramCollector(values.model(), maxDimension, 1);
        int[] edgeOrder = sortedEdges(d, values);
        addComponents(d, values, edgeOrder, out);
        if (maxDimension >= 1) {
            addCycles(d, values, edgeOrder, out);
        }
        return out.build();
    }

    private static void addComponents(Delaunay d, AlphaValues values, int[] edgeOrder, DiagramCollector out) {
        ElderUnionFind components = new ElderUnionFind(d.pointCount());
        for (int e : edgeOrder) {
            int dying = components.union(d.edgeVertex(e, 0), d.edgeVertex(e, 1));
            if (dying >= 0) {
                out.add(0, 0.0, values.edgeValue(e), -1, -1, -1,
                        values.edgeSource(e, 0), values.edgeSource(e, 1), values.edgeSource(e, 2));
            }
        }
        for (int v = 0; v < d.pointCount(); v++) {
            if (components.oldest(v) == v) {
                out.addEssential(0, 0.0, -1, -1, -1);
            }
        }
    }

    private static void addCycles(Delaunay d, AlphaValues values, int[] edgeOrder, DiagramCollector out) {
        int triangles = d.triangleCount();
        int[] triangleOrder = sortedTriangles(d, values);
        // dual element 0 is the outer face; the triangle of rank r is element (triangles - r)
        int[] dualOf = new int[triangles];
        for (int r = 0; r < triangles; r++) {
            dualOf[triangleOrder[r]] = triangles - r;
        }
        ElderUnionFind faces = new ElderUnionFind(triangles + 1);
        for (int i = edgeOrder.length - 1; i >= 0; i--) {
            int e = edgeOrder[i];
            int left = d.edgeTriangle(e, 0), right = d.edgeTriangle(e, 1);
            int dying = faces.union(left < 0 ? 0 : dualOf[left], right < 0 ? 0 : dualOf[right]);
            if (dying > 0) {
                int t = triangleOrder[triangles - dying];
                out.add(1, values.edgeValue(e), values.triangleValue(t),
                        values.edgeSource(e, 0), values.edgeSource(e, 1), values.edgeSource(e, 2),
                        values.triangleSource(t, 0), values.triangleSource(t, 1), values.triangleSource(t, 2));
            }
        }
    }

    private static int[] sortedEdges(Delaunay d, AlphaValues values) {
        int[] order = identity(d.edgeCount());
        IntSort.sort(order, (e, f) -> {
            int c = Double.compare(values.edgeValue(e), values.edgeValue(f));
            return c != 0 ? c : d.compareEdges(e, f);
        });
        return order;
    }

    private static int[] sortedTriangles(Delaunay d, AlphaValues values) {
        int[] order = identity(d.triangleCount());
        IntSort.sort(order, (t, u) -> {
            int c = Double.compare(values.triangleValue(t), values.triangleValue(u));
            return c != 0 ? c : d.compareTriangles(t, u);
        });
        return order;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
