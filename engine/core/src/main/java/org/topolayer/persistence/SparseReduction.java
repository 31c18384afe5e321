package org.topolayer.persistence;

import java.util.Arrays;
import org.topolayer.filtration.Filtration;

/**
 * Persistent homology of any filtration over Z/2: sparse column reduction with the twist
 * (highest dimension first) and clearing (a column whose index is already a pivot is zero), and
 * union-find with the elder rule for dimension 0 instead of reducing edge columns.
 *
 * <p>Works for any simplicial complex; the grid and Rips algorithms are faster on their inputs.
 */
public final class SparseReduction {
    private SparseReduction() {}

    public static PersistenceDiagrams compute(Filtration f, int maxDimension) {
        DiagramCollector out = DiagramCollector.forFiltration(f, maxDimension);
        int n = f.size();
        boolean[] killed = new boolean[n];   // positive simplices paired with a later death
        boolean[] negative = new boolean[n]; // simplices whose column reduced to a nonzero pivot
        int top = Math.min(maxDimension + 1, f.maxDimension());
        int[] pivotColumn = new int[n];
        Arrays.fill(pivotColumn, -1);
        int[][] reduced = new int[n][];
        ColumnWorkspace work = new ColumnWorkspace();
        for (int dim = top; dim >= 2; dim--) {
            for (int j = 0; j < n; j++) {
                if (f.dimension(j) != dim || killed[j]) {
                    continue; // clearing: j is a pivot of a higher column, so its column reduces to zero
                }
                work.loadBoundary(f, j);
                while (!work.isEmpty()) {
                    int low = work.low();
                    int other = pivotColumn[low];
                    if (other < 0) {
                        break;
                    }
                    work.add(reduced[other]);
                }
                if (work.isEmpty()) {
                    continue;
                }
                int low = work.low();
                pivotColumn[low] = j;
                reduced[j] = work.toArray();
                negative[j] = true;
                killed[low] = true;
                if (dim - 1 <= maxDimension) {
                    out.addPair(f, low, j);
                }
            }
        }
        reduceEdgesByUnionFind(f, out, negative, killed);
        for (int i = 0; i < n; i++) {
            int d = f.dimension(i);
            if (d <= maxDimension && !killed[i] && !negative[i]) {
                out.addPair(f, i, -1);
            }
        }
        return out.build();
    }

    /** Dimension 0: an edge that joins two components kills the younger one's oldest vertex. */
    private static void reduceEdgesByUnionFind(Filtration f, DiagramCollector out, boolean[] negative,
                                               boolean[] killed) {
        int n = f.size();
        int maxVertex = -1;
        for (int i = 0; i < n; i++) {
            if (f.dimension(i) == 0) {
                maxVertex = Math.max(maxVertex, f.vertex(i, 0));
            }
        }
        // union-find over filtration indices of vertices, so "older" = smaller index
        int[] vertexIndex = new int[maxVertex + 1];
        for (int i = 0; i < n; i++) {
            if (f.dimension(i) == 0) {
                vertexIndex[f.vertex(i, 0)] = i;
            }
        }
        ElderUnionFind uf = new ElderUnionFind(n);
        for (int e = 0; e < n; e++) {
            if (f.dimension(e) != 1) {
                continue;
            }
            int dying = uf.union(vertexIndex[f.vertex(e, 0)], vertexIndex[f.vertex(e, 1)]);
            if (dying >= 0) {
                negative[e] = true;
                killed[dying] = true;
                out.addPair(f, dying, e);
            }
        }
    }

    /** A working column over Z/2: a sorted set of row indices, with symmetric-difference add. */
    private static final class ColumnWorkspace {
        private int[] rows = new int[16];
        private int[] scratch = new int[16];
        private int size;

        void loadBoundary(Filtration f, int j) {
            int len = f.dimension(j) + 1;
            ensure(len);
            for (int k = 0; k < len; k++) {
                rows[k] = f.facet(j, k);
            }
            Arrays.sort(rows, 0, len);
            size = len;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int low() {
            return rows[size - 1];
        }

        void add(int[] other) {
            int need = size + other.length;
            if (scratch.length < need) {
                scratch = new int[Math.max(need, scratch.length * 2)];
            }
            int i = 0, j = 0, k = 0;
            while (i < size && j < other.length) {
                int a = rows[i], b = other[j];
                if (a < b) {
                    scratch[k++] = a;
                    i++;
                } else if (b < a) {
                    scratch[k++] = b;
                    j++;
                } else {
                    i++;
                    j++;
                }
            }
            while (i < size) {
                scratch[k++] = rows[i++];
            }
            while (j < other.length) {
                scratch[k++] = other[j++];
            }
            int[] t = rows;
            rows = scratch;
            scratch = t;
            size = k;
        }

        int[] toArray() {
            return Arrays.copyOf(rows, size);
        }

        private void ensure(int len) {
            if (rows.length < len) {
                rows = new int[len * 2];
            }
        }
    }
}
