package org.topolayer.persistence.grid;

import static org.topolayer.persistence.grid.LowerLink.ALL;
import static org.topolayer.persistence.grid.LowerLink.DIRECTIONS;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.util.ValueOrder;

/**
 * Lower-star persistence of an H×W image on its Freudenthal triangulation without building the
 * complex: H0 by union-find with the elder rule over the implicit edges, H1 by Alexander duality
 * (H0 of the dual graph of triangles plus the outer face, edges taken in reverse order). No
 * matrix reduction: a ranking of the pixels, then two union-find sweeps (path halving).
 *
 * <p>Simplex order (a refinement of the lower-star values): pixels by (value, index); a simplex
 * by the rank of its highest pixel, then dimension; edges sharing their highest pixel in an order
 * fixed per pixel, triangles by face index. Each value is attributed to the simplex's highest
 * pixel in that order. The order among edges that share their highest pixel cannot change the
 * diagram or its attribution: they all carry the same death value and pixel, and the elder rule
 * kills the same components whatever order they merge in; likewise triangles sharing their
 * highest pixel die at the same value attributed to the same pixel.
 *
 * <p>Both sweeps work a pixel at a time on its lower link ({@link LowerLink}): the neighbours on
 * one arc of earlier neighbours are already connected, so H0 follows one edge per arc; and the
 * pixel's own triangles (inside its arcs) join the set beside their arc directly, so H1 runs
 * union-find only where an arc's first edge closed a loop, which is where holes are born.
 *
 * <p>A workspace: buffers are reused across calls, so hold one per thread. Images up to
 * {@value #MAX_PIXELS} pixels (2·pixels + 1 faces must be int-indexable).
 */
public final class FreudenthalGridPersistence {
    public static final int MAX_PIXELS = (1 << 30) - 1;
    // per pixel: bits 0..5 earlier neighbours, BORDER, and from bit LOOPS on the arcs whose first
    // edge closed a loop in the H0 sweep (by duality, those are the H1 sweep's real merges)
    private static final int BORDER = 1 << DIRECTIONS;
    private static final int LOOPS = 8;

