package org.topolayer.complex;

import java.util.Arrays;
import org.topolayer.filtration.SimplexTable;

/**
 * A finite abstract simplicial complex over vertex ids 0..vertexCount()-1. Built from any list of
 * simplices: all their faces are added and duplicates are merged, so a user may list only the
 * maximal simplices. Immutable once built.
 */
public final class SimplicialComplex {
    private final SimplexTable table;
    private final int vertexCount;
    private final int maxDimension;

    private SimplicialComplex(SimplexTable table, int vertexCount, int maxDimension) {
        this.table = table;
        this.vertexCount = vertexCount;
        this.maxDimension = maxDimension;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return table.size();
    }

    /** One more than the largest vertex id. */
    public int vertexCount() {
        return vertexCount;
    }

    /** Largest simplex dimension, -1 when empty. */
    public int maxDimension() {
        return maxDimension;
    }

    public int dimension(int id) {
        return table.dimension(id);
    }

    public int vertex(int id, int k) {
        return table.vertex(id, k);
    }

    public int[] vertices(int id) {
        return table.vertices(id);
    }

    /** Collects simplices, closing them under faces. */
    public static final class Builder {
        /** Bound on simplex size: face closure enumerates 2^k subsets. */
        public static final int MAX_VERTICES_PER_SIMPLEX = 16;
        private final SimplexTable table = new SimplexTable(1024);
        private final int[] sorted = new int[MAX_VERTICES_PER_SIMPLEX];
        private final int[] face = new int[MAX_VERTICES_PER_SIMPLEX];
        private int vertexCount;
        private int maxDimension = -1;

        private Builder() {}

        /**
         * Adds a simplex and all its faces.
         *
         * @throws IllegalArgumentException for an empty simplex, a negative or repeated vertex id,
         *     or more than {@value #MAX_VERTICES_PER_SIMPLEX} vertices
         */
        public Builder add(int... vertices) {
            int len = vertices.length;
            if (len == 0 || len > MAX_VERTICES_PER_SIMPLEX) {
                throw new IllegalArgumentException("a simplex needs 1.." + MAX_VERTICES_PER_SIMPLEX
                        + " vertices, got " + len);
            }
            System.arraycopy(vertices, 0, sorted, 0, len);
            Arrays.sort(sorted, 0, len);
            for (int k = 0; k < len; k++) {
                if (sorted[k] < 0) {
                    throw new IllegalArgumentException("negative vertex id " + sorted[k]);
                }
                if (k > 0 && sorted[k] == sorted[k - 1]) {
                    throw new IllegalArgumentException("vertex " + sorted[k] + " repeated in simplex "
                            + Arrays.toString(vertices));
                }
            }
            if (table.find(sorted, 0, len) >= 0) {
                return this; // already present, and so are its faces
            }
            vertexCount = Math.max(vertexCount, sorted[len - 1] + 1);
            maxDimension = Math.max(maxDimension, len - 1);
            for (int mask = 1; mask < (1 << len); mask++) {
                int m = 0;
                for (int k = 0; k < len; k++) {
                    if ((mask & (1 << k)) != 0) {
                        face[m++] = sorted[k];
                    }
                }
                table.add(face, 0, m);
            }
            return this;
        }

        public SimplicialComplex build() {
            return new SimplicialComplex(table, vertexCount, maxDimension);
        }
    }
}
