package org.topolayer.persistence.cubical;

import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.ElderUnionFind;

/**
 * The top dimension (H1 of images, H2 of volumes) by Alexander duality, with no matrix: the
 * complement of the sublevel complex in the sphere is the open top cells not yet in, joined
 * across the open (d−1)-faces between two of them (4-connectivity in 2-D, 6 in 3-D), plus the
 * outside, reached through the grid's border faces. Sweeping top cells from last to first, a
 * face that joins two complement components is one that, forward, closed a hole (a void): born at
 * the face's value (its lower top cell, the one being swept), dying when the last top cell of the
 * enclosed component enters (that component's oldest cell in the reverse sweep; the outside is
 * older than all). The elder rule, with trees rooted at their oldest cell as in
 * {@link CornerComponents}.
 */
final class DualComponents {
    private DualComponents() {}

    /** Adds the bars of the top dimension. */
    static void compute(CubicalGrid grid, TopCellLinks links, double[] g, int[] order, int[] rank,
                        DiagramCollector out) {
        int n = grid.size;
        int dim = grid.topDimension - 1;
        int outside = n;
        int[] parent = new int[n + 1];
        parent[outside] = outside;
        int[] faceSteps = links.faceSteps;
        int border = links.steps.length; // bit of face k's border flag: border + k
        for (int rv = n - 1; rv >= 0; rv--) {
            int v = order[rv];
            int bits = links.mask[v];
            int root = v;
            parent[v] = v;
            for (int k = 0; k < faceSteps.length; k++) {
                int s = faceSteps[k];
                int u;
                if ((bits >>> (border + k) & 1) != 0) {
                    u = outside;
                } else if ((bits >>> s & 1) != 0) {
                    continue; // the neighbour comes earlier: the face enters with it, later in this sweep
                } else {
                    u = v + links.offset[s];
                }
                int other = ElderUnionFind.root(parent, u);
                if (other == root) {
                    continue;
                }
                if (root == v) { // v's own new component joining is a zero-length bar
                    parent[v] = other;
                    root = other;
                    continue;
                }
                // older in this sweep: the outside, else the later cell
                boolean otherOlder = other == outside || (root != outside && rank[other] > rank[root]);
                int young = otherOlder ? root : other;
                root = otherOlder ? other : root;
                parent[young] = root;
                out.add(dim, g[v], g[young], v, -1, -1, young, -1, -1);
            }
        }
    }
}
