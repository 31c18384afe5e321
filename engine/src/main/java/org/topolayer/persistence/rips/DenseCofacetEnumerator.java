package org.topolayer.persistence.rips;

/**
 * Cofacet walk over the full distance triangle: tries every point w from n−1 down, skipping the
 * simplex's own vertices and pairs beyond the threshold. Best when most pairs are within the
 * threshold (no threshold, or the enclosing radius).
 */
final class DenseCofacetEnumerator extends CofacetEnumerator {
    private final int[] ranks;
    private int w;

    DenseCofacetEnumerator(Binomials binomials, RankedDistances distances, int maxVertices) {
        super(binomials, distances, maxVertices);
        this.ranks = distances.ranksArray();
    }

    @Override
    protected void reset() {
        w = distances.pointCount() - 1;
    }

    @Override
    boolean next() {
        int[] v = vertices;
        int count = vertexCount;
        int lowest = onlyAboveTop ? v[0] + 1 : 0;
        while (w >= lowest) {
            if (passed < count && w == v[passed]) {
                passVertex();
                w--;
                continue;
            }
            // vertices[0, passed) are above w, the rest below
            int r = simplexRank;
            for (int i = 0; i < passed && r != RankedDistances.ABSENT; i++) {
                r = Math.max(r, ranks[distances.rowStart(v[i]) + w]);
            }
            int row = distances.rowStart(w);
            for (int i = passed; i < count && r != RankedDistances.ABSENT; i++) {
                r = Math.max(r, ranks[row + v[i]]);
            }
            int inserted = w--;
            if (r != RankedDistances.ABSENT) {
                rank = r;
                index = cofacetIndex(inserted);
                return true;
            }
        }
        return false;
    }
}
