package org.topolayer.persistence.cubical;

import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;

/**
 * H0 of a cubical filtration with top cells as input: the sublevel complex at t is the union of
 * the closed top cells of value ≤ t, so two top cells are joined as soon as both are in and they
 * share a corner (8-connectivity in 2-D, 26 in 3-D). Union-find over top cells in rank order with
 * the elder rule: when top cell v joins two components, the one whose oldest cell came later
 * dies at v's value. Every cell of the complex enters with the first top cell containing it, so
 * these are exactly the complex's H0 bars; births and deaths are attributed to those top cells.
 */
final class CornerComponents {
    private CornerComponents() {}

    static void compute(CubicalGrid grid, double[] g, int[] order, int[] rank, DiagramCollector out) {
        int n = grid.size;
        int d = grid.depth, h = grid.height, w = grid.width;
        int plane = h * w;
        int[][] steps = steps(grid.topDimension);
        int[] offset = new int[steps.length];
        for (int s = 0; s < steps.length; s++) {
            offset[s] = steps[s][0] * plane + steps[s][1] * w + steps[s][2];
        }
        ElderUnionFind uf = new ElderUnionFind(n);
        uf.reset(n, rank);
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int z = v / plane, rest = v - z * plane, y = rest / w, x = rest - y * w;
            boolean interior = x > 0 && x < w - 1 && y > 0 && y < h - 1
                    && (grid.topDimension == 2 || (z > 0 && z < d - 1));
            for (int s = 0; s < steps.length; s++) {
                int u;
                if (interior) {
                    u = v + offset[s];
                } else {
                    int nz = z + steps[s][0], ny = y + steps[s][1], nx = x + steps[s][2];
                    if (nz < 0 || ny < 0 || nx < 0 || nz >= d || ny >= h || nx >= w) {
                        continue;
                    }
                    u = v + offset[s];
                }
                if (rank[u] > rv) {
                    continue; // not in yet
                }
                int dying = uf.union(v, u);
                if (dying >= 0 && dying != v) { // v's own new component joining is a zero-length bar
                    out.add(0, g[dying], g[v], dying, -1, -1, v, -1, -1);
                }
            }
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
    }

    /** The nonzero (dz, dy, dx) in {-1, 0, 1}³, with dz = 0 for images. */
    private static int[][] steps(int topDimension) {
        int[][] s = new int[topDimension == 3 ? 26 : 8][];
        int k = 0;
        int zRange = topDimension == 3 ? 1 : 0;
        for (int dz = -zRange; dz <= zRange; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dz != 0 || dy != 0 || dx != 0) {
                        s[k++] = new int[] {dz, dy, dx};
                    }
                }
            }
        }
        return s;
    }
}
