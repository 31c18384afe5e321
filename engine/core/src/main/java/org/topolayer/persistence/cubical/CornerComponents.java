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
 * Trees keep the component's oldest cell as root (the younger root is linked below the older), so
 * a root is its own birth: one parent array, as the grid package's sweeps.
 */
final class CornerComponents {
    private CornerComponents() {}

    static void compute(CubicalGrid grid, TopCellLinks links, double[] g, int[] order, int[] rank,
                        DiagramCollector out) {
        int n = grid.size;
        int[] parent = new int[n];
        int[] offset = links.offset;
        int all = (1 << links.steps.length) - 1;
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int root = v; // v's component so far
            parent[v] = v;
            for (int rest = links.mask[v] & all; rest != 0; rest &= rest - 1) {
                int other = ElderUnionFind.root(parent, v + offset[Integer.numberOfTrailingZeros(rest)]);
                if (other == root) {
                    continue;
                }
                if (root == v) { // v's own one-cell component joins: a zero-length bar
                    parent[v] = other;
                    root = other;
                    continue;
                }
                int young = rank[other] > rank[root] ? other : root;
                root ^= other ^ young; // the older of the two
                parent[young] = root;
                out.add(0, g[young], g[v], young, -1, -1, v, -1, -1);
            }
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
    }
}
