package org.topolayer.persistence.rips;

/**
 * For each point, its neighbours within the threshold with their ranks, sorted by neighbour
 * descending, in one flat array (CSR layout). Lets the sparse cofacet walk intersect neighbour
 * lists instead of trying all n points, and is the sparse path's only storage of the distances.
 */
final class NeighborLists {
    final int[] start;
    final int[] neighbor;
    final int[] rank;

    private NeighborLists(int[] start, int[] neighbor, int[] rank) {
        this.start = start;
        this.neighbor = neighbor;
        this.rank = rank;
    }

    /** The lists of a dense triangle (O(n²): every pair is looked at). */
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

    /**
     * The lists of m edges (O(n + m)): each edge enters both endpoints' lists. Two counting passes
     * sort the 2m entries by neighbour descending, then (stably) by owner.
     */
    static NeighborLists ofEdges(int n, PointNeighbors.Edges edges, int[] rankOfEdge) {
        int m = edges.size;
        int[] byNeighbor = new int[n + 1]; // entries per neighbour, counted from the largest neighbour down
        for (int e = 0; e < m; e++) {
            byNeighbor[n - 1 - edges.high[e] + 1]++;
            byNeighbor[n - 1 - edges.low[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            byNeighbor[v + 1] += byNeighbor[v];
        }
        // entry 2e is (owner low, neighbour high), entry 2e+1 is (owner high, neighbour low)
        int[] sorted = new int[2 * m];
        for (int e = 0; e < m; e++) {
            sorted[byNeighbor[n - 1 - edges.high[e]]++] = 2 * e;
            sorted[byNeighbor[n - 1 - edges.low[e]]++] = 2 * e + 1;
        }
        int[] start = new int[n + 1];
        for (int e = 0; e < m; e++) {
            start[edges.high[e] + 1]++;
            start[edges.low[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] neighbor = new int[2 * m];
        int[] rank = new int[2 * m];
        int[] fill = start.clone();
        for (int entry : sorted) {
            int e = entry >>> 1;
            boolean ownerIsLow = (entry & 1) == 0;
            int owner = ownerIsLow ? edges.low[e] : edges.high[e];
            int at = fill[owner]++;
            neighbor[at] = ownerIsLow ? edges.high[e] : edges.low[e];
            rank[at] = rankOfEdge[e];
        }
        return new NeighborLists(start, neighbor, rank);
    }

    /** The rank of the pair (a, b), or {@link RankedDistances#ABSENT}: binary search in a's list. */
    int rankOf(int a, int b) {
        int lo = start[a], hi = start[a + 1] - 1; // descending neighbours
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int w = neighbor[mid];
            if (w == b) {
                return rank[mid];
            }
            if (w > b) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return RankedDistances.ABSENT;
    }
}
