package org.topolayer.persistence.cubical;

import java.util.Arrays;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;
import org.topolayer.persistence.Z2Columns;

/**
 * H1 of a volume by persistent cohomology: the coboundary matrix of the edges (columns, taken from
 * the last edge to the first) over the 2-faces (rows), reduced over Z/2, never built: an edge's
 * four cofaces come from index arithmetic on the doubled grid. The pivot of a column is its
 * earliest face, and (edge, pivot face) is the same pair homology would find. Clearing: the edges
 * that join two components (H0 deaths, found by a union-find over the complex's vertices in cell
 * order) have zero coboundary columns once reduced and are skipped. Cohomology, as in Ripser and
 * CubicalRipser, because its reduced columns stay far shorter than the boundary matrix's.
 *
 * <p>Cells are ordered by (rank of their lowest voxel, dimension, cell index); a row is the long key
 * (rank &lt;&lt; 32 | cell). A voxel's own cells (those whose other voxels all come later) are
 * visited in cell-index order, from precomputed offsets sorted once. Reduced columns are kept in
 * a {@link Z2Columns} (shared with the Freudenthal volume path), found through the pivot face's slot.
 */
final class EdgeCohomology {
    private final CubicalGrid grid;
    private final TopCellLinks links;
    private final int[] order;
    private final int[] rank;
    private final int plane;
    private final int[] length;
    private final int[] voxelStride;
    /** The vertex grid (D+1)×(H+1)×(W+1): its row length and rows a plane. */
    private final int vertexRow;
    private final int vertexRows;
    private final int[] cellStride;
    /** The 12 edges of a voxel, sorted by cell offset: offset, axis, and the two (axis, sign) steps. */
    private final int[][] edges;
    private final int[] pivotSlot; // per cell (faces only used): the slot of the column whose pivot it is
    private final Z2Columns columns = new Z2Columns();
    private final int[] coord = new int[3];

