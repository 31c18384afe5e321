package org.topolayer.persistence.rips;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Wires the passes together: union-find for dimension 0, then for each dimension 1..maxdim a
 * cohomology reduction whose pivots clear the next dimension's columns.
 */
final class RipsEngine {
    private RipsEngine() {}

    /**
     * @param sparse walk cofacets through neighbour lists (pays off when the threshold keeps few
     *               pairs) rather than over all points
     */
    static PersistenceDiagrams compute(RankedDistances distances, int maxDimension, ValueModel model, boolean sparse) {
        int n = distances.pointCount();
        if (n == 0) {
            return new DiagramCollector(model, maxDimension, 1).build();
        }
        // a dim-simplex needs a cofacet (dim + 2 points) to die; higher diagrams stay empty
        int top = Math.min(maxDimension, n - 2);
        int maxVertices = Math.max(2, top + 2);
        Binomials binomials = new Binomials(n, maxVertices);
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
        CoboundaryReducer reducer = new CoboundaryReducer(walk, apparent, bars, maxVertices);
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
