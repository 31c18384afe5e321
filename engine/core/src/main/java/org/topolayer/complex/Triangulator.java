package org.topolayer.complex;

import java.util.Arrays;

/**
 * Bowyer–Watson incremental Delaunay triangulation with exact predicates.
 *
 * <p>The convex hull is closed off by "ghost" triangles that share a vertex at infinity, so
 * every point is inserted the same way: find the triangles whose open circumdisk contains it
 * (for a ghost triangle: the point is strictly outside its hull edge, or strictly inside the edge
 * segment), delete them and connect the point to the boundary of the hole. With exact predicates
 * this hole is star-shaped from the point, also on grids and cocircular sets. Points are inserted
 * in Hilbert order and located by a visibility walk from the previous insertion.
 *
 * <p>Limits: the points must be distinct and not all collinear ({@link Delaunay} handles those
 * cases). Storage is flat arrays: 6 ints and 1 mark per triangle slot.
 */
final class Triangulator {
    private static final int GHOST = -1;

    private final PlanarPoints points;
    private int[] vertex; // 3 per slot, counter-clockwise; edge k runs from vertex k to vertex k+1
    private int[] twin;   // 3 per slot: the opposite half-edge (3 × slot + k) across edge k
    private int[] mark;   // per slot: 2·stamp when in the current cavity, 2·stamp+1 when tested and outside
    private int slots;
    private int stamp;
    private int lastRealTriangle;

    private int[] cavity = new int[32];
    private int[] boundaryFrom = new int[32];
    private int[] boundaryTo = new int[32];
    private int[] boundaryOuter = new int[32];
    private final int[] newTriangleStartingAt; // by vertex id + 1 (0 is the ghost vertex)

    private Triangulator(PlanarPoints points, int capacity) {
        this.points = points;
        vertex = new int[3 * capacity];
        twin = new int[3 * capacity];
        mark = new int[capacity];
        newTriangleStartingAt = new int[points.size() + 1];
    }

    /**
     * Triangulates the distinct points {@code ids} (not all collinear). Returns the real
     * triangles as {@code {vertices, neighbours}}: 3 vertex ids per triangle, counter-clockwise,
     * and per edge k (vertex k to k+1) the index of the triangle across it, or -1 on the hull.
     */
    static int[][] triangulate(PlanarPoints points, int[] ids) {
        int[] order = ids.clone();
        HilbertOrder.sort(points, order);
        Triangulator t = new Triangulator(points, 2 * order.length + 8);
        int third = t.firstNonCollinear(order);
        t.startWith(order[0], order[1], order[third]);
        for (int k = 2; k < order.length; k++) {
            if (k != third) {
                t.insert(order[k]);
            }
        }
        return t.realTriangles();
    }

