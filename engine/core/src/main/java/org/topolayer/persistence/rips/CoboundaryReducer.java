package org.topolayer.persistence.rips;

import java.util.Arrays;
import org.topolayer.persistence.PrimeField;

/**
 * Persistent cohomology of one dimension: reduces the coboundary columns of the given
 * dim-simplices in reverse filtration order (Ripser's scheme). Columns are never stored: a
 * column is regenerated from the simplices it is a sum of (the "reduction matrix" V, kept as
 * flat arrays), and the working column is a heap with Z/2 cancellation. Shortcuts:
 * <ul>
 *   <li>emergent pairs: if a column's first cofacet has the column's diameter and is nobody's
 *       pivot yet, the pair is final without building the column;</li>
 *   <li>apparent pairs: a pivot that belongs to an apparent pair is eliminated by adding its
 *       partner's coboundary, without looking it up.</li>
 * </ul>
 * Buffers are reused from one column (and one dimension) to the next.
 *
 * <p>Over Z/p (p odd) heap entries and V's entries pack a coefficient into the low bits of the
 * simplex index ({@link EntryHeap#pivotModular}); a column is eliminated with the multiple of the
 * other column that cancels its pivot, and each column's pivot coefficient is kept. Z/2 runs the
 * coefficient-free methods, so it costs what it did before Z/p existed.
 */
final class CoboundaryReducer {
    private final CofacetEnumerator cofacets;
    private final ApparentPairs apparent;
    private final BarRecorder bars;
    private final EntryHeap coboundary = new EntryHeap();
    private final EntryHeap summands = new EntryHeap();
    private final PrimeField field;
    private final boolean modular;
    /** Coefficient bits packed below a simplex index: 0 over Z/2. */
    private final int bits;
    private final long coefficientMask;
    /** Over Z/p: the coefficient of each column's pivot in its reduced coboundary. */
    private int[] pivotCoefficients = new int[0];

    // V: the simplices each reduced column adds to its own, column c at [vStart[c], vStart[c+1])
    private int[] vStart = new int[16];
    private int[] vRanks = new int[64];
    private long[] vIndices = new long[64];
    private int vSize;

    // cofacets seen before an emergent pair is ruled out
    private int[] seenRanks = new int[64];
    private long[] seenIndices = new long[64];

    private final int[] cofacetVertices;
    private int pivotRank;
    private long pivotIndex;

    CoboundaryReducer(CofacetEnumerator cofacets, ApparentPairs apparent, BarRecorder bars, int maxVertices,
                      PrimeField field) {
        this.cofacets = cofacets;
        this.field = field;
        this.modular = !field.isBinary();
        this.bits = modular ? field.bits() : 0;
        this.coefficientMask = (1L << bits) - 1;
        this.cofacetVertices = new int[maxVertices];
        this.apparent = apparent;
        this.bars = bars;
    }

    /**
     * Reduces the columns (dim-simplices, in reverse filtration order), records the bars of
     * dimension dim, and returns the pivots: the (dim+1)-simplices that kill a class, which the
     * next dimension clears.
     */
    PivotMap reduce(SimplexList columns, int dim) {
        int count = columns.size();
        PivotMap pivots = new PivotMap(count);
        if (vStart.length < count + 1) {
            vStart = new int[count + 1];
        }
        if (modular && pivotCoefficients.length < count) {
            pivotCoefficients = new int[count];
        }
        vSize = 0;
        for (int c = 0; c < count; c++) {
            vStart[c] = vSize;
            int rank = columns.rank(c);
            long simplex = columns.index(c);
            coboundary.clear();
            summands.clear();
            if (emergentPivot(simplex, rank, dim, pivots)) {
                bars.pair(dim, rank, simplex, pivotRank, pivotIndex);
                pivots.put(pivotIndex, c);
                if (modular) {
                    pivotCoefficients[c] = field.sign(cofacets.insertedPosition());
                }
                continue;
            }
            while (true) {
                if (!(modular ? coboundary.pivotModular(bits, field.modulus()) : coboundary.pivot())) {
                    bars.essential(dim, rank, simplex);
                    break;
                }
                pivotRank = coboundary.topRank();
                long top = coboundary.topIndex();
                pivotIndex = top >>> bits;
                int other = pivots.get(pivotIndex);
                if (other >= 0) {
                    if (modular) {
                        // cancel the pivot: add −(its coefficient / the other pivot's) times the other column
                        addColumnModular(columns, other, dim, cancelling(top, pivotCoefficients[other]));
                    } else {
                        addColumn(columns, other, dim);
                    }
                    continue;
                }
                long partner = apparent.apparentFacet(pivotIndex, pivotRank, dim + 1);
                if (partner >= 0) {
                    if (modular) {
                        int partnerCoefficient = field.sign(apparent.droppedPosition());
                        addSimplexModular(pivotRank, partner, dim, cancelling(top, partnerCoefficient));
                    } else {
                        addSimplex(pivotRank, partner, dim);
                    }
                    continue;
                }
                bars.pair(dim, rank, simplex, pivotRank, pivotIndex);
                pivots.put(pivotIndex, c);
                if (modular) {
                    pivotCoefficients[c] = (int) (top & coefficientMask);
                    storeSummandsModular();
                } else {
                    storeSummands();
                }
                break;
            }
        }
        vStart[count] = vSize;
        return pivots;
    }

