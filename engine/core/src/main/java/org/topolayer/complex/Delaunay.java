package org.topolayer.complex;

import java.util.Arrays;
import org.topolayer.util.IntSort;

/**
 * The Delaunay triangulation of a 1-D or 2-D point cloud, as flat arrays of edges and triangles.
 *
 * <ul>
 *   <li>Distinct points not all collinear: the Delaunay triangulation (exact predicates; among
 *       cocircular points, one valid triangulation is chosen deterministically).
 *   <li>All points collinear (exact test), including 1-D input and 2 points: the path through the
 *       points in their order along the line. No triangles.
 *   <li>Duplicate points: the triangulation is built on the distinct points, represented by their
 *       smallest index; every other copy is joined to its representative by an extra edge (length
 *       0) that lies in no triangle, so it merges at value 0 instead of staying isolated.
 * </ul>
 * Every input point is a vertex. Edges list their endpoints ascending, triangles their vertices
 * ascending. Each edge knows the triangles on its two sides, -1 meaning the outer face (or no
 * triangle, for path and duplicate edges): with the triangles plus the outer face this is the
 * planar dual used for H1 by Alexander duality.
 */
public final class Delaunay {
    private final int pointCount;
    private final int[] edgeVertices;
    private final int[] edgeTriangles;
    private final int[] triangleVertices;
    private final int[] triangleEdges;

    private Delaunay(int pointCount, int[] edgeVertices, int[] edgeTriangles, int[] triangleVertices,
                     int[] triangleEdges) {
        this.pointCount = pointCount;
        this.edgeVertices = edgeVertices;
        this.edgeTriangles = edgeTriangles;
        this.triangleVertices = triangleVertices;
        this.triangleEdges = triangleEdges;
    }

    /** Validates (see {@link PlanarPoints#of}) and triangulates. */
    public static Delaunay of(double[][] points) {
        return of(PlanarPoints.of(points));
    }

    public static Delaunay of(PlanarPoints points) {
        int n = points.size();
        int[] byPosition = new int[n];
        for (int i = 0; i < n; i++) {
            byPosition[i] = i;
        }
        IntSort.sort(byPosition, points::compareLexicographic); // stable: a copy's first index comes first
        int[] distinct = new int[n];
        int[] duplicateEdges = new int[2 * n];
        int distinctCount = 0, duplicateCount = 0;
        for (int k = 0; k < n; k++) {
            int p = byPosition[k];
            if (distinctCount > 0 && points.compareLexicographic(distinct[distinctCount - 1], p) == 0) {
                duplicateEdges[2 * duplicateCount] = distinct[distinctCount - 1];
                duplicateEdges[2 * duplicateCount + 1] = p;
                duplicateCount++;
            } else {
                distinct[distinctCount++] = p;
            }
        }
        distinct = Arrays.copyOf(distinct, distinctCount);
        duplicateEdges = Arrays.copyOf(duplicateEdges, 2 * duplicateCount);
        if (distinctCount >= 3 && !allCollinear(points, distinct)) {
            int[][] mesh = Triangulator.triangulate(points, distinct);
            return fromMesh(n, mesh[0], mesh[1], duplicateEdges);
        }
        return path(n, distinct, duplicateEdges);
    }

