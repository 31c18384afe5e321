package org.topolayer.persistence;

import java.util.Arrays;
import org.topolayer.filtration.Filtration;

/**
 * Persistent homology of any filtration over Z/2 or Z/p: sparse column reduction with the twist
 * (highest dimension first) and clearing (a column whose index is already a pivot is zero), and
 * union-find with the elder rule for dimension 0 instead of reducing edge columns (H0 does not
 * depend on the field).
 *
 * <p>Works for any simplicial complex; the grid and Rips algorithms are faster on their inputs.
 * Over Z/p (p odd, p &lt; 2¹⁵, {@link PrimeField}) the boundary of [v0 &lt; … &lt; vd] is
 * Σ (−1)^k [… v̂k …] and columns carry coefficients; Z/2 keeps the coefficient-free columns.
 */
public final class SparseReduction {
    private SparseReduction() {}

    /** Over Z/2. */
    public static PersistenceDiagrams compute(Filtration f, int maxDimension) {
        return compute(f, maxDimension, PrimeField.Z2);
    }

    /** Over the given field. */
    public static PersistenceDiagrams compute(Filtration f, int maxDimension, PrimeField field) {
        DiagramCollector out = DiagramCollector.forFiltration(f, maxDimension);
        int n = f.size();
        boolean[] killed = new boolean[n];   // positive simplices paired with a later death
        boolean[] negative = new boolean[n]; // simplices whose column reduced to a nonzero pivot
        int top = Math.min(maxDimension + 1, f.maxDimension());
        int[] pivotColumn = new int[n];
        Arrays.fill(pivotColumn, -1);
        Columns work = field.isBinary() ? new BinaryColumns(n) : new ModularColumns(n, field);
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
                    work.eliminate(other);
                }
                if (work.isEmpty()) {
                    continue;
                }
                int low = work.low();
                pivotColumn[low] = j;
                work.store(j);
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

    /**
     * The working column and the reduced columns kept for later eliminations. Rows are filtration
     * indices; {@link #low} is the largest.
     */
    private abstract static class Columns {
        abstract void loadBoundary(Filtration f, int j);

        abstract boolean isEmpty();

        abstract int low();

        /** Adds the multiple of stored column {@code other} that cancels the working column's low. */
        abstract void eliminate(int other);

        /** Keeps the working column as reduced column {@code j}. */
        abstract void store(int j);
    }

    /** Z/2: a column is a sorted set of rows; adding is symmetric difference. */
    private static final class BinaryColumns extends Columns {
        private final int[][] reduced;
        private int[] rows = new int[16];
        private int[] scratch = new int[16];
        private int size;

        BinaryColumns(int n) {
            reduced = new int[n][];
        }

        @Override
        void loadBoundary(Filtration f, int j) {
            int len = f.dimension(j) + 1;
            if (rows.length < len) {
                rows = new int[len * 2];
            }
            for (int k = 0; k < len; k++) {
                rows[k] = f.facet(j, k);
            }
            Arrays.sort(rows, 0, len);
            size = len;
        }

        @Override
        boolean isEmpty() {
            return size == 0;
        }

        @Override
        int low() {
            return rows[size - 1];
        }

        @Override
        void eliminate(int otherColumn) {
            int[] other = reduced[otherColumn];
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

        @Override
        void store(int j) {
            reduced[j] = Arrays.copyOf(rows, size);
        }
    }

    /** Z/p: sorted rows with nonzero coefficients beside them; adding merges and drops zero sums. */
    private static final class ModularColumns extends Columns {
        private final PrimeField field;
        private final int[][] reducedRows;
        private final int[][] reducedCoefficients;
        private final SparseChain work;
        private long[] sortKeys = new long[16];

        ModularColumns(int n, PrimeField field) {
            this.field = field;
            reducedRows = new int[n][];
            reducedCoefficients = new int[n][];
            work = new SparseChain(field);
        }

        @Override
        void loadBoundary(Filtration f, int j) {
            int len = f.dimension(j) + 1;
            if (sortKeys.length < len) {
                sortKeys = new long[len * 2];
            }
            // the facet opposite vertex k (vertices ascending) has sign (−1)^k; sort rows with their k
            for (int k = 0; k < len; k++) {
                sortKeys[k] = (long) f.facet(j, k) << 32 | k;
            }
            Arrays.sort(sortKeys, 0, len);
            work.clear();
            for (int i = 0; i < len; i++) {
                work.append((int) (sortKeys[i] >>> 32), field.sign((int) sortKeys[i]));
            }
        }

        @Override
        boolean isEmpty() {
            return work.isEmpty();
        }

        @Override
        int low() {
            return work.last();
        }

        @Override
        void eliminate(int otherColumn) {
            int[] otherCoefficients = reducedCoefficients[otherColumn];
            int factor = field.negate(field.multiply(work.lastCoefficient(),
                    field.inverse(otherCoefficients[otherCoefficients.length - 1])));
            work.addMultiple(reducedRows[otherColumn], otherCoefficients, factor);
        }

        @Override
        void store(int j) {
            reducedRows[j] = work.rowsCopy();
            reducedCoefficients[j] = work.coefficientsCopy();
        }
    }
}