    private final ValueOrder valueOrder = new ValueOrder();
    private double[] g = new double[0];
    private int[] order = new int[0];
    private int[] rank = new int[0];
    private char[] link = new char[0];
    // Both sweeps keep sets as trees whose root is the set's oldest member (the elder rule links
    // the younger root below the older), so a root is its own birth: no size or oldest arrays.
    private int[] pixelParent = new int[0];
    private int[] faceParent = new int[0];
    private int[] faceTop = new int[0]; // of a root face: rank of its highest pixel (outer face: above all)
    private final int[] neighbourOffset = new int[DIRECTIONS]; // index of the neighbour in direction k, minus v's
    private final int[] sectorOffset = new int[DIRECTIONS]; // face of sector k, minus 2v (when it is on the grid)
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
        setOffsets(width);
        markEarlierNeighbours(height, width);
        DiagramCollector out = collector;
        out.reset(maxDimension, superlevel ? -1 : 1);
        componentsH0(n, out);
        if (maxDimension >= 1 && height > 1 && width > 1) {
            holesH1(height, width, out);
        }
        return out.build();
    }

    /**
     * Directions right, down-right, down, left, up-left, up; faces: the cube whose top-left pixel
     * is v has "upper" triangle 2v = {v, v+1, v+W+1} and "lower" triangle 2v+1 = {v, v+W, v+W+1}
     * (numbers of pixels in the last row or column stay unused); the outer face is 2·H·W.
     */
    private void setOffsets(int width) {
        neighbourOffset[0] = 1;
        neighbourOffset[1] = width + 1;
        neighbourOffset[2] = width;
        neighbourOffset[3] = -1;
        neighbourOffset[4] = -width - 1;
        neighbourOffset[5] = -width;
        sectorOffset[0] = 0; // upper(v)
        sectorOffset[1] = 1; // lower(v)
        sectorOffset[2] = -2; // upper(v-1)
        sectorOffset[3] = -2 * width - 1; // lower(v-W-1)
        sectorOffset[4] = -2 * width - 2; // upper(v-W-1)
        sectorOffset[5] = -2 * width + 1; // lower(v-W)
    }

    /**
     * Records, for every pixel, which of its six neighbours come earlier in the pixel order, and
     * flags border pixels. One sweep in memory order, so the sweeps in value order touch one
     * entry per pixel instead of six ranks.
     */
    private void markEarlierNeighbours(int height, int width) {
        for (int r = 0, v = 0; r < height; r++) {
            boolean borderRow = r == 0 || r == height - 1;
            for (int c = 0; c < width; c++, v++) {
                int rv = rank[v];
                if (borderRow || c == 0 || c == width - 1) {
                    int earlier = 0;
                    for (int rest = onGrid(r, c, height, width); rest != 0; rest &= rest - 1) {
                        int k = Integer.numberOfTrailingZeros(rest);
                        earlier |= rank[v + neighbourOffset[k]] < rv ? 1 << k : 0;
                    }
                    link[v] = (char) (earlier | BORDER);
                    continue;
                }
                // interior: no bounds to test, and a branch-free compare (ranks are non-negative,
                // so rank[u] - rv is negative exactly when u comes first); the comparisons are
                // data-dependent coin flips that branches would mispredict
                link[v] = (char) (((rank[v + 1] - rv) >>> 31)
                        | (((rank[v + width + 1] - rv) >>> 31) << 1)
                        | (((rank[v + width] - rv) >>> 31) << 2)
                        | (((rank[v - 1] - rv) >>> 31) << 3)
                        | (((rank[v - width - 1] - rv) >>> 31) << 4)
                        | (((rank[v - width] - rv) >>> 31) << 5));
            }
        }
    }

    /** The directions in which the pixel at (r, c) has a neighbour. */
    private static int onGrid(int r, int c, int height, int width) {
        boolean up = r > 0, down = r < height - 1, left = c > 0, right = c < width - 1;
        return (right ? 1 : 0) | (down && right ? 2 : 0) | (down ? 4 : 0) | (left ? 8 : 0)
                | (up && left ? 16 : 0) | (up ? 32 : 0);
    }

    /**
     * Pixels in order; each joins the components of its earlier neighbours, one edge per arc.
     * Joining v's own one-pixel component makes a zero-length bar, so only merges of two older
     * components record one: the component whose minimum came later dies at v. An arc whose
     * component v has already joined closes a loop: it is marked for the H1 sweep.
     */
    private void componentsH0(int n, DiagramCollector out) {
        if (n == 0) {
            return;
        }
        int[] parent = pixelParent;
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int bits = link[v];
            int root = v; // v's component so far; later pixels are not yet in any tree
            parent[v] = v;
            int loops = 0;
            for (int rest = LowerLink.heads(bits & ALL); rest != 0; rest &= rest - 1) {
                int d = Integer.numberOfTrailingZeros(rest);
                int other = ElderUnionFind.root(parent, v + neighbourOffset[d]);
                if (other == root) {
                    loops |= 1 << d;
                } else if (root == v) {
                    parent[v] = other;
                    root = other;
                } else {
                    int young = rank[other] > rank[root] ? other : root;
                    root ^= other ^ young; // the older of the two
                    parent[young] = root;
                    out.add(0, g[young], g[v], young, -1, -1, v, -1, -1);
                }
            }
            link[v] = (char) (bits | loops << LOOPS);
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
    }

    /**
     * Dual sweep, pixels from last to first. A face set's age is its latest triangle (triangles
     * ordered by (highest pixel's rank, face index)); when an edge joins two face sets the younger
     * dies: that edge created the hole the triangle fills. At pixel v, v's own triangles are
     * still alone, and each joins the set across its arc's closing edge with a zero-length bar;
     * so real merges happen only across the first edge of an arc that closed a loop in H0 (the
     * edges that joined components in H0 are never merges here). A pixel whose neighbours all
     * come earlier tops a set of its six triangles, the oldest its root.
     */
    private void holesH1(int height, int width, DiagramCollector out) {
        int n = height * width;
        int outer = 2 * n;
        faceParent[outer] = outer;
        faceTop[outer] = Integer.MAX_VALUE;
        for (int rv = n - 1; rv >= 0; rv--) {
            int v = order[rv];
            int bits = link[v];
            int earlier = bits & ALL, loops = bits >>> LOOPS;
            int inner = LowerLink.innerSectors(earlier);
            if ((inner | loops) == 0) {
                continue;
            }
            int corner = 2 * v; // sector k is face corner + sectorOffset[k], if on the grid
            if (earlier == ALL) {
                int root = corner + sectorOffset[1]; // the highest-numbered of the six
                for (int k = 0; k < DIRECTIONS; k++) {
                    faceParent[corner + sectorOffset[k]] = root;
                }
                faceTop[root] = rv;
                continue;
            }
            int sectors = (bits & BORDER) == 0 ? ALL : sectorsOnGrid(v, height, width);
            for (int rest = inner; rest != 0; rest &= rest - 1) {
                int k = Integer.numberOfTrailingZeros(rest);
                faceParent[corner + sectorOffset[k]] = face(corner, sectors, LowerLink.arcEnd(earlier, k), outer);
            }
            for (int rest = loops; rest != 0; rest &= rest - 1) {
                int s = Integer.numberOfTrailingZeros(rest);
                merge(v, face(corner, sectors, (s + DIRECTIONS - 1) % DIRECTIONS, outer),
                        face(corner, sectors, LowerLink.arcEnd(earlier, s), outer), out);
            }
        }
    }

    /** Sector k's face: a triangle if it is among {@code sectors}, else the outer face. */
    private int face(int corner, int sectors, int k, int outer) {
        return (sectors >>> k & 1) != 0 ? corner + sectorOffset[k] : outer;
    }

    /** The sectors of border pixel v that are triangles of the grid (the others are the outer face). */
    private static int sectorsOnGrid(int v, int height, int width) {
        int r = v / width;
        return LowerLink.innerSectors(onGrid(r, v - r * width, height, width));
    }

    /** The edge from v between faces f1 and f2, in two face sets: the younger one dies. */
    private void merge(int v, int f1, int f2, DiagramCollector out) {
        int a = ElderUnionFind.root(faceParent, f1), b = ElderUnionFind.root(faceParent, f2);
        int dying = faceTop[a] < faceTop[b] ? a : b; // a root is the outer face or a local maximum's: tops differ
        faceParent[dying] = a ^ b ^ dying;
        int top = order[faceTop[dying]];
        out.add(1, g[v], g[top], v, -1, -1, top, -1, -1);
    }

    private void ensure(int n) {
        if (g.length < n) {
            g = new double[n];
            order = new int[n];
            rank = new int[n];
            link = new char[n];
            pixelParent = new int[n];
            int faces = 2 * n + 1;
            faceParent = new int[faces];
            faceTop = new int[faces];
        }
    }
}
