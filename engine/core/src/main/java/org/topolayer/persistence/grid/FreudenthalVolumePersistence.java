package org.topolayer.persistence.grid;

import java.util.Arrays;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.Z2Columns;
import org.topolayer.util.ValueOrder;

/**
 * Lower-star persistence of a D×H×W volume (all axes ≥ 2) on its Kuhn (Freudenthal) triangulation
 * without building the complex: H0 by union-find over the implicit edges, H2 by Alexander duality
 * (union-find over the tetrahedra plus the outer cell, in reverse order), H1 by persistent
 * cohomology of the implicit edge coboundaries, cleared by the edges that join components.
 *
 * <p>Simplices are index arithmetic: a k-simplex is a chain b &lt; b+e(S₁) &lt; … of a base voxel
 * b and nested nonempty axis sets S₁ ⊊ S₂ ⊊ …, e(S) the 0/1 step over the axes in S, as
 * {@link org.topolayer.complex.GridComplex#freudenthal} builds them. Its <em>lex code</em>
 * (b, S₁, S₂) orders simplices of one dimension by their ascending vertex lists, because the
 * offsets e(S) grow with the bit pattern of S (x = 1, y = 2, z = 4) when every axis is longer than 1.
 *
 * <p>Order and attribution exactly as the general path's ({@link org.topolayer.persistence.LowerStarPersistence}
 * then {@code SparseReduction}), ties included: simplices by (value, dimension, ascending vertex
 * list), each value attributed to the simplex's highest voxel in (value, index) order. Voxels of
 * one value form a <em>class</em>; a class's simplices of one dimension are the union of its
 * voxels' lower stars (the simplices whose other voxels come earlier in (value, index) order), taken
 * in lex order when the class has more than one voxel. In a one-voxel class that order cannot change
 * the diagram or its attribution (every value there is that voxel's), so its simplices are taken
 * as they come.
 *
 * <p>A workspace: buffers are reused across calls, so hold one per thread. Volumes up to
 * {@value #MAX_VOXELS} voxels (a simplex's lex code and its value class share one long key).
 */
public final class FreudenthalVolumePersistence {
    /** Largest volume: class (26 bits) and lex code (b: 26 bits, two axis sets: 6) fit in a long key. */
    public static final int MAX_VOXELS = 1 << 26;
    private static final int DIRECTIONS = 14;
    private static final int ON_GRID = 16; // bits ON_GRID.. : the neighbour in that direction is on the grid
    private static final long LOW = 0xFFFFFFFFL;
    private static final int TIED = 1 << 31; // in mask[v]: v's value class has more than one voxel
    /** A triangle's key: its class above bit CLASS_SHIFT, below it the order within the class. */
    private static final int CLASS_SHIFT = 34;
    private static final long WITHIN = (1L << CLASS_SHIFT) - 1;
    /** Triangle (S₁, S₂) → 0..11 and tetrahedron (S₁, S₂, all axes) → 0..5, indexed by S₁·8 + S₂; -1 otherwise. */
    private static final int[] TRIANGLE = new int[64];
    private static final int[] TETRAHEDRON = new int[64];
    private static final int[] TRIANGLE_CODE = new int[12];
    private static final int[] TETRAHEDRON_CODE = new int[6];
    /** A voxel's star, one row per simplex containing it: base's axis set from v, lex code, other voxels' directions. */
    private static final int[][] EDGE_STAR = star(1);
    private static final int[][] TRIANGLE_STAR = star(2);
    private static final int[][] TETRAHEDRON_STAR = star(3);
    /**
     * Per edge axis set S: the triangles on the edge (p, q = p + e(S)), as {kind, T, then the
     * directions p→q, p→w, q→p, q→w, w→p, w→q}: kind 0 has w = p − e(T), 1 w = p + e(T), 2 w = q + e(T).
     */
    private static final int[][][] COFACES = new int[8][][];
    /** The triangle of a voxel's star whose other voxels lie in directions d1, d2 (index d1·14 + d2): at·64 + code. */
    private static final int[] TRIANGLE_BY_DIRECTIONS = new int[DIRECTIONS * DIRECTIONS];

