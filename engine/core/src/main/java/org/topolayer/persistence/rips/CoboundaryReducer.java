package org.topolayer.persistence.rips;

import java.util.Arrays;

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
 */
final class CoboundaryReducer {
    private final CofacetEnumerator cofacets;
    private final ApparentPairs apparent;
    private final BarRecorder bars;
    private final EntryHeap coboundary = new EntryHeap();
    private final EntryHeap summands = new EntryHeap();

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

    CoboundaryReducer(CofacetEnumerator cofacets, ApparentPairs apparent, BarRecorder bars, int maxVertices) {
        this.cofacets = cofacets;
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
                continue;
            }
            while (true) {
                if (!coboundary.pivot()) {
                    bars.essential(dim, rank, simplex);
                    break;
                }
                pivotRank = coboundary.topRank();
                pivotIndex = coboundary.topIndex();
                int other = pivots.get(pivotIndex);
                if (other >= 0) {
                    addColumn(columns, other, dim);
                    continue;
                }
                long partner = apparent.apparentFacet(pivotIndex, pivotRank, dim + 1);
                if (partner >= 0) {
                    addSimplex(pivotRank, partner, dim);
                    continue;
                }
                bars.pair(dim, rank, simplex, pivotRank, pivotIndex);
                pivots.put(pivotIndex, c);
                storeSummands();
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
            seenIndices[seen++] = index;
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
