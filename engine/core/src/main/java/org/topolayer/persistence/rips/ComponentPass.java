package org.topolayer.persistence.rips;

import org.topolayer.persistence.ElderUnionFind;

/**
 * Dimension 0 by union-find: edges in filtration order; an edge that joins two components kills
 * one (every vertex is born at 0, so which one does not change the diagram). An edge that closes
 * a cycle becomes a column for dimension 1 unless it is in an apparent pair; the joining edges
 * are exactly the pivots of the 0-dimensional coboundary reduction, so they are cleared.
 */
final class ComponentPass {
    private ComponentPass() {}

    /**
     * Records the 0-dimensional bars and returns the dimension-1 columns in reverse filtration
     * order (empty unless {@code wantColumns}; {@code apparent} is only used then and may be null
     * otherwise).
     */
    static SimplexList run(SimplexList edges, int pointCount, Binomials binomials, ApparentPairs apparent,
                           BarRecorder bars, boolean wantColumns) {
        ElderUnionFind components = new ElderUnionFind(pointCount);
        SimplexList columns = new SimplexList(wantColumns ? edges.size() / 2 : 0);
        int[] ends = new int[2];
        int remaining = pointCount;
        for (int e = 0; e < edges.size(); e++) {
            int rank = edges.rank(e);
            long edge = edges.index(e);
            binomials.vertices(edge, 2, pointCount, ends);
            if (components.union(ends[0], ends[1]) >= 0) {
                bars.componentDeath(rank, edge);
                remaining--;
            } else if (wantColumns && apparent.apparentCofacet(edge, rank, 1, ends) < 0) {
                columns.add(rank, edge);
            }
        }
        for (int i = 0; i < remaining; i++) {
            bars.essentialComponent();
        }
        columns.reverse();
        return columns;
    }
}
