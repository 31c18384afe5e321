package org.topolayer.persistence.representatives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topolayer.filtration.Filtration;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.SparseChain;

/**
 * The column reduction R = D·V that keeps V, over Z/p (Z/2 included, with coefficients 1), on an
 * explicit {@link Filtration}: of the boundary matrix for cycles, of the coboundary matrix for
 * cocycles (Ripser's scheme, columns in reverse filtration order). Clearing skips the columns known
 * to reduce to zero whose chains are not needed; no other shortcut, so it is the slow path of
 * opt-in representatives, not a replacement for the engines.
 *
 * <p>Homology: a pair (σ, τ) gives the cycle R[τ], scaled so that σ (its last simplex in filtration
 * order) has coefficient 1; an essential σ gives V[σ]. Cohomology: a pair (σ, τ) gives the cocycle
 * V[σ] (σ with coefficient 1; its coboundary has no simplex before τ), an essential σ likewise.
 */
final class ChainReduction {
    /** A pair of filtration indices (death -1: essential) and its chain: simplices ascending with coefficients. */
    record Pair(int birth, int death, int[] simplices, int[] coefficients) {}

    private ChainReduction() {}

    /** Pairs of dimensions 0..maxDimension with representative cycles. */
    static List<Pair> cycles(Filtration f, int maxDimension, PrimeField field) {
        int n = f.size();
        List<Pair> pairs = new ArrayList<>();
        boolean[] killed = new boolean[n];
        Reduced m = new Reduced(n, field);
        SparseChain r = m.r;
        long[] keys = new long[64];
        for (int dim = Math.min(maxDimension + 1, f.maxDimension()); dim >= 1; dim--) {
            boolean keepV = dim <= maxDimension; // essential cycles of this dimension are V columns
            for (int j = 0; j < n; j++) {
                if (f.dimension(j) != dim || killed[j]) {
                    continue; // clearing: a pivot of a higher column reduces to zero and is no essential class
                }
                // ∂[v0 < … < vd] = Σ (−1)^k [… v̂k …]: rows sorted with their k
                for (int k = 0; k <= dim; k++) {
                    keys[k] = (long) f.facet(j, k) << 32 | k;
                }
                Arrays.sort(keys, 0, dim + 1);
                r.clear();
                for (int k = 0; k <= dim; k++) {
                    r.append((int) (keys[k] >>> 32), field.sign((int) keys[k]));
                }
                m.reduce(j, keepV);
                if (r.isEmpty()) {
                    if (keepV) {
                        pairs.add(new Pair(j, -1, m.v.rowsCopy(), m.v.coefficientsCopy()));
                    }
                    continue;
                }
                int low = m.store(j, keepV);
                killed[low] = true;
                if (dim - 1 <= maxDimension) {
                    pairs.add(new Pair(low, j, m.rows[j], scaled(m.coefficients[j],
                            field.inverse(r.lastCoefficient()), field)));
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (f.dimension(j) == 0 && !killed[j]) {
                pairs.add(new Pair(j, -1, new int[] {j}, new int[] {1}));
            }
        }
        return pairs;
    }

    /**
     * Pairs of dimensions 0..maxDimension with representative cocycles. Rows are reversed
     * filtration indices (n − 1 − τ), so that the pivot, the earliest cofacet, is the largest row.
     */
    static List<Pair> cocycles(Filtration f, int maxDimension, PrimeField field) {
        int n = f.size();
        // cofacets of each simplex, τ ascending, with the sign of σ in ∂τ
        int[] start = new int[n + 1];
        for (int t = 0; t < n; t++) {
            for (int k = 0, d = f.dimension(t); d >= 1 && k <= d; k++) {
                start[f.facet(t, k) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] cofacet = new int[start[n]];
        int[] sign = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int t = 0; t < n; t++) {
            for (int k = 0, d = f.dimension(t); d >= 1 && k <= d; k++) {
                int at = fill[f.facet(t, k)]++;
                cofacet[at] = t;
                sign[at] = field.sign(k);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        boolean[] cleared = new boolean[n];
        Reduced m = new Reduced(n, field);
        SparseChain r = m.r;
        for (int dim = 0; dim <= Math.min(maxDimension, f.maxDimension()); dim++) {
            for (int s = n - 1; s >= 0; s--) {
                if (f.dimension(s) != dim || cleared[s]) {
                    continue; // clearing: s kills a class of dimension dim − 1, its coboundary reduces to zero
                }
                r.clear();
                for (int i = start[s + 1] - 1; i >= start[s]; i--) {
                    r.append(n - 1 - cofacet[i], sign[i]);
                }
                m.reduce(s, true);
                if (r.isEmpty()) {
                    pairs.add(new Pair(s, -1, m.v.rowsCopy(), m.v.coefficientsCopy()));
                    continue;
                }
                int death = n - 1 - m.store(s, true);
                cleared[death] = true;
                pairs.add(new Pair(s, death, m.vRows[s], m.vCoefficients[s]));
            }
        }
        return pairs;
    }

    /**
     * The columns reduced so far, by column index, with their V parts, the column holding each pivot,
     * and the working column r (loaded by the caller) with its V part v.
     */
    private static final class Reduced {
        final PrimeField field;
        final int[] pivotColumn;
        final int[][] rows;
        final int[][] coefficients;
        final int[][] vRows;
        final int[][] vCoefficients;
        final SparseChain r;
        final SparseChain v;

        Reduced(int n, PrimeField field) {
            this.field = field;
            pivotColumn = new int[n];
            Arrays.fill(pivotColumn, -1);
            rows = new int[n][];
            coefficients = new int[n][];
            vRows = new int[n][];
            vCoefficients = new int[n][];
            r = new SparseChain(field);
            v = new SparseChain(field);
        }

        /** Reduces r, column j: eliminates its pivot with that pivot's column until r is zero or its pivot is new. */
        void reduce(int j, boolean keepV) {
            v.clear();
            v.append(j, 1);
            while (!r.isEmpty()) {
                int other = pivotColumn[r.last()];
                if (other < 0) {
                    return;
                }
                int[] otherCoefficients = coefficients[other];
                int factor = field.negate(field.multiply(r.lastCoefficient(),
                        field.inverse(otherCoefficients[otherCoefficients.length - 1])));
                r.addMultiple(rows[other], otherCoefficients, factor);
                if (keepV) {
                    v.addMultiple(vRows[other], vCoefficients[other], factor);
                }
            }
        }

        /** Keeps the reduced, nonzero column j (and its V part if asked) under its pivot; returns the pivot. */
        int store(int j, boolean keepV) {
            int pivot = r.last();
            pivotColumn[pivot] = j;
            rows[j] = r.rowsCopy();
            coefficients[j] = r.coefficientsCopy();
            if (keepV) {
                vRows[j] = v.rowsCopy();
                vCoefficients[j] = v.coefficientsCopy();
            }
            return pivot;
        }
    }

    private static int[] scaled(int[] coefficients, int factor, PrimeField field) {
        int[] out = new int[coefficients.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = field.multiply(coefficients[i], factor);
        }
        return out;
    }
}
