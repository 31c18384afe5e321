package org.topolayer.persistence.grid;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.util.ValueOrder;

/**
 * Lower-star persistence of an H×W image on its Freudenthal triangulation without building the
 * complex: H0 by union-find with the elder rule over the implicit edges, H1 by Alexander duality
 * (H0 of the dual graph of triangles plus the outer face, edges taken in reverse order). No
 * matrix reduction; O(N α(N)) after an O(N) radix ranking of the pixels.
 *
 * <p>Simplex order (a refinement of the lower-star values): pixels by (value, index); a simplex
 * by the rank of its highest pixel, then dimension; edges sharing their highest pixel by
 * neighbour direction, triangles by face index. Each value
 * is attributed to the simplex's highest pixel in that order. The order among edges that share
 * their highest pixel cannot change the diagram or its attribution: they all carry the same
 * death value and pixel, and the elder rule kills the same components whatever order they merge
 * in, so no per-pixel sort is needed; likewise triangles sharing their highest pixel die at the
 * same value attributed to the same pixel, so any fixed order among them gives the same bars.
 *
 * <p>A workspace: buffers are reused across calls, so hold one per thread. Images up to
 * {@value #MAX_PIXELS} pixels (2·pixels + 1 faces must be int-indexable).
 */
public final class FreudenthalGridPersistence {
    public static final int MAX_PIXELS = (1 << 30) - 1;

    private final ValueOrder valueOrder = new ValueOrder();
    private double[] g = new double[0];
    private int[] order = new int[0];
    private int[] rank = new int[0];
    // Both passes keep sets as trees whose root is the set's oldest member (the elder rule links
    // the younger root below the older), so a root is its own birth: no size or oldest arrays.
    private int[] pixelParent = new int[0];
    private int[] faceParent = new int[0];
    private int[] faceTop = new int[0]; // rank of the triangle's highest pixel (the outer face: above all)
    private byte[] lowerMask = new byte[0]; // bit k: neighbour in direction k has a lower rank
    private final int[] neighbourOffset = new int[6]; // index offset of the neighbour in direction k
    private final int[] faceOffset1 = new int[6]; // faces beside the edge in direction k, relative to
    private final int[] faceOffset2 = new int[6]; // the pixel's upper triangle (interior pixels only)
    private final DiagramCollector collector = new DiagramCollector(ValueModel.VERTEX_VALUE, 0, 1);

    /**
     * Diagrams of dimension 0..maxDimension (only 0 and 1 can be nonempty) of the image
     * {@code values} (row-major, H×W). Values must be finite (checked by the caller).
     */
    public PersistenceDiagrams compute(double[] values, int height, int width, int maxDimension, boolean superlevel) {
        int n = height * width;
        ensure(n);
        double sign = superlevel ? -1 : 1;
        for (int i = 0; i < n; i++) {
            g[i] = sign * values[i];
        }
        valueOrder.sort(g, n, order, rank);
        markLowerNeighbours(height, width);
        DiagramCollector out = collector;
        out.reset(maxDimension, superlevel ? -1 : 1);
        componentsH0(height, width, out);
        if (maxDimension >= 1 && height > 1 && width > 1) {
            holesH1(height, width, out);
        }
        return out.build();
    }