    static {
        Arrays.fill(TRIANGLE, -1);
        Arrays.fill(TETRAHEDRON, -1);
        int t = 0, k = 0;
        for (int s2 = 1; s2 < 8; s2++) {
            for (int s1 = 1; s1 < s2; s1++) {
                if ((s1 & s2) == s1) {
                    TRIANGLE_CODE[t] = s1 * 8 + s2;
                    TRIANGLE[s1 * 8 + s2] = t++;
                }
            }
        }
        for (int s1 = 1; s1 < 8; s1++) {
            for (int s2 = s1 + 1; s2 < 7; s2++) {
                if ((s1 & s2) == s1 && Integer.bitCount(s1) == 1 && Integer.bitCount(s2) == 2) {
                    TETRAHEDRON_CODE[k] = s1 * 8 + s2;
                    TETRAHEDRON[s1 * 8 + s2] = k++;
                }
            }
        }
        for (int s = 1; s < 8; s++) {
            int[][] list = new int[6][];
            int m = 0;
            for (int u = 1; u < 8; u++) {
                if ((u & s) == 0) {
                    list[m++] = coface(0, u, u, u | s, 0); // w = p − e(T): triangle (w, T, T|S)
                    list[m++] = coface(2, u, 0, s, s | u); // w = q + e(T): triangle (p, S, S|T)
                } else if ((u & s) == u && u != s) {
                    list[m++] = coface(1, u, 0, s, u); // w = p + e(T): triangle (p, T, S)
                }
            }
            COFACES[s] = Arrays.copyOf(list, m);
        }
        Arrays.fill(TRIANGLE_BY_DIRECTIONS, -1);
        for (int[] row : TRIANGLE_STAR) {
            int d1 = Integer.numberOfTrailingZeros(row[2]), d2 = 31 - Integer.numberOfLeadingZeros(row[2]);
            TRIANGLE_BY_DIRECTIONS[d1 * DIRECTIONS + d2] = row[0] * 64 + row[1];
            TRIANGLE_BY_DIRECTIONS[d2 * DIRECTIONS + d1] = row[0] * 64 + row[1];
        }
    }

    /** A coface row: kind, T, and the directions between p, q, w, whose places in the chain are mp, mq, mw. */
    private static int[] coface(int kind, int t, int mp, int mq, int mw) {
        return new int[] {kind, t, direction(mp, mq), direction(mp, mw), direction(mq, mp), direction(mq, mw),
            direction(mw, mp), direction(mw, mq)};
    }

    /** The direction from the chain's voxel at axis set a to the one at b (one contains the other). */
    private static int direction(int a, int b) {
        return (b & a) == a ? (a ^ b) - 1 : 6 + (a ^ b);
    }

    private final ValueOrder valueOrder = new ValueOrder();
    private final DiagramCollector collector = new DiagramCollector(ValueModel.VERTEX_VALUE, 0, 1);
    private final Z2Columns columns = new Z2Columns();
    private final int[] off = new int[8]; // e(S) as an index offset
    private final int[] dirOff = new int[DIRECTIONS]; // direction d: +e(d+1) for d < 7, −e(d−6) after
    private double[] g = new double[0];
    private int[] order = new int[0];
    private int[] rank = new int[0];
    private int[] cls = new int[0]; // rank of the first voxel of the same value
    private int[] mask = new int[0]; // earlier neighbours (bits 0..13) and neighbours on the grid (ON_GRID..)
    private int[] parent = new int[0];
    private long[] negative = new long[0]; // edges (by lex code) that join two components
    private int[] pivotOwner = new int[0]; // per triangle: -1, an unreduced edge's lex code, or -2 − stored slot
    private int[] tetParent = new int[0];
    private int[] tetAge = new int[0];
    private long[] classBuffer = new long[64];
    private final long[] coboundary = new long[6];

    /**
     * Diagrams of dimension 0..maxDimension (only 0..2 can be nonempty) of the volume
     * {@code values} (row-major [z][y][x]), every axis at least 2 long and at most {@value #MAX_VOXELS}
     * voxels. Values must be finite (checked by the caller).
     */
    public PersistenceDiagrams compute(double[] values, int depth, int height, int width, int maxDimension,
                                       boolean superlevel) {
        if (depth < 2 || height < 2 || width < 2 || (long) depth * height * width > MAX_VOXELS) {
            throw new IllegalArgumentException("volume " + depth + "×" + height + "×" + width
                    + " is not a volume with every axis ≥ 2 and at most " + MAX_VOXELS + " voxels");
        }
        int n = depth * height * width;
        ensure(n, maxDimension);
        double sign = superlevel ? -1 : 1;
        for (int i = 0; i < n; i++) {
            g[i] = sign * values[i] + 0.0; // -0.0 → 0.0: equal values are one class, as in the filtration
        }
        valueOrder.sort(g, n, order, rank);
        for (int r = 0; r < n; r++) {
            cls[order[r]] = r > 0 && g[order[r]] == g[order[r - 1]] ? cls[order[r - 1]] : r;
        }
        setOffsets(height, width);
        markNeighbours(depth, height, width);
        for (int r = 1; r < n; r++) {
            if (cls[order[r]] != r) {
                mask[order[r]] |= TIED;
                mask[order[r - 1]] |= TIED;
            }
        }
        DiagramCollector out = collector;
        out.reset(maxDimension, superlevel ? -1 : 1);
        components(n, maxDimension >= 1, out);
        if (maxDimension >= 1) {
            loops(n, out);
        }
        if (maxDimension >= 2) {
            voids(n, out);
        }
        return out.build();
    }