    private int firstNonCollinear(int[] order) {
        for (int k = 2; k < order.length; k++) {
            if (points.orient(order[0], order[1], order[k]) != 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("all points are collinear");
    }

    private void startWith(int a, int b, int c) {
        if (points.orient(a, b, c) < 0) {
            int swap = b;
            b = c;
            c = swap;
        }
        int real = newSlot(a, b, c);
        int ghostAB = newSlot(b, a, GHOST);
        int ghostBC = newSlot(c, b, GHOST);
        int ghostCA = newSlot(a, c, GHOST);
        link(3 * real, 3 * ghostAB);
        link(3 * real + 1, 3 * ghostBC);
        link(3 * real + 2, 3 * ghostCA);
        link(3 * ghostAB + 1, 3 * ghostCA + 2); // a→∞ and ∞→a
        link(3 * ghostAB + 2, 3 * ghostBC + 1); // ∞→b and b→∞
        link(3 * ghostBC + 2, 3 * ghostCA + 1); // ∞→c and c→∞
        lastRealTriangle = real;
    }

    private void insert(int p) {
        stamp++;
        int cavitySize = collectCavity(locate(p), p);
        int boundarySize = collectBoundary(cavitySize);
        for (int i = 0; i < boundarySize; i++) {
            int from = boundaryFrom[i];
            int slot = i < cavitySize ? reuse(cavity[i], from, boundaryTo[i], p) : newSlot(from, boundaryTo[i], p);
            link(3 * slot, boundaryOuter[i]);
            newTriangleStartingAt[from + 1] = slot;
            if (from != GHOST && boundaryTo[i] != GHOST) {
                lastRealTriangle = slot;
            }
        }
        for (int i = 0; i < boundarySize; i++) {
            int slot = newTriangleStartingAt[boundaryFrom[i] + 1];
            int next = newTriangleStartingAt[boundaryTo[i] + 1];
            link(3 * slot + 1, 3 * next + 2); // to→p and p→to
        }
    }

    /**
     * Visibility walk from the last real triangle: crosses any edge that has p strictly on its
     * far side. Ends in a real triangle whose closure contains p, or in the ghost triangle of a
     * hull edge that sees p; both conflict with p. The walk terminates on Delaunay triangulations.
     */
    private int locate(int p) {
        int t = lastRealTriangle;
        int entered = -1;
        int rotation = 0;
        walk:
        while (true) {
            rotation = (rotation + 1) % 3; // vary the first edge tried, so walks do not favour one direction
            for (int i = 0; i < 3; i++) {
                int h = 3 * t + (i + rotation) % 3;
                if (h == entered) {
                    continue;
                }
                if (points.orient(vertex[h], vertex[next(h)], p) < 0) {
                    entered = twin[h];
                    t = entered / 3;
                    if (isGhost(t)) {
                        return t;
                    }
                    continue walk;
                }
            }
            return t;
        }
    }

    /** Flood fill from {@code seed} over triangles in conflict with p; returns the cavity size. */
    private int collectCavity(int seed, int p) {
        int inCavity = 2 * stamp;
        int size = 0;
        cavity[size++] = seed;
        mark[seed] = inCavity;
        for (int i = 0; i < size; i++) {
            int t = cavity[i];
            for (int k = 0; k < 3; k++) {
                int neighbour = twin[3 * t + k] / 3;
                if (mark[neighbour] >= inCavity) {
                    continue;
                }
                if (conflicts(neighbour, p)) {
                    mark[neighbour] = inCavity;
                    if (size == cavity.length) {
                        cavity = Arrays.copyOf(cavity, size * 2);
                    }
                    cavity[size++] = neighbour;
                } else {
                    mark[neighbour] = inCavity + 1;
                }
            }
        }
        return size;
    }

    /** Records the cavity's boundary half-edges (seen from inside) and their outer twins. */
    private int collectBoundary(int cavitySize) {
        int inCavity = 2 * stamp;
        int size = 0;
        for (int i = 0; i < cavitySize; i++) {
            int t = cavity[i];
            for (int k = 0; k < 3; k++) {
                int h = 3 * t + k;
                int outer = twin[h];
                if (mark[outer / 3] == inCavity) {
                    continue;
                }
                if (size == boundaryFrom.length) {
                    boundaryFrom = Arrays.copyOf(boundaryFrom, size * 2);
                    boundaryTo = Arrays.copyOf(boundaryTo, size * 2);
                    boundaryOuter = Arrays.copyOf(boundaryOuter, size * 2);
                }
                boundaryFrom[size] = vertex[h];
                boundaryTo[size] = vertex[next(h)];
                boundaryOuter[size] = outer;
                size++;
            }
        }
        return size;
    }

    private boolean conflicts(int t, int p) {
        int a = vertex[3 * t], b = vertex[3 * t + 1], c = vertex[3 * t + 2];
        if (a == GHOST) {
            return hullEdgeSees(b, c, p);
        }
        if (b == GHOST) {
            return hullEdgeSees(c, a, p);
        }
        if (c == GHOST) {
            return hullEdgeSees(a, b, p);
        }
        return points.inCircle(a, b, c, p) > 0;
    }

    /** Hull edge u→v has the outside on its left: p conflicts if there, or strictly inside the segment. */
    private boolean hullEdgeSees(int u, int v, int p) {
        int side = points.orient(u, v, p);
        if (side != 0) {
            return side > 0;
        }
        // collinear: lexicographic order is the order along the line
        int pu = points.compareLexicographic(p, u), pv = points.compareLexicographic(p, v);
        return pu != 0 && pv != 0 && (pu > 0) != (pv > 0);
    }

    private boolean isGhost(int t) {
        return vertex[3 * t] == GHOST || vertex[3 * t + 1] == GHOST || vertex[3 * t + 2] == GHOST;
    }

    private static int next(int h) {
        return h % 3 == 2 ? h - 2 : h + 1;
    }

    private void link(int h, int g) {
        twin[h] = g;
        twin[g] = h;
    }

    private int reuse(int slot, int a, int b, int c) {
        vertex[3 * slot] = a;
        vertex[3 * slot + 1] = b;
        vertex[3 * slot + 2] = c;
        return slot;
    }

    private int newSlot(int a, int b, int c) {
        if (slots == mark.length) {
            int capacity = slots * 2;
            vertex = Arrays.copyOf(vertex, 3 * capacity);
            twin = Arrays.copyOf(twin, 3 * capacity);
            mark = Arrays.copyOf(mark, capacity);
        }
        return reuse(slots++, a, b, c);
    }

    private int[][] realTriangles() {
        int[] realIndex = new int[slots];
        int count = 0;
        for (int t = 0; t < slots; t++) {
            realIndex[t] = isGhost(t) ? -1 : count++;
        }
        int[] vertices = new int[3 * count];
        int[] neighbours = new int[3 * count];
        for (int t = 0; t < slots; t++) {
            int r = realIndex[t];
            if (r < 0) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                vertices[3 * r + k] = vertex[3 * t + k];
                neighbours[3 * r + k] = realIndex[twin[3 * t + k] / 3];
            }
        }
        return new int[][] {vertices, neighbours};
    }
}
