package org.topolayer.persistence.rips;

/**
 * Zero-persistence apparent pairs (σ, τ): τ is σ's first cofacet in filtration order and σ is
 * τ's last facet, both of the same diameter. Such pairs are known without reduction, so their
 * columns are skipped and their pivots resolved on demand. Owns its own cofacet walk so it can be
 * called while another walk is in progress.
 */
final class ApparentPairs {
    private final Binomials binomials;
    private final RankedDistances distances;
    private final CofacetEnumerator cofacets;
    private final int[] vertices;
    private final int[] longestEdgesAt;

    ApparentPairs(Binomials binomials, RankedDistances distances, CofacetEnumerator cofacets, int maxVertices) {
        this.binomials = binomials;
        this.distances = distances;
        this.cofacets = cofacets;
        this.vertices = new int[maxVertices];
        this.longestEdgesAt = new int[maxVertices];
    }

    /** The facet of the dim-simplex τ that is paired with it apparently, or -1. */
    long apparentFacet(long tau, int rank, int dim) {
        long facet = lastFacetOfSameDiameter(tau, rank, dim);
        return facet >= 0 && firstCofacetOfSameDiameter(facet, rank, dim - 1) == tau ? facet : -1;
    }

    /** The cofacet of the dim-simplex σ that is paired with it apparently, or -1. */
    long apparentCofacet(long sigma, int rank, int dim) {
        long cofacet = firstCofacetOfSameDiameter(sigma, rank, dim);
        return cofacet >= 0 && lastFacetOfSameDiameter(cofacet, rank, dim + 1) == sigma ? cofacet : -1;
    }

    boolean inApparentPair(long simplex, int rank, int dim) {
        return apparentCofacet(simplex, rank, dim) >= 0 || apparentFacet(simplex, rank, dim) >= 0;
    }

    /**
     * σ's first cofacet in filtration order when it has σ's diameter: the walk goes by decreasing
     * index, and equal-diameter cofacets come in filtration order by decreasing index.
     */
    long firstCofacetOfSameDiameter(long sigma, int rank, int dim) {
        cofacets.start(sigma, rank, dim, false);
        return cofacets.next(rank) ? cofacets.index : -1; // cofacets never have a smaller rank
    }

    /**
     * τ's last facet in filtration order when it has τ's diameter: among equal-diameter facets the
     * one of smallest index, which is the one that drops the largest possible vertex.
     */
    long lastFacetOfSameDiameter(long tau, int rank, int dim) {
        int count = dim + 1;
        int[] v = vertices;
        binomials.vertices(tau, count, distances.pointCount(), v);
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
                return shiftedAbove + keptBelow;
            }
            shiftedAbove += binomials.get(v[skip], count - skip - 1);
        }
        return -1;
    }
}