    /**
     * Records, for every pixel, which of its six Freudenthal neighbours (left, right, up, down,
     * up-left, down-right: bits 0..5) come earlier in the pixel order. One sweep in memory order,
     * so the passes in value order touch one byte per pixel instead of six ranks.
     */
    private void markLowerNeighbours(int height, int width) {
        for (int r = 0, v = 0; r < height; r++) {
            boolean borderRow = r == 0 || r == height - 1;
            for (int c = 0; c < width; c++, v++) {
                int rv = rank[v];
                if (borderRow || c == 0 || c == width - 1) {
                    lowerMask[v] = (byte) borderMask(v, r, c, rv, height, width);
                    continue;
                }
                // interior: no bounds to test, and a branch-free compare (ranks are non-negative,
                // so rank[u] - rv is negative exactly when u comes first); the comparisons are
                // data-dependent coin flips that branches would mispredict
                lowerMask[v] = (byte) (((rank[v - 1] - rv) >>> 31)
                        | (((rank[v + 1] - rv) >>> 31) << 1)
                        | (((rank[v - width] - rv) >>> 31) << 2)
                        | (((rank[v + width] - rv) >>> 31) << 3)
                        | (((rank[v - width - 1] - rv) >>> 31) << 4)
                        | (((rank[v + width + 1] - rv) >>> 31) << 5));
            }
        }
    }

    private int borderMask(int v, int r, int c, int rv, int height, int width) {
        int mask = 0;
        if (c > 0 && rank[v - 1] < rv) mask |= 1;
        if (c < width - 1 && rank[v + 1] < rv) mask |= 2;
        if (r > 0 && rank[v - width] < rv) mask |= 4;
        if (r < height - 1 && rank[v + width] < rv) mask |= 8;
        if (r > 0 && c > 0 && rank[v - width - 1] < rv) mask |= 16;
        if (r < height - 1 && c < width - 1 && rank[v + width + 1] < rv) mask |= 32;
        return mask;
    }