    /** {@code sorted} is in lexicographic order, so its ends are the extreme points of any line through all. */
    private static boolean allCollinear(PlanarPoints points, int[] sorted) {
        int first = sorted[0], last = sorted[sorted.length - 1];
        for (int p : sorted) {
            if (points.orient(first, last, p) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Delaunay path(int pointCount, int[] sortedDistinct, int[] duplicateEdges) {
        int pathEdges = Math.max(0, sortedDistinct.length - 1);
        int[] edges = new int[2 * pathEdges + duplicateEdges.length];
        for (int e = 0; e < pathEdges; e++) {
            int a = sortedDistinct[e], b = sortedDistinct[e + 1];
            edges[2 * e] = Math.min(a, b);
            edges[2 * e + 1] = Math.max(a, b);
        }
        System.arraycopy(duplicateEdges, 0, edges, 2 * pathEdges, duplicateEdges.length);
        int[] sides = new int[edges.length];
        Arrays.fill(sides, -1);
        return new Delaunay(pointCount, edges, sides, new int[0], new int[0]);
    }

    /** Numbers the mesh's edges: each interior edge once (from its ascending half-edge), each hull edge once. */
    private static Delaunay fromMesh(int pointCount, int[] vertices, int[] neighbours, int[] duplicateEdges) {
        int triangles = vertices.length / 3;
        int[] halfEdgeToEdge = new int[3 * triangles];
        int maxEdges = 3 * triangles + duplicateEdges.length / 2; // upper bound; trimmed at the end
        int[] edges = new int[2 * maxEdges];
        int[] sides = new int[2 * maxEdges];
        int edgeCount = 0;
        for (int h = 0; h < 3 * triangles; h++) {
            int a = vertices[h], b = vertices[next(h)], across = neighbours[h];
            if (across >= 0 && a > b) {
                continue; // named from the twin half-edge
            }
            edges[2 * edgeCount] = Math.min(a, b);
            edges[2 * edgeCount + 1] = Math.max(a, b);
            sides[2 * edgeCount] = h / 3;
            sides[2 * edgeCount + 1] = across;
            halfEdgeToEdge[h] = edgeCount++;
        }
        for (int h = 0; h < 3 * triangles; h++) {
            int a = vertices[h], b = vertices[next(h)], across = neighbours[h];
            if (across >= 0 && a > b) {
                halfEdgeToEdge[h] = halfEdgeToEdge[twinIn(vertices, across, b)];
            }
        }
        for (int k = 0; k < duplicateEdges.length; k += 2) {
            edges[2 * edgeCount] = duplicateEdges[k];
            edges[2 * edgeCount + 1] = duplicateEdges[k + 1];
            sides[2 * edgeCount] = -1;
            sides[2 * edgeCount + 1] = -1;
            edgeCount++;
        }
        int[] sortedVertices = vertices.clone();
        for (int t = 0; t < triangles; t++) {
            Arrays.sort(sortedVertices, 3 * t, 3 * t + 3);
        }
        return new Delaunay(pointCount, Arrays.copyOf(edges, 2 * edgeCount), Arrays.copyOf(sides, 2 * edgeCount),
                sortedVertices, halfEdgeToEdge);
    }

    /** The half-edge of triangle t that starts at vertex {@code from}. */
    private static int twinIn(int[] vertices, int t, int from) {
        for (int k = 0; k < 3; k++) {
            if (vertices[3 * t + k] == from) {
                return 3 * t + k;
            }
        }
        throw new IllegalStateException("inconsistent mesh at triangle " + t);
    }

    private static int next(int h) {
        return h % 3 == 2 ? h - 2 : h + 1;
    }

    public int pointCount() {
        return pointCount;
    }

    public int edgeCount() {
        return edgeVertices.length / 2;
    }

    /** Endpoint k (0 or 1) of edge e; endpoint 0 is the smaller index. */
    public int edgeVertex(int e, int k) {
        return edgeVertices[2 * e + k];
    }

    /** The triangle on side k (0 or 1) of edge e, or -1 for the outer face / no triangle. */
    public int edgeTriangle(int e, int k) {
        return edgeTriangles[2 * e + k];
    }

    public int triangleCount() {
        return triangleVertices.length / 3;
    }

    /** Vertex k (0..2) of triangle t, ascending in k. */
    public int triangleVertex(int t, int k) {
        return triangleVertices[3 * t + k];
    }

    /** Edge k (0..2) of triangle t, in no particular order. */
    public int triangleEdge(int t, int k) {
        return triangleEdges[3 * t + k];
    }

    /** Lexicographic order of the (ascending) endpoint pairs of edges e and f. */
    public int compareEdges(int e, int f) {
        int c = Integer.compare(edgeVertices[2 * e], edgeVertices[2 * f]);
        return c != 0 ? c : Integer.compare(edgeVertices[2 * e + 1], edgeVertices[2 * f + 1]);
    }

    /** Lexicographic order of the (ascending) vertex triples of triangles t and u. */
    public int compareTriangles(int t, int u) {
        for (int k = 0; k < 3; k++) {
            int c = Integer.compare(triangleVertices[3 * t + k], triangleVertices[3 * u + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The vertex of triangle t that is not an endpoint of its edge e. */
    public int oppositeVertex(int t, int e) {
        int a = edgeVertices[2 * e], b = edgeVertices[2 * e + 1];
        for (int k = 0; k < 3; k++) {
            int v = triangleVertices[3 * t + k];
            if (v != a && v != b) {
                return v;
            }
        }
        throw new IllegalArgumentException("edge " + e + " is not in triangle " + t);
    }
}
