package org.topolayer.persistence.grid;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.util.ValueOrder;

/**
 * Lower-star persistence of an H×W image on its Freudenthal triangulation without building the
 * complex: H0 by union-find with the elder rule over the implicit edges, H1 by Alexander duality
 * (H0 of the dual graph of triangles plus the outer face, edges taken in reverse order). No
 * matrix reduction; O(N α(N)) after an O(N) radix ranking of the pixels.
 *
 * <p>Simplex order (a refinement of the lower-star values): pixels by (value, index); a simplex
 * by the rank of its highest pixel, then dimension, then the ranks of its other pixels from high
 * to low. Each value is attributed to the simplex's highest pixel in that order.
 *
 * <p>A workspace: buffers are reused across calls, so hold one per thread. Images up to
 * 2^21 pixels (1448×1448) on the dual path, since triangle keys pack three ranks in a long.
 */
public final class FreudenthalGridPersistence {
    /** Triangle keys pack three 21-bit ranks. */
    public static final int MAX_PIXELS = 1 << 21;
    private static final long OUTER_FACE = Long.MAX_VALUE;

    private final ValueOrder valueOrder = new ValueOrder();
    private double[] g = new double[0];
    private int[] order = new int[0];
    private int[] rank = new int[0];
    private ElderUnionFind pixelSets = new ElderUnionFind(0);
    private int[] faceParent = new int[0];
    private long[] faceOldest = new long[0];
    private final int[] lower = new int[6];

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
        DiagramCollector out = new DiagramCollector(ValueModel.VERTEX_VALUE, maxDimension, superlevel ? -1 : 1);
        componentsH0(height, width, out);
        if (maxDimension >= 1 && height > 1 && width > 1) {
            if (n > MAX_PIXELS) {
                throw new IllegalArgumentException("H1 of images above " + MAX_PIXELS + " pixels is not supported");
            }
            holesH1(height, width, out);
        }
        return out.build();
    }

    /** Lower neighbours of pixel v (rank below v's), sorted by rank ascending; returns the count. */
    private int lowerNeighbours(int v, int height, int width) {
        int r = v / width, c = v - r * width, rv = rank[v], m = 0;
        // the six Freudenthal neighbours: left, right, up, down, up-left diagonal, down-right diagonal
        if (c > 0 && rank[v - 1] < rv) lower[m++] = v - 1;
        if (c < width - 1 && rank[v + 1] < rv) lower[m++] = v + 1;
        if (r > 0 && rank[v - width] < rv) lower[m++] = v - width;
        if (r < height - 1 && rank[v + width] < rv) lower[m++] = v + width;
        if (r > 0 && c > 0 && rank[v - width - 1] < rv) lower[m++] = v - width - 1;
        if (r < height - 1 && c < width - 1 && rank[v + width + 1] < rv) lower[m++] = v + width + 1;
        for (int i = 1; i < m; i++) {
            int x = lower[i], j = i - 1;
            while (j >= 0 && rank[lower[j]] > rank[x]) {
                lower[j + 1] = lower[j];
                j--;
            }
            lower[j + 1] = x;
        }
        return m;
    }

    private void componentsH0(int height, int width, DiagramCollector out) {
        int n = height * width;
        pixelSets.reset(n); // elements are ranks, so "oldest" = lowest rank
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int m = lowerNeighbours(v, height, width);
            for (int i = 0; i < m; i++) {
                int dying = pixelSets.union(rv, rank[lower[i]]);
                if (dying >= 0) {
                    int born = order[dying];
                    out.add(0, g[born], g[v], born, -1, -1, v, -1, -1);
                }
            }
        }
        for (int rv = 0; rv < n; rv++) {
            if (pixelSets.find(rv) == rv) {
                int born = order[pixelSets.oldest(rv)];
                out.addEssential(0, g[born], born, -1, -1);
            }
        }
    }

    /**
     * Dual pass. Faces are the triangles (cube (r,c) has "upper" triangle 2q = {(r,c),(r,c+1),
     * (r+1,c+1)} and "lower" triangle 2q+1 = {(r,c),(r+1,c),(r+1,c+1)}, q = r(W-1)+c) plus the
     * outer face. Taking edges from last to first, an edge that joins two face sets kills the
     * younger one (the one whose latest triangle is earlier): that edge created the hole the
     * triangle fills.
     */
    private void holesH1(int height, int width, DiagramCollector out) {
        int cw = width - 1;
        int faces = 2 * (height - 1) * cw;
        int outer = faces;
        for (int q = 0; q < (height - 1) * cw; q++) {
            int r = q / cw, c = q - r * cw, v = r * width + c;
            faceParent[2 * q] = 2 * q;
            faceParent[2 * q + 1] = 2 * q + 1;
            faceOldest[2 * q] = triangleKey(v, v + 1, v + width + 1);
            faceOldest[2 * q + 1] = triangleKey(v, v + width, v + width + 1);
        }
        faceParent[outer] = outer;
        faceOldest[outer] = OUTER_FACE;
        for (int rv = height * width - 1; rv >= 0; rv--) {
            int v = order[rv];
            int m = lowerNeighbours(v, height, width);
            for (int i = m - 1; i >= 0; i--) {
                int u = lower[i];
                int a = Math.min(u, v), b = Math.max(u, v);
                int ra = a / width, ca = a - ra * width;
                int f1, f2;
                if (b == a + 1) { // horizontal: upper triangle of cube (ra,ca), lower of cube (ra-1,ca)
                    f1 = ra < height - 1 ? 2 * (ra * cw + ca) : outer;
                    f2 = ra > 0 ? 2 * ((ra - 1) * cw + ca) + 1 : outer;
                } else if (b == a + width) { // vertical: lower of cube (ra,ca), upper of cube (ra,ca-1)
                    f1 = ca < cw ? 2 * (ra * cw + ca) + 1 : outer;
                    f2 = ca > 0 ? 2 * (ra * cw + ca - 1) : outer;
                } else { // diagonal: both triangles of cube (ra,ca)
                    f1 = 2 * (ra * cw + ca);
                    f2 = f1 + 1;
                }
                int dying = unionFaces(f1, f2);
                if (dying >= 0) {
                    int top = order[(int) (faceOldest[dying] >>> 42)];
                    out.add(1, g[v], g[top], v, -1, -1, top, -1, -1);
                }
            }
        }
    }

    /** Merges two face sets; returns the root of the one that dies (younger), or -1. */
    private int unionFaces(int a, int b) {
        int ra = findFace(a), rb = findFace(b);
        if (ra == rb) {
            return -1;
        }
        if (faceOldest[ra] < faceOldest[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        faceParent[rb] = ra; // ra holds the later triangle, so it survives
        return rb;
    }

    private int findFace(int x) {
        while (faceParent[x] != x) {
            faceParent[x] = faceParent[faceParent[x]];
            x = faceParent[x];
        }
        return x;
    }

    /** Pixel ranks of the triangle, high to low, packed so that long order = filtration order. */
    private long triangleKey(int a, int b, int c) {
        long x = rank[a], y = rank[b], z = rank[c];
        long hi = Math.max(x, Math.max(y, z)), lo = Math.min(x, Math.min(y, z));
        long mid = x + y + z - hi - lo;
        return (hi << 42) | (mid << 21) | lo;
    }

    private void ensure(int n) {
        if (g.length < n) {
            g = new double[n];
            order = new int[n];
            rank = new int[n];
            pixelSets = new ElderUnionFind(n);
            int faces = 2 * n + 1;
            faceParent = new int[faces];
            faceOldest = new long[faces];
        }
    }
}
