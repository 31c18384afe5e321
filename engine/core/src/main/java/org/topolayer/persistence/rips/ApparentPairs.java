package org.topolayer.persistence.rips;

/**
 * Zero-persistence apparent pairs (σ, τ): τ is σ's first cofacet in filtration order and σ is
 * τ's last facet, both of the same diameter. Such pairs are known without reduction, so their
 * columns are skipped and their pivots resolved on demand. Owns its own cofacet walk so it can be
 * called while another walk is in progress. Callers that hold a simplex's vertices (largest first)
 * pass them, which saves decoding the index.
 */
final class ApparentPairs {
    private final Binomials binomials;
    private final RankedDistances distances;
    private final CofacetEnumerator cofacets;
    private final int[] decoded;
    private final int[] cofacetVertices;
    private final int[] facetVertices;
    private final int[] longestEdgesAt;
    /** Position (largest first) of the vertex the last found same-diameter facet drops. */
    private int droppedPosition;

    ApparentPairs(Binomials binomials, RankedDistances distances, CofacetEnumerator cofacets, int maxVertices) {
        this.binomials = binomials;
        this.distances = distances;
        this.cofacets = cofacets;
        this.decoded = new int[maxVertices];
        this.cofacetVertices = new int[maxVertices];
        this.facetVertices = new int[maxVertices];
        this.longestEdgesAt = new int[maxVertices];
    }

    /** The facet of the dim-simplex τ that is paired with it apparently, or -1. */
    long apparentFacet(long tau, int rank, int dim) {
        binomials.vertices(tau, dim + 1, distances.pointCount(), decoded);
        return apparentFacet(tau, rank, dim, decoded);
    }

    /** As {@link #apparentFacet(long, int, int)} with τ's vertices (largest first) known. */
    long apparentFacet(long tau, int rank, int dim, int[] tauVertices) {
        long facet = lastFacetOfSameDiameter(tau, rank, dim, tauVertices);
        return facet >= 0 && firstCofacetOfSameDiameter(facet, rank, dim - 1, facetVertices) == tau ? facet : -1;
    }

    /**
     * The position (largest first) in τ of the vertex that the facet last returned by {@link
     * #apparentFacet} drops: τ's coefficient in that facet's coboundary is (−1)^position.
     */
    int droppedPosition() {
        return droppedPosition;
    }

    /** The cofacet of the dim-simplex σ (vertices largest first) that is paired with it apparently, or -1. */
    long apparentCofacet(long sigma, int rank, int dim, int[] sigmaVertices) {
        long cofacet = firstCofacetOfSameDiameter(sigma, rank, dim, sigmaVertices);
        if (cofacet < 0) {
            return -1;
        }
        cofacets.cofacetVertices(cofacetVertices);
        return lastFacetOfSameDiameter(cofacet, rank, dim + 1, cofacetVertices) == sigma ? cofacet : -1;
    }

    boolean inApparentPair(long simplex, int rank, int dim, int[] vertices) {
        return apparentCofacet(simplex, rank, dim, vertices) >= 0 || apparentFacet(simplex, rank, dim, vertices) >= 0;
    }

    /**
     * σ's first cofacet in filtration order when it has σ's diameter: the walk goes by decreasing
     * index, and equal-diameter cofacets come in filtration order by decreasing index.
     */
    private long firstCofacetOfSameDiameter(long sigma, int rank, int dim, int[] sigmaVertices) {
        cofacets.start(sigma, rank, dim, false, sigmaVertices);
        return cofacets.next(rank) ? cofacets.index : -1; // cofacets never have a smaller rank
    }

    /**
     * τ's last facet in filtration order when it has τ's diameter: among equal-diameter facets the
     * one of smallest index, which is the one that drops the largest possible vertex. Leaves the
     * facet's vertices in {@link #facetVertices}.
     */
    private long lastFacetOfSameDiameter(long tau, int rank, int dim, int[] v) {
        int count = dim + 1;
        // a facet keeps τ's diameter iff some longest edge avoids the dropped vertex
        int longest = 0;
        for (int i = 0; i < count; i++) {
            longestEdgesAt[i] = 0;
        }
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (distances.rankOrdered(v[i], v[j]) == rank) {
                    longest++;
                    longestEdgesAt[i]++;
                    longestEdgesAt[j]++;
                }
            }
        }
        // dropping v[skip]: vertices before it lose one weight step, those after keep theirs
        long keptBelow = tau;
        long shiftedAbove = 0;
        for (int skip = 0; skip < count; skip++) {
            keptBelow -= binomials.get(v[skip], count - skip);
            if (longestEdgesAt[skip] < longest) {
                System.arraycopy(v, 0, facetVertices, 0, skip);
                System.arraycopy(v, skip + 1, facetVertices, skip, count - skip - 1);
                droppedPosition = skip;
                return shiftedAbove + keptBelow;
            }
            shiftedAbove += binomials.get(v[skip], count - skip - 1);
        }
        return -1;
    }
}