    /**
     * Walks the column's coboundary. Returns true, with the pivot set, if the first cofacet of
     * equal diameter is an emergent pivot; otherwise fills the working column.
     */
    private boolean emergentPivot(long simplex, int rank, int dim, PivotMap pivots) {
        boolean checkEmergent = true;
        int seen = 0;
        cofacets.start(simplex, rank, dim, false);
        while (cofacets.next()) {
            int r = cofacets.rank;
            long index = cofacets.index;
            if (checkEmergent && r == rank) {
                if (!pivots.contains(index) && apparentFacetOfCurrentCofacet(r, index, dim) < 0) {
                    pivotRank = r;
                    pivotIndex = index;
                    return true;
                }
                checkEmergent = false;
            }
            if (seen == seenRanks.length) {
                seenRanks = Arrays.copyOf(seenRanks, seen * 2);
                seenIndices = Arrays.copyOf(seenIndices, seen * 2);
            }
            seenRanks[seen] = r;
            seenIndices[seen++] = modular ? index << bits | field.sign(cofacets.insertedPosition()) : index;
        }
        for (int i = 0; i < seen; i++) {
            coboundary.push(seenRanks[i], seenIndices[i]);
        }
        return false;
    }

    private long apparentFacetOfCurrentCofacet(int rank, long index, int dim) {
        cofacets.cofacetVertices(cofacetVertices);
        return apparent.apparentFacet(index, rank, dim + 1, cofacetVertices);
    }

    /** Adds reduced column {@code c}: its own simplex's coboundary and those of its summands. */
    private void addColumn(SimplexList columns, int c, int dim) {
        addSimplex(columns.rank(c), columns.index(c), dim);
        for (int i = vStart[c], end = vStart[c + 1]; i < end; i++) {
            addSimplex(vRanks[i], vIndices[i], dim);
        }
    }

    private void addSimplex(int rank, long simplex, int dim) {
        summands.push(rank, simplex);
        cofacets.start(simplex, rank, dim, false);
        while (cofacets.next()) {
            coboundary.push(cofacets.rank, cofacets.index);
        }
    }

    /** The factor f with a + f·b = 0: cancels a pivot of coefficient a (packed in {@code top}) with one of b. */
    private int cancelling(long top, int b) {
        return field.negate(field.multiply((int) (top & coefficientMask), field.inverse(b)));
    }

    /** Z/p's {@link #addColumn}: adds {@code factor} times reduced column {@code c}. */
    private void addColumnModular(SimplexList columns, int c, int dim, int factor) {
        addSimplexModular(columns.rank(c), columns.index(c), dim, factor);
        for (int i = vStart[c], end = vStart[c + 1]; i < end; i++) {
            long entry = vIndices[i];
            addSimplexModular(vRanks[i], entry >>> bits, dim,
                    field.multiply(factor, (int) (entry & coefficientMask)));
        }
    }

    /** Z/p's {@link #addSimplex}: adds {@code factor} times the simplex's coboundary. */
    private void addSimplexModular(int rank, long simplex, int dim, int factor) {
        summands.push(rank, simplex << bits | factor);
        int negated = field.negate(factor);
        cofacets.start(simplex, rank, dim, false);
        while (cofacets.next()) {
            int coefficient = (cofacets.insertedPosition() & 1) == 0 ? factor : negated;
            coboundary.push(cofacets.rank, cofacets.index << bits | coefficient);
        }
    }

    /** Z/p's {@link #storeSummands}: entries keep their packed coefficients. */
    private void storeSummandsModular() {
        while (summands.pivotModular(bits, field.modulus())) {
            if (vSize == vRanks.length) {
                vRanks = Arrays.copyOf(vRanks, vSize * 2);
                vIndices = Arrays.copyOf(vIndices, vSize * 2);
            }
            vRanks[vSize] = summands.topRank();
            vIndices[vSize++] = summands.topIndex();
            summands.pop();
        }
    }

    /** Appends the current column's summands (each one that did not cancel) to V. */
    private void storeSummands() {
        while (summands.pivot()) {
            if (vSize == vRanks.length) {
                vRanks = Arrays.copyOf(vRanks, vSize * 2);
                vIndices = Arrays.copyOf(vIndices, vSize * 2);
            }
            vRanks[vSize] = summands.topRank();
            vIndices[vSize++] = summands.topIndex();
            summands.pop();
        }
    }
}
