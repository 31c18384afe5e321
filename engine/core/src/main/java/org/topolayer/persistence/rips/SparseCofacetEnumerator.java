package org.topolayer.persistence.rips;

/**
 * Cofacet walk that intersects the simplex's vertices' neighbour lists: only points within the
 * threshold of every vertex are visited. Best when the threshold keeps a small part of the
 * pairs.
 */
final class SparseCofacetEnumerator extends CofacetEnumerator {
    private final NeighborLists lists;
    private final int[] cursor;

    SparseCofacetEnumerator(Binomials binomials, RankedDistances distances, NeighborLists lists,
                            int maxVertices) {
        super(binomials, distances, maxVertices);
        this.lists = lists;
        this.cursor = new int[maxVertices];
    }

    @Override
    protected void reset() {
        for (int i = 0; i < vertexCount; i++) {
            cursor[i] = lists.start[vertices[i]];
        }
    }

    @Override
    boolean next(int maxRank) {
        int[] v = vertices;
        int[] nb = lists.neighbor;
        int[] nr = lists.rank;
        int[] end = lists.start;
        int count = vertexCount;
        int lowest = onlyAboveTop ? v[0] + 1 : 0;
        // drive the walk from the smallest vertex's list; the others follow by merging
        int driver = count - 1;
        int driverEnd = end[v[driver] + 1];
        candidates:
        while (cursor[driver] < driverEnd) {
            int at = cursor[driver]++;
            int w = nb[at];
            if (w < lowest) {
                return false;
            }
            int r = Math.max(simplexRank, nr[at]);
            if (r > maxRank) {
                continue;
            }
            for (int i = 0; i < driver; i++) {
                int c = cursor[i];
                int listEnd = end[v[i] + 1];
                while (c < listEnd && nb[c] > w) {
                    c++;
                }
                cursor[i] = c;
                if (c == listEnd) {
                    return false;
                }
                if (nb[c] != w) {
                    continue candidates;
                }
                r = Math.max(r, nr[c]);
                if (r > maxRank) {
                    continue candidates;
                }
            }
            while (passed < count && v[passed] > w) {
                passVertex();
            }
            found(w, r);
            return true;
        }
        return false;
    }
}
