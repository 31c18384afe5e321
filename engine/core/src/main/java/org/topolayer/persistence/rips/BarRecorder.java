package org.topolayer.persistence.rips;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Turns the engine's pairs (ranks and simplex indices) into diagram bars with attribution
 * (docs/design.md §3). A simplex's value is attributed to its longest edge, the lexicographically
 * smallest vertex pair (smaller point first) among equal longest edges. Vertex births (value 0)
 * have sources -1, -1: a constant carries no gradient. Zero-length bars are not recorded.
 */
final class BarRecorder {
    private final Binomials binomials;
    private final RankedDistances distances;
    private final DiagramCollector collector;
    private final int[] vertices;
    private final int[] birthEdge = new int[2];
    private final int[] deathEdge = new int[2];

    BarRecorder(Binomials binomials, RankedDistances distances, ValueModel model, int maxDimension, int maxVertices) {
        this.binomials = binomials;
        this.distances = distances;
        this.collector = new DiagramCollector(model, maxDimension, 1);
        this.vertices = new int[maxVertices];
    }

    /** A component that dies when the edge with this rank and index joins it to an older one. */
    void componentDeath(int edgeRank, long edgeIndex) {
        if (distances.length(edgeRank) > 0) {
            longestEdge(edgeIndex, edgeRank, 1, deathEdge);
            collector.add(0, 0.0, distances.length(edgeRank), -1, -1, -1, deathEdge[0], deathEdge[1], -1);
        }
    }

    void essentialComponent() {
        collector.addEssential(0, 0.0, -1, -1, -1);
    }

    /** A class of dimension dim born at simplex (birthRank, birth), killed by cofacet (deathRank, death). */
    void pair(int dim, int birthRank, long birth, int deathRank, long death) {
        if (deathRank == birthRank) {
            return;
        }
        longestEdge(birth, birthRank, dim, birthEdge);
        longestEdge(death, deathRank, dim + 1, deathEdge);
        collector.add(dim, distances.length(birthRank), distances.length(deathRank),
                birthEdge[0], birthEdge[1], -1, deathEdge[0], deathEdge[1], -1);
    }

    void essential(int dim, int birthRank, long birth) {
        longestEdge(birth, birthRank, dim, birthEdge);
        collector.addEssential(dim, distances.length(birthRank), birthEdge[0], birthEdge[1], -1);
    }

    PersistenceDiagrams build() {
        return collector.build();
    }

    /** The lexicographically smallest pair (a &lt; b) of the simplex's vertices whose rank is {@code rank}. */
    private void longestEdge(long index, int rank, int dim, int[] out) {
        int count = dim + 1;
        binomials.vertices(index, count, distances.pointCount(), vertices);
        // vertices are largest first, so scan from the end for ascending order
        for (int i = count - 1; i > 0; i--) {
            for (int j = i - 1; j >= 0; j--) {
                if (distances.rankOrdered(vertices[j], vertices[i]) == rank) {
                    out[0] = vertices[i];
                    out[1] = vertices[j];
                    return;
                }
            }
        }
        throw new IllegalStateException("no edge of rank " + rank + " in simplex " + index);
    }
}
