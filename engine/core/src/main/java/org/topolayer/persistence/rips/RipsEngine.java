package org.topolayer.persistence.rips;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;

/**
 * Wires the passes together: union-find for dimension 0, then for each dimension 1..maxdim a
 * cohomology reduction whose pivots clear the next dimension's columns.
 */
final class RipsEngine {
    private RipsEngine() {}

    /**
     * @param sparse walk cofacets through neighbour lists (pays off when the threshold keeps few
     *               pairs) rather than over all points
     * @param field  the coefficients; over Z/p (p odd) simplex indices must leave room for a
     *               coefficient: C(n, maxDimension + 2) &lt; 2^(63 − ⌈log₂ p⌉)
     */
    static PersistenceDiagrams compute(RankedDistances distances, int maxDimension, ValueModel model, boolean sparse,
                                       PrimeField field) {
        int n = distances.pointCount();
        if (n == 0) {
            return new DiagramCollector(model, maxDimension, 1).build();
        }
        // a dim-simplex needs a cofacet (dim + 2 points) to die; higher diagrams stay empty
        int top = Math.min(maxDimension, n - 2);
        int maxVertices = Math.max(2, top + 2);
        Binomials binomials = new Binomials(n, maxVertices);
        if (!field.isBinary() && top >= 1 && binomials.get(n, maxVertices) > Long.MAX_VALUE >>> field.bits()) {
            throw new IllegalArgumentException("simplex indices with " + field + " coefficients overflow: " + n
                    + " points are too many for maxdim " + maxDimension + " (the coefficient takes " + field.bits()
                    + " of the 63 index bits); lower maxdim, set a threshold with fewer points, or use Z/2");
        }
        BarRecorder bars = new BarRecorder(binomials, distances, model, maxDimension, maxVertices);
        SimplexList simplices = distances.edgesInFiltrationOrder();
        if (top < 1) {
            ComponentPass.run(simplices, n, binomials, null, bars, false);
            return bars.build();
        }
        NeighborLists lists = sparse ? distances.neighborLists() : null;
        int[] square = sparse ? null : distances.squareRanks();
        CofacetEnumerator walk = enumerator(binomials, distances, lists, square, maxVertices);
        ApparentPairs apparent = new ApparentPairs(binomials, distances,
                enumerator(binomials, distances, lists, square, maxVertices), maxVertices);

        SimplexList columns = ComponentPass.run(simplices, n, binomials, apparent, bars, true);
        CoboundaryReducer reducer = new CoboundaryReducer(walk, apparent, bars, maxVertices, field);
        ColumnAssembler assembler = new ColumnAssembler(walk, apparent, maxVertices);
        for (int dim = 1; dim <= top; dim++) {
            PivotMap pivots = reducer.reduce(columns, dim);
            if (dim < top) {
                SimplexList cofaces = dim + 1 < top ? new SimplexList(simplices.size()) : null;
                columns = assembler.assemble(simplices, dim, pivots, cofaces);
                simplices = cofaces;
            }
        }
        return bars.build();
    }

    private static CofacetEnumerator enumerator(Binomials binomials, RankedDistances distances,
                                                NeighborLists lists, int[] square, int maxVertices) {
        return lists == null
                ? new DenseCofacetEnumerator(binomials, distances, square, maxVertices)
                : new SparseCofacetEnumerator(binomials, distances, lists, maxVertices);
    }
}