    /**
     * Pixels in order; each joins the components of its earlier neighbours. Joining v's own
     * one-pixel component makes a zero-length bar, so only merges of two older components record
     * one: the component whose minimum came later dies at v.
     */
    private void componentsH0(int height, int width, DiagramCollector out) {
        int n = height * width;
        if (n == 0) {
            return;
        }
        int[] parent = pixelParent;
        neighbourOffset[0] = -1;
        neighbourOffset[1] = 1;
        neighbourOffset[2] = -width;
        neighbourOffset[3] = width;
        neighbourOffset[4] = -width - 1;
        neighbourOffset[5] = width + 1;
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int mask = lowerMask[v];
            int root = v; // v's component so far; later pixels are not yet in any tree
            parent[v] = v;
            // an edge that joins two components is cleared from the mask: by duality it cannot
            // join two face sets in the H1 pass, so that pass skips it
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                int d = Integer.numberOfTrailingZeros(rest);
                int other = find(parent, v + neighbourOffset[d]);
                if (other == root) {
                    continue;
                }
                mask &= ~(1 << d);
                if (root == v) {
                    parent[v] = other;
                    root = other;
                    continue;
                }
                int young = rank[other] > rank[root] ? other : root;
                root ^= other ^ young; // the older of the two
                parent[young] = root;
                out.add(0, g[young], g[v], young, -1, -1, v, -1, -1);
            }
            lowerMask[v] = (byte) mask;
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
    }

    /**
     * Dual pass over the edges the H0 pass left in the masks (those that closed a loop). Faces
     * are the triangles (cube (r,c) has "upper" triangle 2q = {(r,c),(r,c+1),(r+1,c+1)} and
     * "lower" triangle 2q+1 = {(r,c),(r+1,c),(r+1,c+1)}, q = r(W-1)+c) plus the outer face.
     * Taking edges from last to first, an edge that joins two face sets kills the
     * younger one (the one whose latest triangle is earlier): that edge created the hole the
     * triangle fills.
     */
    private void holesH1(int height, int width, DiagramCollector out) {
        int cw = width - 1;
        int faces = 2 * (height - 1) * cw;
        int outer = faces;
        for (int r = 0, f = 0; r < height - 1; r++) {
            for (int c = 0, v = r * width; c < cw; c++, v++, f += 2) {
                int diagonal = Math.max(rank[v], rank[v + width + 1]);
                faceParent[f] = f;
                faceTop[f] = Math.max(diagonal, rank[v + 1]);
                faceParent[f + 1] = f + 1;
                faceTop[f + 1] = Math.max(diagonal, rank[v + width]);
            }
        }
        faceParent[outer] = outer;
        faceTop[outer] = Integer.MAX_VALUE;
        // per direction (left, right, up, down, up-left, down-right), the two faces beside the edge
        int up = 2 * cw;
        faceOffset1[0] = -2;
        faceOffset2[0] = -up - 1;
        faceOffset1[1] = 0;
        faceOffset2[1] = -up + 1;
        faceOffset1[2] = -up + 1;
        faceOffset2[2] = -up - 2;
        faceOffset1[3] = 1;
        faceOffset2[3] = -2;
        faceOffset1[4] = -up - 2;
        faceOffset2[4] = -up - 1;
        faceOffset1[5] = 0;
        faceOffset2[5] = 1;
        for (int rv = height * width - 1; rv >= 0; rv--) {
            int v = order[rv];
            int mask = lowerMask[v];
            if (mask == 0) {
                continue;
            }
            int r = v / width, c = v - r * width;
            // the faces beside each edge from v; up(r,c) = 2(r·cw+c), low(r,c) = up(r,c)+1, off-grid = outer
            int here = 2 * (r * cw + c);
            if (r > 0 && r < height - 1 && c > 0 && c < cw) {
                for (int rest = mask; rest != 0; rest &= rest - 1) {
                    int d = Integer.numberOfTrailingZeros(rest);
                    merge(v, here + faceOffset1[d], here + faceOffset2[d], out);
                }
                continue;
            }
            boolean top = r == 0, bottom = r == height - 1, leftEdge = c == 0, rightEdge = c == cw;
            if ((mask & 32) != 0) { // down-right diagonal: both triangles of cube (r,c)
                merge(v, here, here + 1, out);
            }
            if ((mask & 16) != 0) { // up-left diagonal: both triangles of cube (r-1,c-1)
                int f = here - 2 * cw - 2;
                merge(v, f, f + 1, out);
            }
            if ((mask & 8) != 0) { // down: low(r,c) and up(r,c-1)
                merge(v, rightEdge ? outer : here + 1, leftEdge ? outer : here - 2, out);
            }
            if ((mask & 4) != 0) { // up: low(r-1,c) and up(r-1,c-1)
                int f = here - 2 * cw;
                merge(v, rightEdge ? outer : f + 1, leftEdge ? outer : f - 2, out);
            }
            if ((mask & 2) != 0) { // right: up(r,c) and low(r-1,c)
                merge(v, bottom ? outer : here, top ? outer : here - 2 * cw + 1, out);
            }
            if ((mask & 1) != 0) { // left: up(r,c-1) and low(r-1,c-1)
                merge(v, bottom ? outer : here - 2, top ? outer : here - 2 * cw - 1, out);
            }
        }
    }

    /**
     * The edge from v between faces f1 and f2: if it joins two face sets, the younger one (whose
     * latest triangle comes earlier, triangles ordered by (highest pixel's rank, face index)) dies.
     */
    private void merge(int v, int f1, int f2, DiagramCollector out) {
        int a = find(faceParent, f1), b = find(faceParent, f2);
        if (a == b) {
            return;
        }
        int ta = faceTop[a], tb = faceTop[b];
        int dying = ta < tb || (ta == tb && a < b) ? a : b;
        faceParent[dying] = a ^ b ^ dying;
        int top = order[faceTop[dying]];
        out.add(1, g[v], g[top], v, -1, -1, top, -1, -1);
    }

    /** The root of x's tree, halving the path on the way. */
    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            int up = parent[parent[x]];
            parent[x] = up;
            x = up;
        }
        return x;
    }

    private void ensure(int n) {
        if (g.length < n) {
            g = new double[n];
            order = new int[n];
            rank = new int[n];
            lowerMask = new byte[n];
            pixelParent = new int[n];
            int faces = 2 * n + 1;
            faceParent = new int[faces];
            faceTop = new int[faces];
        }
    }
}
