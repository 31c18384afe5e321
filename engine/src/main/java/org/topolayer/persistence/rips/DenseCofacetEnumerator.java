package org.topolayer.persistence.rips;

/**
 * Cofacet walk over the full distance triangle: tries every point w from n−1 down, skipping the
 * simplex's own vertices and pairs beyond the threshold. Best when most pairs are within the
 * threshold (no threshold, or the enclosing radius).
 */
final class DenseCofacetEnumerator extends CofacetEnumerator {
    private final int[] ranks;
    private final int[] vertexRow;
    private int w;

    DenseCofacetEnumerator(Binomials binomials, RankedDistances distances, int maxVertices) {
        super(binomials, distances, maxVertices);
        this.ranks = distances.ranksArray();
        this.vertexRow = new int[maxVertices];
    }

    @Override
    protected void reset() {
        w = distances.pointCount() - 1;
        for (int i = 0; i < vertexCount; i++) {
            vertexRow[i] = distances.rowStart(vertices[i]);
        }
    }

    @Override
    boolean next(int maxRank) {
        int[] v = vertices;
        int count = vertexCount;
        int lowest = onlyAboveTop ? v[0] + 1 : 0;
        candidates:
        while (w >= lowest) {
            int inserted = w--;
            if (passed < count && inserted == v[passed]) {
                passVertex();
                continue;
            }
            // vertices[0, passed) are above the inserted point, the rest below
            int r = simplexRank;
            for (int i = 0; i < passed; i++) {
                r = Math.max(r, ranks[vertexRow[i] + inserted]);
                if (r > maxRank) {
                    continue candidates;
                }
            }
            int row = distances.rowStart(inserted);
            for (int i = passed; i < count; i++) {
                r = Math.max(r, ranks[row + v[i]]);
                if (r > maxRank) {
                    continue candidates;
                }
            }
            rank = r;
            index = cofacetIndex(inserted);
            return true;
        }
        return false;
    }
}
