package org.topolayer.persistence.grid;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.util.ValueOrder;

/**
 * Lower-star H0 persistence of a D×H×W volume on its Kuhn (Freudenthal) triangulation without
 * building the complex: union-find with the elder rule over the implicit edges. The triangulation's
 * edges join each voxel to the 14 voxels that differ from it by a nonzero vector of {0, 1}³ or its
 * negative (the edges of the cubes' six tetrahedra, as {@link org.topolayer.complex.GridComplex#freudenthal}
 * builds them); H0 needs nothing else.
 *
 * <p>Order and attribution as the general path's ({@link org.topolayer.persistence.LowerStarPersistence}):
 * voxels by (value, index), each edge entering at its later voxel, which carries the death; the
 * component whose first voxel came later dies, and zero-length bars are left out. The order among
 * edges that share their later voxel cannot change the diagram (they all carry that voxel's value).
 *
 * <p>A workspace: buffers are reused across calls, so hold one per thread.
 */
public final class VolumeComponents {
    private static final int[][] STEPS = { // the nonzero vectors of {0,1}^3 as (dz, dy, dx)
        {0, 0, 1}, {0, 1, 0}, {0, 1, 1}, {1, 0, 0}, {1, 0, 1}, {1, 1, 0}, {1, 1, 1}};

    private final ValueOrder valueOrder = new ValueOrder();
    private double[] g = new double[0];
    private int[] order = new int[0];
    private int[] rank = new int[0];
    // trees whose root is the component's oldest voxel: a root is its own birth
    private int[] parent = new int[0];
    private final DiagramCollector collector = new DiagramCollector(ValueModel.VERTEX_VALUE, 0, 1);

    /**
     * The H0 diagram (and empty diagrams up to maxDimension — callers use this for maxDimension 0)
     * of the volume {@code values} (row-major [z][y][x]). Values must be finite (checked by the caller).
     */
    public PersistenceDiagrams compute(double[] values, int depth, int height, int width, boolean superlevel) {
        int n = depth * height * width;
        ensure(n);
        double sign = superlevel ? -1 : 1;
        for (int i = 0; i < n; i++) {
            g[i] = sign * values[i];
            parent[i] = -1; // not yet in the filtration
        }
        valueOrder.sort(g, n, order, rank);
        DiagramCollector out = collector;
        out.reset(0, superlevel ? -1 : 1);
        if (n == 0) {
            return out.build();
        }
        int plane = height * width;
        for (int rv = 0; rv < n; rv++) {
            int v = order[rv];
            int z = v / plane, y = (v / width) % height, x = v % width;
            int root = v;
            parent[v] = v;
            for (int[] s : STEPS) {
                for (int direction = -1; direction <= 1; direction += 2) {
                    int nz = z + direction * s[0], ny = y + direction * s[1], nx = x + direction * s[2];
                    if (nz < 0 || ny < 0 || nx < 0 || nz >= depth || ny >= height || nx >= width) {
                        continue;
                    }
                    int u = (nz * height + ny) * width + nx;
                    if (parent[u] < 0) {
                        continue; // comes later
                    }
                    int other = find(u);
                    if (other == root) {
                        continue;
                    }
                    if (root == v) { // v's own one-voxel component joins: a zero-length bar
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
        }
        out.addEssential(0, g[order[0]], order[0], -1, -1); // the grid is connected: one component remains
        return out.build();
    }

    private int find(int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]]; // path halving
            v = parent[v];
        }
        return v;
    }

    private void ensure(int n) {
        if (g.length < n) {
            g = new double[n];
            order = new int[n];
            rank = new int[n];
            parent = new int[n];
        }
    }
}