    private void setOffsets(int height, int width) {
        int plane = height * width;
        for (int s = 0; s < 8; s++) {
            off[s] = (s & 1) + (s >> 1 & 1) * width + (s >> 2 & 1) * plane;
        }
        for (int d = 0; d < DIRECTIONS; d++) {
            dirOff[d] = d < 7 ? off[d + 1] : -off[d - 6];
        }
    }

    /** One sweep in memory order: each voxel's earlier neighbours and its neighbours on the grid. */
    private void markNeighbours(int depth, int height, int width) {
        for (int z = 0, v = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                boolean inside = z > 0 && z < depth - 1 && y > 0 && y < height - 1;
                for (int x = 0; x < width; x++, v++) {
                    int rv = rank[v];
                    int bits = 0;
                    if (inside && x > 0 && x < width - 1) {
                        // branch-free: rank[u] - rv < 0 exactly when u comes first
                        for (int d = 0; d < DIRECTIONS; d++) {
                            bits |= ((rank[v + dirOff[d]] - rv) >>> 31) << d;
                        }
                        mask[v] = bits | ((1 << DIRECTIONS) - 1) << ON_GRID;
                        continue;
                    }
                    int up = (x < width - 1 ? 1 : 0) | (y < height - 1 ? 2 : 0) | (z < depth - 1 ? 4 : 0);
                    int down = (x > 0 ? 1 : 0) | (y > 0 ? 2 : 0) | (z > 0 ? 4 : 0);
                    for (int d = 0; d < DIRECTIONS; d++) {
                        int s = d < 7 ? d + 1 : d - 6;
                        if ((s & (d < 7 ? up : down)) == s) {
                            bits |= 1 << (ON_GRID + d) | (rank[v + dirOff[d]] < rv ? 1 << d : 0);
                        }
                    }
                    mask[v] = bits;
                }
            }
        }
    }

    // ---- H0: vertices and edges, forward --------------------------------------------------------

    private void components(int n, boolean markNegative, DiagramCollector out) {
        if (markNegative) {
            Arrays.fill(negative, 0, (8 * n + 63) >>> 6, 0L);
        }
        for (int r = 0; r < n; ) {
            int end = classEnd(r, n);
            if (end - r == 1) {
                int v = order[r];
                parent[v] = v;
                int earlier = mask[v] & (1 << DIRECTIONS) - 1;
                for (int rest = earlier; rest != 0; rest &= rest - 1) {
                    int d = Integer.numberOfTrailingZeros(rest);
                    join(edgeCode(v, d), v, markNegative, out);
                }
            } else {
                for (int i = r; i < end; i++) {
                    parent[order[i]] = order[i]; // a class's vertices all come before its edges
                }
                int m = collect(r, end, EDGE_STAR, 3);
                long[] buf = classBuffer;
                Arrays.sort(buf, 0, m);
                for (int i = 0; i < m; i++) {
                    int code = (int) buf[i];
                    int p = code >>> 3, q = p + off[code & 7];
                    join(code, rank[q] > rank[p] ? q : p, markNegative, out);
                }
            }
            r = end;
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
    }

    /** Edge {@code code} entering at voxel {@code top}: the elder rule; the component whose first voxel came later dies. */
    private void join(int code, int top, boolean markNegative, DiagramCollector out) {
        int p = code >>> 3;
        int a = find(parent, p), b = find(parent, p + off[code & 7]);
        if (a == b) {
            return;
        }
        int young = rank[a] > rank[b] ? a : b;
        parent[young] = a ^ b ^ young;
        if (markNegative) {
            negative[code >>> 6] |= 1L << code;
        }
        out.add(0, g[young], g[top], young, -1, -1, top, -1, -1);
    }

    /** The lex code (b·8 + S) of the edge from v in direction d. */
    private int edgeCode(int v, int d) {
        return d < 7 ? v << 3 | (d + 1) : (v + dirOff[d]) << 3 | (d - 6);
    }

    // ---- H1: edge coboundaries, reverse ------------------------------------------------------

    private void loops(int n, DiagramCollector out) {
        Arrays.fill(pivotOwner, 0, 12 * n, -1);
        columns.clear();
        for (int r = n - 1; r >= 0; ) {
            int v = order[r];
            int start = cls[v];
            if (start == r) {
                // the reverse of the H0 sweep's order, so the cleared edges are this order's H0 deaths
                for (int rest = mask[v] & (1 << DIRECTIONS) - 1; rest != 0; ) {
                    int d = 31 - Integer.numberOfLeadingZeros(rest);
                    rest ^= 1 << d;
                    reduceEdge(edgeCode(v, d), out);
                }
            } else {
                int m = collect(start, r + 1, EDGE_STAR, 3);
                Arrays.sort(classBuffer, 0, m);
                for (int i = m - 1; i >= 0; i--) {
                    reduceEdge((int) classBuffer[i], out);
                }
            }
            r = start - 1;
        }
    }

    /**
     * Reduces the coboundary column of edge {@code code} (unless it joined two components: then it
     * reduces to zero). Its earliest triangle is the pivot; if no later edge owns that pivot the
     * column is already reduced (an apparent pair) and is not stored: the owner's column is
     * regenerated from its edge when needed. Otherwise it is reduced against the owners' columns
     * and stored.
     */
    private void reduceEdge(int code, DiagramCollector out) {
        if ((negative[code >>> 6] & 1L << code) != 0) {
            return;
        }
        int count = loadCoboundary(code, coboundary);
        long min = coboundary[0];
        for (int i = 1; i < count; i++) {
            min = Math.min(min, coboundary[i]);
        }
        int tri = triangleId(min);
        if (pivotOwner[tri] == -1) {
            pivotOwner[tri] = code;
            pair(code, min, out);
            return;
        }
        Z2Columns col = columns;
        col.load(coboundary, count);
        while (!col.isEmpty()) {
            long pivot = col.pivot();
            int t = triangleId(pivot);
            int owner = pivotOwner[t];
            if (owner == -1) {
                pivotOwner[t] = -2 - col.store();
                pair(code, pivot, out);
                return;
            }
            if (owner >= 0) {
                int c = loadCoboundary(owner, coboundary);
                col.addUnsorted(coboundary, c);
            } else {
                col.addStored(-2 - owner);
            }
        }
        throw new IllegalStateException("edge " + code + " has a zero coboundary column although it did not join"
                + " two components: a volume has no essential H1 class");
    }

    /** The H1 bar of edge {@code code} killed by the triangle of key {@code triangle} (dropped if zero-length). */
    private void pair(int code, long triangle, DiagramCollector out) {
        int p = code >>> 3, q = p + off[code & 7];
        int top = rank[q] > rank[p] ? q : p;
        if (cls[top] == (int) (triangle >>> CLASS_SHIFT)) {
            return; // same value: a zero-length bar
        }
        int died = triangleTop(triangle);
        out.add(1, g[top], g[died], top, -1, -1, died, -1, -1);
    }

    /**
     * The triangles on edge {@code code} as keys (class of their highest voxel, lex code), unsorted;
     * returns how many (4 or 6 inside the grid, fewer on its border).
     */
    private int loadCoboundary(int code, long[] keys) {
        int s = code & 7;
        int p = code >>> 3, q = p + off[s];
        int top = rank[q] > rank[p] ? q : p;
        int pMask = mask[p], qMask = mask[q];
        int count = 0;
        for (int[] c : COFACES[s]) {
            int t = c[1];
            int w, lex;
            switch (c[0]) {
                case 0 -> {
                    if ((pMask >>> (ON_GRID + 6 + t) & 1) == 0) {
                        continue;
                    }
                    w = p - off[t];
                    lex = w << 6 | t << 3 | (t | s);
                }
                case 1 -> {
                    w = p + off[t];
                    lex = p << 6 | t << 3 | s;
                }
                default -> {
                    if ((qMask >>> (ON_GRID + t - 1) & 1) == 0) {
                        continue;
                    }
                    w = q + off[t];
                    lex = p << 6 | s << 3 | (s | t);
                }
            }
            int hi = rank[w] > rank[top] ? w : top;
            long within;
            if (mask[hi] < 0) {
                within = lex & LOW;
            } else {
                // a one-voxel class: by the rank of the second-highest voxel, so the edge {hi, u}'s
                // earliest triangle in the class has u second: apparent pairs, except where u is
                // a minimum of hi's lower link (where bars start)
                int x, y, dx, dy;
                if (hi == w) {
                    x = p; y = q; dx = c[6]; dy = c[7];
                } else if (hi == p) {
                    x = q; y = w; dx = c[2]; dy = c[3];
                } else {
                    x = p; y = w; dx = c[4]; dy = c[5];
                }
                within = rank[x] > rank[y] ? (long) rank[x] << 8 | dx << 4 | dy : (long) rank[y] << 8 | dy << 4 | dx;
            }
            keys[count++] = (long) cls[hi] << CLASS_SHIFT | within;
        }
        return count;
    }

    /**
     * A triangle's key: its class, then in a class of several voxels its lex code (the general path's
     * order), in a one-voxel class (rank of its second-highest voxel, directions of its two other voxels).
     */
    private int triangleId(long key) {
        int v = order[(int) (key >>> CLASS_SHIFT)];
        int low = (int) key;
        if (mask[v] < 0) {
            return (low >>> 6) * 12 + TRIANGLE[low & 63];
        }
        int e = TRIANGLE_BY_DIRECTIONS[(low >>> 4 & 15) * DIRECTIONS + (low & 15)];
        return (v - off[e >>> 6]) * 12 + TRIANGLE[e & 63];
    }

    /** The highest voxel of the triangle with this key. */
    private int triangleTop(long key) {
        int v = order[(int) (key >>> CLASS_SHIFT)];
        if (mask[v] >= 0) {
            return v;
        }
        int lex = (int) key;
        int b = lex >>> 6;
        return highest(highest(b, b + off[lex >>> 3 & 7]), b + off[lex & 7]);
    }

    // ---- H2: tetrahedra and triangles, reverse (duality) ------------------------------------

    private void voids(int n, DiagramCollector out) {
        int outer = 6 * n;
        tetParent[outer] = outer;
        tetAge[outer] = 0;
        int age = 1;
        for (int r = n - 1; r >= 0; ) {
            int v = order[r];
            int start = cls[v];
            if (start == r) {
                int earlier = mask[v];
                for (int[] t : TETRAHEDRON_STAR) {
                    if ((earlier & t[2]) == t[2]) {
                        int id = tetId(v - off[t[0]], t[1]);
                        tetParent[id] = id;
                        tetAge[id] = age++;
                    }
                }
                for (int[] t : TRIANGLE_STAR) {
                    if ((earlier & t[2]) == t[2]) {
                        dualEdge((v - off[t[0]]) << 6 | t[1], v, outer, out);
                    }
                }
            } else {
                int m = collect(start, r + 1, TETRAHEDRON_STAR, 6);
                Arrays.sort(classBuffer, 0, m);
                for (int i = m - 1; i >= 0; i--) {
                    int lex = (int) classBuffer[i];
                    int id = tetId(lex >>> 6, lex & 63);
                    tetParent[id] = id;
                    tetAge[id] = age++;
                }
                m = collect(start, r + 1, TRIANGLE_STAR, 6);
                Arrays.sort(classBuffer, 0, m);
                for (int i = m - 1; i >= 0; i--) {
                    int lex = (int) classBuffer[i];
                    int b = lex >>> 6;
                    int top = highest(highest(b, b + off[lex >>> 3 & 7]), b + off[lex & 7]);
                    dualEdge(lex, top, outer, out);
                }
            }
            r = start - 1;
        }
    }

    private int tetId(int base, int code) {
        return base * 6 + TETRAHEDRON[code];
    }

    /**
     * Triangle {@code lex} (highest voxel {@code top}) joins its two tetrahedra (the outer cell beyond
     * the grid's border): if they are in different dual components, the younger one (whose oldest
     * tetrahedron, in this reverse sweep, comes first forward) dies: a void born at the triangle,
     * filled by that tetrahedron.
     */
    private void dualEdge(int lex, int top, int outer, DiagramCollector out) {
        int b = lex >>> 6, s1 = lex >>> 3 & 7, s2 = lex & 7;
        int t1, t2;
        if (s2 == 7) {
            int free = 7 & ~s1; // (1,3): fill between S₁ and all axes; (2,3): fill below S₁
            if (Integer.bitCount(s1) == 1) {
                int lo = Integer.lowestOneBit(free);
                t1 = tetId(b, s1 * 8 + (s1 | lo));
                t2 = tetId(b, s1 * 8 + (s1 | (free ^ lo)));
            } else {
                int lo = Integer.lowestOneBit(s1);
                t1 = tetId(b, lo * 8 + s1);
                t2 = tetId(b, (s1 ^ lo) * 8 + s1);
            }
        } else { // (1,2): the fourth voxel below b or above b + e(S₂)
            int t = 7 & ~s2;
            int bMask = mask[b];
            t1 = (bMask >>> (ON_GRID + 6 + t) & 1) != 0 ? tetId(b - off[t], t * 8 + (t | s1)) : outer;
            t2 = (bMask >>> (ON_GRID + 6) & 1) != 0 ? tetId(b, s1 * 8 + s2) : outer;
        }
        int a = find(tetParent, t1), c = find(tetParent, t2);
        if (a == c) {
            return;
        }
        int young = tetAge[a] > tetAge[c] ? a : c;
        tetParent[young] = a ^ c ^ young;
        int base = young / 6, code = TETRAHEDRON_CODE[young - base * 6];
        int died = highest(highest(base, base + off[code >>> 3]), highest(base + off[code & 7], base + off[7]));
        out.add(2, g[top], g[died], top, -1, -1, died, -1, -1);
    }

    // ---- shared -----------------------------------------------------------------------------

    /** Whichever of two voxels comes later in (value, index) order. */
    private int highest(int a, int b) {
        return rank[a] > rank[b] ? a : b;
    }

    /** End (exclusive) of the class starting at rank r. */
    private int classEnd(int r, int n) {
        int end = r + 1;
        while (end < n && cls[order[end]] == r) {
            end++;
        }
        return end;
    }

    /**
     * The lex codes of the simplices of one star table in the lower stars of the voxels ranked
     * [from, to) (one class), into {@link #classBuffer}; {@code shift} is the code's bits below the base.
     */
    private int collect(int from, int to, int[][] star, int shift) {
        int m = 0;
        for (int r = from; r < to; r++) {
            int v = order[r];
            int earlier = mask[v];
            if (classBuffer.length < m + star.length) {
                classBuffer = Arrays.copyOf(classBuffer, Math.max(2 * classBuffer.length, m + star.length));
            }
            for (int[] s : star) {
                if ((earlier & s[2]) == s[2]) {
                    classBuffer[m++] = (long) (v - off[s[0]]) << shift | s[1];
                }
            }
        }
        return m;
    }

    /**
     * The simplices of dimension k containing a voxel v, one row each: {axis set A with base
     * v − e(A), lex code (S for edges, S₁·8 + S₂ above), mask of the other voxels' directions}.
     */
    private static int[][] star(int k) {
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        for (int code = 0; code < 64; code++) {
            int s1 = code >>> 3, s2 = code & 7;
            int[] chain;
            if (k == 1) {
                if (s1 != 0 || s2 == 0) {
                    continue;
                }
                chain = new int[] {0, s2};
            } else if (k == 2) {
                if (s1 == 0 || s1 == s2 || (s1 & s2) != s1) {
                    continue;
                }
                chain = new int[] {0, s1, s2};
            } else {
                if (s1 == 0 || Integer.bitCount(s1) != 1 || Integer.bitCount(s2) != 2 || (s1 & s2) != s1) {
                    continue;
                }
                chain = new int[] {0, s1, s2, 7};
            }
            for (int at : chain) {
                int others = 0;
                for (int m : chain) {
                    if (m != at) {
                        others |= 1 << ((m & at) == at ? (m ^ at) - 1 : 6 + (at ^ m)); // up: +e, down: −e
                    }
                }
                rows.add(new int[] {at, code, others});
            }
        }
        return rows.toArray(new int[0][]);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            int up = parent[parent[x]];
            parent[x] = up;
            x = up;
        }
        return x;
    }

    private void ensure(int n, int maxDimension) {
        if (g.length < n) {
            g = new double[n];
            order = new int[n];
            rank = new int[n];
            cls = new int[n];
            mask = new int[n];
            parent = new int[n];
        }
        if (maxDimension >= 1 && pivotOwner.length < 12 * n) {
            negative = new long[(8 * n + 63) >>> 6];
            pivotOwner = new int[12 * n];
        }
        if (maxDimension >= 2 && tetParent.length < 6 * n + 1) {
            tetParent = new int[6 * n + 1];
            tetAge = new int[6 * n + 1];
        }
    }
}
