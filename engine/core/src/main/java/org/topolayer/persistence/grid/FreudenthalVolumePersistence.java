package org.topolayer.persistence.grid;

import java.util.Arrays;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.Z2Columns;
import org.topolayer.util.ValueOrder;

/**
 * Lower-star persistence of a D×H×W volume (all axes ≥ 2) on its Kuhn (Freudenthal) triangulation
 * without building the complex: H0 by union-find over the implicit edges; H2 by Alexander duality
 * (union-find over the tetrahedra plus the outer cell, in reverse order), which also marks the
 * triangles that create voids; H1 by reducing the implicit boundary columns of the other triangles
 * (homology, cleared by that pass). Cohomology of the edges was tried first and measured slower:
 * on noise the cocycles of long-lived loops span surfaces (reduced columns of 40 000 keys at 64³,
 * 1.8 s), while their cycles are curves. Running the duality pass on each voxel's link (a small
 * union-find over its 24 faces, the global sets looked up once per tetrahedron instead of twice a
 * triangle) was measured slower at 64³ (docs/benchmarks.md).
 *
 * <p>Simplices are index arithmetic: a k-simplex is a chain b &lt; b+e(S₁) &lt; … of a base voxel
 * b and nested nonempty axis sets S₁ ⊊ S₂ ⊊ …, e(S) the 0/1 step over the axes in S, as
 * {@link org.topolayer.complex.GridComplex#freudenthal} builds them. Its <em>lex code</em>
 * (b, S₁, S₂) orders simplices of one dimension by their ascending vertex lists, because the
 * offsets e(S) grow with the bit pattern of S (x = 1, y = 2, z = 4) when every axis is longer than 1.
 *
 * <p>Diagrams and attribution exactly as the general path's ({@link org.topolayer.persistence.LowerStarPersistence}
 * then {@code SparseReduction}), ties included: simplices by (value, dimension, ascending vertex
 * list), each value attributed to the simplex's highest voxel in (value, index) order. Voxels of
 * one value form a <em>class</em>; a class's simplices of one dimension are the union of its
 * voxels' lower stars (the simplices whose other voxels come earlier in (value, index) order), taken
 * in lex order when the class has more than one voxel. In a one-voxel class the order cannot change
 * the diagram or its attribution (every value there is that voxel's), so there edges are taken by
 * their other voxel's rank and triangles by the higher-ranked of their two others, then the direction
 * to the lower: a triangle's pivot is then its edge to the higher one, and most pairs are apparent
 * (no column is built).
 *
 * <p>Memory: about 250 bytes a voxel at maxdim ≥ 1 on noise ({@link GridSize} estimates it).
 * A workspace: buffers are reused across calls, so hold one per thread. Volumes up to
 * {@value #MAX_VOXELS} voxels (an edge's class and its rank in the class share one long key).
 */
