package org.topolayer.persistence.rips;

/**
 * Lists the columns of the next dimension: every (dim+1)-simplex within the threshold, reached
 * once from its facet without the top vertex, except those cleared (a pivot of dimension dim:
 * its column would reduce to zero) or in an apparent pair.
 */
final class ColumnAssembler {
    private final CofacetEnumerator cofacets;
    private final ApparentPairs apparent;
    private final int[] vertices;

    ColumnAssembler(CofacetEnumerator cofacets, ApparentPairs apparent, int maxVertices) {
        this.cofacets = cofacets;
        this.apparent = apparent;
        this.vertices = new int[maxVertices];
    }

    /**
     * @param simplices all dim-simplices within the threshold
     * @param pivots    the pivots found when reducing dimension dim
     * @param allCofacets if non-null, receives every (dim+1)-simplex (the next call's input)
     * @return the (dim+1)-columns in reverse filtration order
     */
    SimplexList assemble(SimplexList simplices, int dim, PivotMap pivots, SimplexList allCofacets) {
        SimplexList columns = new SimplexList(simplices.size());
        for (int s = 0; s < simplices.size(); s++) {
            cofacets.start(simplices.index(s), simplices.rank(s), dim, true);
            while (cofacets.next()) {
                int rank = cofacets.rank;
                long index = cofacets.index;
                if (allCofacets != null) {
                    allCofacets.add(rank, index);
                }
                if (!pivots.contains(index)) {
                    cofacets.cofacetVertices(vertices);
                    if (!apparent.inApparentPair(index, rank, dim + 1, vertices)) {
                        columns.add(rank, index);
                    }
                }
            }
        }
        columns.sortReverseFiltrationOrder();
        return columns;
    }
}
