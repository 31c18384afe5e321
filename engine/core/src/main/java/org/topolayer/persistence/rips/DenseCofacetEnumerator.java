package org.topolayer.persistence.rips;

/**
 * Cofacet walk over all points: tries every point w from n−1 down, skipping the simplex's own
 * vertices and pairs beyond the threshold. Best when most pairs are within the threshold (no
 * threshold, or the enclosing radius).
 *
 * <p>Reads ranks from the full square matrix, not the triangle: the ranks of w to a vertex v then
 * lie in v's row, consecutive as w steps down, where the triangle would put them in w's row, a
 * new cache line per step. Measured on unif2d_2000: 25–30 % faster for twice the rank memory.
 */
final class DenseCofacetEnumerator extends CofacetEnumerator {
    private final int[] ranks;
    private final int[] vertexRow;
    private int w;

    /** @param squareRanks {@link RankedDistances#squareRanks()}, shared between walks */
    DenseCofacetEnumerator(Binomials binomials, RankedDistances distances, int[] squareRanks, int maxVertices) {
        super(binomials, distances, maxVertices);
        this.ranks = squareRanks;
        this.vertexRow = new int[maxVertices];
    }

    @Override
    protected void reset() {
        w = distances.pointCount() - 1;
        for (int i = 0; i < vertexCount; i++) {
            vertexRow[i] = vertices[i] * distances.pointCount();
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
            int r = simplexRank;
            for (int i = 0; i < count; i++) {
                r = Math.max(r, ranks[vertexRow[i] + inserted]);
                if (r > maxRank) {
                    continue candidates;
                }
            }
            found(inserted, r);
            return true;
        }
        return false;
    }
}