    private EdgeCohomology(CubicalGrid grid, TopCellLinks links, int[] order, int[] rank) {
        this.grid = grid;
        this.links = links;
        this.order = order;
        this.rank = rank;
        this.plane = grid.height * grid.width;
        this.length = new int[] {grid.depth, grid.height, grid.width};
        this.voxelStride = new int[] {plane, grid.width, 1};
        this.cellStride = new int[] {grid.cellPlane, grid.cellRow, 1};
        this.vertexRow = grid.width + 1;
        this.vertexRows = grid.height + 1;
        this.pivotSlot = new int[(int) grid.cells];
        Arrays.fill(pivotSlot, -1);
        edges = new int[12][];
        int k = 0;
        for (int c = 0; c < 3; c++) {
            int b1 = c == 0 ? 1 : 0, b2 = c == 2 ? 1 : 2;
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    int[] d1 = new int[3], d2 = new int[3];
                    d1[b1] = s1;
                    d2[b2] = s2;
                    int[] d12 = {d1[0] + d2[0], d1[1] + d2[1], d1[2] + d2[2]};
                    // the edge's other voxels, as neighbour bits of the links' masks: owned when none is earlier
                    int others = links.bit(d1) | links.bit(d2) | links.bit(d12);
                    // endpoints, as offsets from the vertex at v's lower corner: 0 or 1 along each axis
                    int[] corner = new int[3];
                    corner[b1] = (s1 + 1) / 2;
                    corner[b2] = (s2 + 1) / 2;
                    int low = (corner[0] * vertexRows + corner[1]) * vertexRow + corner[2];
                    int high = low + (c == 0 ? vertexRows * vertexRow : c == 1 ? vertexRow : 1);
                    edges[k++] = new int[] {s1 * cellStride[b1] + s2 * cellStride[b2], c, b1, s1, b2, s2, others, low,
                        high};
                }
            }
        }
        Arrays.sort(edges, (x, y) -> Integer.compare(x[0], y[0]));
    }

    /** Adds the H1 bars of a volume. */
    static void compute(CubicalGrid grid, TopCellLinks links, double[] g, int[] order, int[] rank,
                        DiagramCollector out) {
        EdgeCohomology e = new EdgeCohomology(grid, links, order, rank);
        long[] negative = e.componentEdges();
        e.reduce(negative, g, out);
    }

    private void decode(int v) {
        coord[0] = v / plane;
        int rest = v - coord[0] * plane;
        coord[1] = rest / grid.width;
        coord[2] = rest - coord[1] * grid.width;
    }

    /**
     * The edges that join two components of the sublevel complex, in cell order: a union-find over
     * the vertices (ages are not needed: only whether an edge joins two sets). Bit i set for cell i.
     */
    private long[] componentEdges() {
        int[] parent = new int[(grid.depth + 1) * vertexRows * vertexRow];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        long[] negative = new long[(int) ((grid.cells + 63) >>> 6)];
        int n = grid.size;
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int earlier = links.mask[v];
            decode(v);
            int base = (coord[0] * vertexRows + coord[1]) * vertexRow + coord[2]; // v's lower corner
            int cell = grid.voxelCell(v);
            for (int[] e : edges) {
                if ((earlier & e[6]) != 0) {
                    continue; // the edge entered with an earlier voxel
                }
                int a = ElderUnionFind.root(parent, base + e[7]);
                int b = ElderUnionFind.root(parent, base + e[8]);
                if (a != b) {
                    parent[a] = b;
                    int edge = cell + e[0];
                    negative[edge >>> 6] |= 1L << edge;
                }
            }
        }
        return negative;
    }

    /** Edges from last to first (voxels in reverse rank, a voxel's edges in decreasing cell index). */
    private void reduce(long[] negative, double[] g, DiagramCollector out) {
        for (int rv = grid.size - 1; rv >= 0; rv--) {
            int v = order[rv];
            int earlier = links.mask[v];
            decode(v);
            int cell = grid.voxelCell(v);
            for (int k = edges.length - 1; k >= 0; k--) {
                int[] e = edges[k];
                int edge = cell + e[0];
                if ((earlier & e[6]) != 0 || (negative[edge >>> 6] & 1L << edge) != 0) {
                    continue; // clearing: an H0 death; or the edge entered with an earlier voxel
                }
                loadCoboundary(v, e, edge);
                reduceColumn(edge, v, g, out);
            }
        }
    }

    /**
     * The edge's cofaces: one step ±1 along each axis b other than its own axis c, where that
     * stays inside the grid; a face's voxels are the one or two on either side along the third axis.
     */
    private void loadCoboundary(int v, int[] e, int edge) {
        columns.reset();
        int c = e[1];
        // the edge sits at v's corner (s1 along b1, s2 along b2); its voxels are v, v+s1·b1, v+s2·b2, v+s1·b1+s2·b2
        int b1 = e[2], s1 = e[3], b2 = e[4], s2 = e[5];
        boolean in1 = coord[b1] + s1 >= 0 && coord[b1] + s1 < length[b1];
        boolean in2 = coord[b2] + s2 >= 0 && coord[b2] + s2 < length[b2];
        int u1 = v + s1 * voxelStride[b1], u2 = v + s2 * voxelStride[b2];
        // faces spanning c and b1: at the edge's b2 position, between voxels v and u2 (and, shifted
        // along b1 towards s1... no: moving along b1 from the edge by −s1 stays on v's side)
        // face toward v along b1 (step −s1 from the edge) lies between v and u2; toward s1 between u1 and u1+s2·b2
        addFace(edge - s1 * cellStride[b1], v, in2 ? u2 : -1);
        if (in1) {
            addFace(edge + s1 * cellStride[b1], u1, in2 ? u1 + s2 * voxelStride[b2] : -1);
        }
        addFace(edge - s2 * cellStride[b2], v, in1 ? u1 : -1);
        if (in2) {
            addFace(edge + s2 * cellStride[b2], u2, in1 ? u1 + s2 * voxelStride[b2] : -1);
        }
    }

    private void addFace(int face, int x, int y) {
        int r = y < 0 ? rank[x] : Math.min(rank[x], rank[y]);
        columns.push((long) r << 32 | face);
    }

    private void reduceColumn(int edge, int v, double[] g, DiagramCollector out) {
        Z2Columns col = columns;
        while (!col.isEmpty()) {
            long pivot = col.pivot();
            int face = (int) pivot;
            int slot = pivotSlot[face];
            if (slot < 0) {
                pivotSlot[face] = col.store();
                int died = order[(int) (pivot >>> 32)];
                out.add(1, g[v], g[died], v, -1, -1, died, -1, -1);
                return;
            }
            col.addStored(slot);
        }
        throw new IllegalStateException("edge " + edge + " has a zero coboundary column although it was not cleared:"
                + " a volume has no essential H1 class");
    }
}
