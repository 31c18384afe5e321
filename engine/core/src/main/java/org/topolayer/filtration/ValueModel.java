package org.topolayer.filtration;

/**
 * How a simplex's filtration value is computed from the input entries it is attributed to
 * (docs/design.md §3). The gradient layers read this to turn dL/dvalue into dL/dinput.
 */
public enum ValueModel {
    /** Level sets: the value is {@code f[v]} of one vertex {@code v} (input entry = vertex index). */
    VERTEX_VALUE(1),
    /** Rips / weak alpha from points: the Euclidean distance between two points (entries = point indices). */
    EDGE_LENGTH(2),
    /** Rips from a distance matrix: the entry {@code D[i][j]} (entries = row and column). */
    DISTANCE_ENTRY(2),
    /** True alpha: the squared circumradius of up to three points in the plane (entries = point indices). */
    SQUARED_CIRCUMRADIUS(3);

    private final int sources;

    ValueModel(int sources) {
        this.sources = sources;
    }

    /** Maximum number of input entries one value depends on; unused slots hold -1. */
    public int sourcesPerValue() {
        return sources;
    }
}
