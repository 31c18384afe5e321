package org.topolayer.persistence.rips;

/**
 * For each point, its neighbours within the threshold with their ranks, sorted by neighbour
 * descending, in one flat array (CSR layout). Lets the sparse cofacet walk intersect neighbour
 * lists instead of trying all n points.
 */
final class NeighborLists {
    final int[] start;
    final int[] neighbor;
    final int[] rank;

    NeighborLists(RankedDistances distances) {
        int n = distances.pointCount();
        start = new int[n + 1];
        for (int a = 1; a < n; a++) {
            for (int b = 0; b < a; b++) {
                if (distances.rankOrdered(a, b) != RankedDistances.ABSENT) {
                    start[a + 1]++;
                    start[b + 1]++;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            start[a + 1] += start[a];
        }
        neighbor = new int[start[n]];
        rank = new int[start[n]];
        int[] fill = start.clone();
        for (int a = n - 1; a >= 0; a--) { // descending a: each list receives its entries in descending order
            for (int b = 0; b < n; b++) {
                if (b != a && distances.rank(b, a) != RankedDistances.ABSENT) {
                    int at = fill[b]++;
                    neighbor[at] = a;
                    rank[at] = distances.rank(b, a);
                }
            }
        }
    }
}