public final class FreudenthalVolumePersistence {
    /** Largest volume: 2^26 voxels (edge keys: class, then the other voxel's rank and direction or the lex code). */
    public static final int MAX_VOXELS = 1 << 26;
    private static final int DIRECTIONS = 14;
    private static final int ON_GRID = 16; // bits ON_GRID.. : the neighbour in that direction is on the grid
    private static final int TIED = 1 << 31; // in mask[v]: v's value class has more than one voxel
    /** Triangle (S₁, S₂) → 0..11 and tetrahedron (S₁, S₂, all axes) → 0..5, indexed by S₁·8 + S₂; -1 otherwise. */
    private static final int[] TRIANGLE = new int[64];
    private static final int[] TETRAHEDRON = new int[64];
    private static final int[] TRIANGLE_CODE = new int[12];
    private static final int[] TETRAHEDRON_CODE = new int[6];
    /** A voxel's star, one row per simplex containing it: base's axis set from v, lex code, other voxels' directions. */
    private static final int[][] EDGE_STAR = star(1);
    private static final int[][] TRIANGLE_STAR = star(2);
    private static final int[][] TETRAHEDRON_STAR = star(3);
    /** The triangle of a voxel's star whose other voxels lie in directions d1, d2 (index d1·14 + d2): at·64 + code, or -1. */
    private static final int[] TRIANGLE_BY_DIRECTIONS = new int[DIRECTIONS * DIRECTIONS];
    /** Per direction d, the directions e with a triangle {v, v+d, v+e} (an edge of v's link). */
    private static final int[] LINKED = new int[DIRECTIONS];
    static {
        Arrays.fill(TRIANGLE_BY_DIRECTIONS, -1);
        for (int[] row : star(2)) {
            int d1 = Integer.numberOfTrailingZeros(row[2]), d2 = 31 - Integer.numberOfLeadingZeros(row[2]);
            TRIANGLE_BY_DIRECTIONS[d1 * DIRECTIONS + d2] = row[0] * 64 + row[1];
            TRIANGLE_BY_DIRECTIONS[d2 * DIRECTIONS + d1] = row[0] * 64 + row[1];
            LINKED[d1] |= 1 << d2;
            LINKED[d2] |= 1 << d1;
        }
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
    private long[] positive = new long[0]; // triangles (by id b·12 + type) that create a void
    private int[] edgeOwner = new int[0]; // per edge lex code: -1, an unreduced triangle's id, or -2 − stored slot
    private int[] tetParent = new int[0];
    private int[] tetAge = new int[0];
    private long[] classBuffer = new long[64];
    private final long[] boundary = new long[3];
    private final int[] lowerLink = new int[DIRECTIONS]; // a voxel's earlier neighbours' directions, by rank
    private final int[] lowerRank = new int[DIRECTIONS]; // their ranks, in direction order
    private final int[] lowerDirection = new int[DIRECTIONS]; // and their directions

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
        components(n, out);
        if (maxDimension >= 1) {
            voids(n, maxDimension >= 2, out); // also finds the triangles that the H1 reduction skips
            loops(n, out);
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

    private void components(int n, DiagramCollector out) {
        for (int r = 0; r < n; ) {
            int end = classEnd(r, n);
            if (end - r == 1) {
                int v = order[r];
                parent[v] = v;
                int earlier = mask[v] & (1 << DIRECTIONS) - 1;
                for (int rest = earlier; rest != 0; rest &= rest - 1) {
                    int d = Integer.numberOfTrailingZeros(rest);
                    join(edgeCode(v, d), v, out);
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
                    join(code, rank[q] > rank[p] ? q : p, out);
                }
            }
            r = end;
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
    }

    /** Edge {@code code} entering at voxel {@code top}: the elder rule; the component whose first voxel came later dies. */
    private void join(int code, int top, DiagramCollector out) {
        int p = code >>> 3;
        int a = ElderUnionFind.root(parent, p), b = ElderUnionFind.root(parent, p + off[code & 7]);
        if (a == b) {
            return;
        }
        int young = rank[a] > rank[b] ? a : b;
        parent[young] = a ^ b ^ young;
        out.add(0, g[young], g[top], young, -1, -1, top, -1, -1);
    }

    /** The lex code (b·8 + S) of the edge from v in direction d. */
    private int edgeCode(int v, int d) {
        return d < 7 ? v << 3 | (d + 1) : (v + dirOff[d]) << 3 | (d - 6);
    }

    // ---- H1: triangle boundaries, forward, cleared by the duality pass ----------------------

    /**
     * Reduces the boundary columns of the triangles the duality pass did not mark positive (those
     * create voids and reduce to zero), in the forward order of that pass, one class at a time.
     */
    private void loops(int n, DiagramCollector out) {
        Arrays.fill(edgeOwner, 0, 8 * n, -1);
        columns.clear();
        for (int r = 0; r < n; ) {
            int end = classEnd(r, n);
            if (end - r == 1) {
                int v = order[r];
                int k = sortLowerLink(v);
                int below = 0; // the directions of v's earlier neighbours ranked below a
                for (int i = 0; i < k; i++) { // triangles {v, a, b} by (rank a, direction to b), a above b
                    int a = lowerLink[i], row = a * DIRECTIONS;
                    // {v, a}, the pivot of each of these, is free until the first takes it: no
                    // triangle of an earlier voxel holds it, and v's earlier ones have earlier pivots
                    int holder = -1;
                    for (int rest = LINKED[a] & below; rest != 0; rest &= rest - 1) {
                        int t = TRIANGLE_BY_DIRECTIONS[row + Integer.numberOfTrailingZeros(rest)];
                        int id = (v - off[t >>> 6]) * 12 + TRIANGLE[t & 63];
                        if ((positive[id >>> 6] & 1L << id) == 0) {
                            if (holder == -1) {
                                holder = id;
                                edgeOwner[edgeCode(v, a)] = id; // apparent, of length zero: no bar
                            } else {
                                loadBoundary(id, boundary);
                                columns.load(boundary, 3);
                                reduce(holder, v, out);
                            }
                        }
                    }
                    below |= 1 << a;
                }
            } else {
                int m = collect(r, end, TRIANGLE_STAR, 6);
                Arrays.sort(classBuffer, 0, m);
                for (int i = 0; i < m; i++) {
                    int lex = (int) classBuffer[i];
                    int b = lex >>> 6;
                    int top = highest(highest(b, b + off[lex >>> 3 & 7]), b + off[lex & 7]);
                    reduceTriangle(b * 12 + TRIANGLE[lex & 63], top, out);
                }
            }
            r = end;
        }
    }

    /**
     * Reduces triangle {@code id}'s boundary column (highest voxel {@code top}) unless it is positive.
     * Its latest edge is the pivot; if no earlier triangle owns that edge the column is already
     * reduced (an apparent pair) and is not stored: it is regenerated from the triangle when needed.
     * Keys are complemented, so that the column's smallest key is the latest edge.
     */
    private void reduceTriangle(int id, int top, DiagramCollector out) {
        if ((positive[id >>> 6] & 1L << id) != 0) {
            return;
        }
        loadBoundary(id, boundary);
        long pivot = Math.min(Math.min(boundary[0], boundary[1]), boundary[2]);
        int e = edgeOf(pivot);
        if (edgeOwner[e] == -1) {
            edgeOwner[e] = id;
            pair(pivot, top, out);
            return;
        }
        columns.load(boundary, 3);
        reduce(edgeOwner[e], top, out);
    }

    /**
     * Reduces the working column (of a triangle with highest voxel {@code top}), whose pivot edge
     * is held by {@code owner} (a triangle's id, or -2 − a stored column's slot).
     */
    private void reduce(int owner, int top, DiagramCollector out) {
        Z2Columns col = columns;
        while (true) {
            if (owner >= 0) {
                loadBoundary(owner, boundary);
                col.addUnsorted(boundary, 3);
            } else {
                col.addStored(-2 - owner);
            }
            if (col.isEmpty()) {
                throw new IllegalStateException("a triangle at voxel " + top + " has a zero boundary column although"
                        + " the duality pass found it creates no void");
            }
            long pivot = col.pivot();
            int e = edgeOf(pivot);
            owner = edgeOwner[e];
            if (owner == -1) {
                edgeOwner[e] = -2 - col.store();
                pair(pivot, top, out);
                return;
            }
        }
    }

    /** The H1 bar born at the edge of complemented key {@code edge}, dying at triangle top {@code top}. */
    private void pair(long edge, int top, DiagramCollector out) {
        long key = ~edge;
        if (cls[top] == (int) (key >>> 32)) {
            return; // same value: a zero-length bar
        }
        int born = edgeTop(key);
        out.add(1, g[born], g[top], born, -1, -1, top, -1, -1);
    }

    /** The complemented keys of triangle {@code id}'s three edges. */
    private void loadBoundary(int id, long[] keys) {
        int b = id / 12, code = TRIANGLE_CODE[id - b * 12];
        int s1 = code >>> 3, s2 = code & 7;
        keys[0] = ~edgeKey(b, s1);
        keys[1] = ~edgeKey(b, s2);
        keys[2] = ~edgeKey(b + off[s1], s1 ^ s2);
    }

    /**
     * An edge's key: the class of its highest voxel, then in a class of several voxels its lex code
     * (the general path's order), in a one-voxel class the direction to its other voxel.
     */
    private long edgeKey(int p, int s) {
        int q = p + off[s];
        boolean up = rank[q] > rank[p];
        int top = up ? q : p;
        long within = mask[top] < 0 ? (long) p << 3 | s : up ? (long) rank[p] << 4 | (6 + s) : (long) rank[q] << 4 | (s - 1);
        return (long) cls[top] << 32 | within;
    }

    /** The lex code of the edge with complemented key {@code edge}. */
    private int edgeOf(long edge) {
        long key = ~edge;
        int v = order[(int) (key >>> 32)];
        int within = (int) key;
        return mask[v] < 0 ? within : edgeCode(v, within & 15);
    }

    /** The highest voxel of the edge with key {@code key}. */
    private int edgeTop(long key) {
        int v = order[(int) (key >>> 32)];
        if (mask[v] >= 0) {
            return v;
        }
        int lex = (int) key;
        int p = lex >>> 3;
        return highest(p, p + off[lex & 7]);
    }

    // ---- H2: tetrahedra and triangles, reverse (duality) ------------------------------------

    /** The H2 bars (reported if {@code report}), marking the triangles that create a void in {@link #positive}. */
    private void voids(int n, boolean report, DiagramCollector out) {
        Arrays.fill(positive, 0, (12 * n + 63) >>> 6, 0L);
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
                int k = sortLowerLink(v);
                int below = earlier & (1 << DIRECTIONS) - 1;
                for (int i = k - 1; i > 0; i--) { // the reverse of the H1 reduction's order
                    int a = lowerLink[i], row = a * DIRECTIONS;
                    below ^= 1 << a;
                    for (int rest = LINKED[a] & below; rest != 0; ) {
                        int b = 31 - Integer.numberOfLeadingZeros(rest);
                        rest ^= 1 << b;
                        int t = TRIANGLE_BY_DIRECTIONS[row + b];
                        dualEdge((v - off[t >>> 6]) << 6 | (t & 63), v, outer, report, out);
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
                    dualEdge(lex, top, outer, report, out);
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
    private void dualEdge(int lex, int top, int outer, boolean report, DiagramCollector out) {
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
        int a = ElderUnionFind.root(tetParent, t1), c = ElderUnionFind.root(tetParent, t2);
        if (a == c) {
            return;
        }
        int young = tetAge[a] > tetAge[c] ? a : c;
        tetParent[young] = a ^ c ^ young;
        int id = b * 12 + TRIANGLE[lex & 63];
        positive[id >>> 6] |= 1L << id;
        if (!report) {
            return;
        }
        int base = young / 6, code = TETRAHEDRON_CODE[young - base * 6];
        int died = highest(highest(base, base + off[code >>> 3]), highest(base + off[code & 7], base + off[7]));
        out.add(2, g[top], g[died], top, -1, -1, died, -1, -1);
    }

    // ---- shared -----------------------------------------------------------------------------

    /**
     * Fills {@link #lowerLink} with the directions of v's earlier neighbours in rank order and
     * returns how many. In a one-voxel class, edges {v, u} are ordered by u's rank and triangles
     * {v, a, b} by (a's rank, direction to b): then a triangle's latest edge is {v, a}, and only the
     * triangles beyond the first on each edge need a reduction (most of them create voids and
     * are skipped), so most pairs are apparent.
     */
    private int sortLowerLink(int v) {
        int k = 0;
        for (int rest = mask[v] & (1 << DIRECTIONS) - 1; rest != 0; rest &= rest - 1) {
            int d = Integer.numberOfTrailingZeros(rest);
            lowerRank[k] = rank[v + dirOff[d]];
            lowerDirection[k++] = d;
        }
        // each neighbour's place is the number of lower ranks: branch-free, as the rank
        // comparisons are coin flips that an insertion sort's branches would mispredict
        for (int i = 0; i < k; i++) {
            int ri = lowerRank[i], place = 0;
            for (int j = 0; j < k; j++) {
                place += (lowerRank[j] - ri) >>> 31;
            }
            lowerLink[place] = lowerDirection[i];
        }
        return k;
    }

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

    private void ensure(int n, int maxDimension) {
        if (g.length < n) {
            g = new double[n];
            order = new int[n];
            rank = new int[n];
            cls = new int[n];
            mask = new int[n];
            parent = new int[n];
        }
        if (maxDimension >= 1 && edgeOwner.length < 8 * n) {
            positive = new long[(12 * n + 63) >>> 6];
            edgeOwner = new int[8 * n];
        }
        if (maxDimension >= 1 && tetParent.length < 6 * n + 1) {
            tetParent = new int[6 * n + 1];
            tetAge = new int[6 * n + 1];
        }
    }
}
