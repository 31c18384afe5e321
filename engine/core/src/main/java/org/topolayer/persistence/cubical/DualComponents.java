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
 * older than all). Ages are reverse ranks, the outside the oldest.
 */
final class DualComponents {
    private DualComponents() {}

    /** Adds the bars of the top dimension. */
    static void compute(CubicalGrid grid, double[] g, int[] order, int[] rank, DiagramCollector out) {
        int n = grid.size;
        int d = grid.depth, h = grid.height, w = grid.width;
        int plane = h * w;
        boolean volume = grid.topDimension == 3;
        int top = grid.topDimension;
        int outside = n;
        int[] age = new int[n + 1];
        for (int v = 0; v < n; v++) {
            age[v] = n - 1 - rank[v];
        }
        age[outside] = -1;
        ElderUnionFind uf = new ElderUnionFind(n + 1);
        uf.reset(n + 1, age);
        // the faces as (axis, sign): +z, +y, +x, −x, −y, −z
        int[] axis = {0, 1, 2, 2, 1, 0};
        int[] sign = {1, 1, 1, -1, -1, -1};
        int[] voxelStep = new int[6];
        int[] length = {d, h, w};
        int[] voxelStride = {plane, w, 1};
        for (int k = 0; k < 6; k++) {
            voxelStep[k] = sign[k] * voxelStride[axis[k]];
        }
        int[] coord = new int[3];
        for (int rv = n - 1; rv >= 0; rv--) {
            int v = order[rv];
            coord[0] = v / plane;
            int rest = v - coord[0] * plane;
            coord[1] = rest / w;
            coord[2] = rest - coord[1] * w;
            for (int k = 0; k < 6; k++) {
                int a = axis[k];
                if (!volume && a == 0) {
                    continue; // an image has no faces along z
                }
                int c = coord[a] + sign[k];
                int u;
                if (c < 0 || c >= length[a]) {
                    u = outside;
                } else {
                    u = v + voxelStep[k];
                    if (rank[u] < rv) {
                        continue; // the face enters with u: its turn comes later in this sweep
                    }
                }
                int dying = uf.union(v, u);
                if (dying >= 0 && dying != v) { // v's own new component joining is a zero-length bar
                    out.add(top - 1, g[v], g[dying], v, -1, -1, dying, -1, -1);
                }
            }
        }
    }
}
