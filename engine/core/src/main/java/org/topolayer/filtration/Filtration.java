package org.topolayer.filtration;

import java.util.Arrays;
import org.topolayer.util.IntSort;

/**
 * A finite simplicial complex with a value per simplex, in filtration order: values are
 * non-decreasing, ties broken by dimension and then by the lexicographic order of the ascending
 * vertex lists (docs/design.md §2), so the order does not depend on how simplices were added.
 *
 * <p>Values are stored in sublevel form: a superlevel filtration of f is held as the sublevel
 * filtration of -f with {@link #reportSign()} = -1, and diagrams multiply by that sign when they
 * report values. Each simplex carries the input entries its value depends on ({@link ValueModel}),
 * which is what makes diagrams differentiable.
 *
 * <p>Immutable; storage is flat primitive arrays. Build with {@link #builder}.
 */
public final class Filtration {
    private final int size;
    private final int maxDimension;
    private final int[] vertexStart;
    private final int[] vertices;
    private final double[] values;
    private final int[] facetStart; // facets of simplex i: facets[facetStart[i] .. +dim+1), none for vertices
    private final int[] facets;
    private final int[] sources;
    private final ValueModel model;
    private final int reportSign;

    private Filtration(int size, int maxDimension, int[] vertexStart, int[] vertices, double[] values,
                       int[] facetStart, int[] facets, int[] sources, ValueModel model, int reportSign) {
        this.size = size;
        this.maxDimension = maxDimension;
        this.vertexStart = vertexStart;
        this.vertices = vertices;
        this.values = values;
        this.facetStart = facetStart;
        this.facets = facets;
        this.sources = sources;
        this.model = model;
        this.reportSign = reportSign;
    }

    public static Builder builder(ValueModel model, int reportSign) {
        return new Builder(model, reportSign);
    }

    public int size() {
        return size;
    }

    /** Largest simplex dimension present, -1 when empty. */
    public int maxDimension() {
        return maxDimension;
    }

    public int dimension(int i) {
        return vertexStart[i + 1] - vertexStart[i] - 1;
    }

    public int vertex(int i, int k) {
        return vertices[vertexStart[i] + k];
    }

    public int[] vertices(int i) {
        return Arrays.copyOfRange(vertices, vertexStart[i], vertexStart[i + 1]);
    }

    /** Sublevel-form value of simplex i (non-decreasing in i). */
    public double value(int i) {
        return values[i];
    }

    /** Filtration index of the facet of simplex i opposite its k-th vertex; dimension(i) ≥ 1. */
    public int facet(int i, int k) {
        return facets[facetStart[i] + k];
    }

    public ValueModel valueModel() {
        return model;
    }

    /** +1 for sublevel, -1 for superlevel: reported value = reportSign × value(i). */
    public int reportSign() {
        return reportSign;
    }

    /** The k-th input entry that simplex i's value depends on, or -1. */
    public int source(int i, int k) {
        return sources[i * model.sourcesPerValue() + k];
    }

    /** Collects simplices in any order, then sorts them into a validated filtration. */
    public static final class Builder {
        private final ValueModel model;
        private final int reportSign;
        private final SimplexTable table = new SimplexTable(1024);
        private double[] values = new double[1024];
        private int[] sources = new int[1024];
        private final int[] scratch = new int[64];

        private Builder(ValueModel model, int reportSign) {
            if (reportSign != 1 && reportSign != -1) {
                throw new IllegalArgumentException("reportSign must be +1 or -1");
            }
            this.model = model;
            this.reportSign = reportSign;
        }

        public int size() {
            return table.size();
        }

        /**
         * Adds a simplex with its (sublevel-form) value and the input entries that value depends
         * on. Vertices may be in any order; adding the same simplex twice is an error.
         */
        public Builder add(int[] simplex, double value, int... valueSources) {
            int len = simplex.length;
            if (len == 0 || len > scratch.length) {
                throw new IllegalArgumentException("simplex must have 1.." + scratch.length + " vertices");
            }
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("NaN filtration value for simplex " + Arrays.toString(simplex));
            }
            System.arraycopy(simplex, 0, scratch, 0, len);
            Arrays.sort(scratch, 0, len);
            for (int k = 0; k < len; k++) {
                if (scratch[k] < 0 || (k > 0 && scratch[k] == scratch[k - 1])) {
                    throw new IllegalArgumentException("bad vertex list " + Arrays.toString(simplex));
                }
            }
            int before = table.size();
            int id = table.add(scratch, 0, len);
            if (id != before) {
                throw new IllegalArgumentException("simplex added twice: " + Arrays.toString(simplex));
            }
            int stride = model.sourcesPerValue();
            if (values.length <= id) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            if (sources.length < (id + 1) * stride) {
                sources = Arrays.copyOf(sources, Math.max(sources.length * 2, (id + 1) * stride));
            }
            values[id] = value + 0.0; // -0.0 → 0.0, so sort order and the face check agree
            for (int k = 0; k < stride; k++) {
                sources[id * stride + k] = k < valueSources.length ? valueSources[k] : -1;
            }
            return this;
        }

        /**
         * Sorts into filtration order and checks that every face of every simplex is present with
         * a value no larger than the simplex's.
         *
         * @throws IllegalArgumentException naming the first missing or later face
         */
        public Filtration build() {
            int n = table.size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            IntSort.sort(order, this::compare);
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                rank[order[i]] = i;
            }
            int stride = model.sourcesPerValue();
            int[] vStart = new int[n + 1];
            int maxDim = -1;
            for (int i = 0; i < n; i++) {
                int d = table.dimension(order[i]);
                vStart[i + 1] = vStart[i] + d + 1;
                maxDim = Math.max(maxDim, d);
            }
            int[] verts = new int[vStart[n]];
            double[] vals = new double[n];
            int[] srcs = new int[n * stride];
            int[] fStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                int len = vStart[i + 1] - vStart[i];
                fStart[i + 1] = fStart[i] + (len > 1 ? len : 0);
            }
            int[] facetIdx = new int[fStart[n]];
            int[] face = new int[scratch.length];
            for (int i = 0; i < n; i++) {
                int id = order[i];
                int len = vStart[i + 1] - vStart[i];
                for (int k = 0; k < len; k++) {
                    verts[vStart[i] + k] = table.vertex(id, k);
                }
                vals[i] = values[id];
                System.arraycopy(sources, id * stride, srcs, i * stride, stride);
                if (len == 1) {
                    continue;
                }
                for (int k = 0; k < len; k++) {
                    int m = 0;
                    for (int j = 0; j < len; j++) {
                        if (j != k) {
                            face[m++] = verts[vStart[i] + j];
                        }
                    }
                    int faceId = table.find(face, 0, len - 1);
                    if (faceId < 0) {
                        throw new IllegalArgumentException("face " + Arrays.toString(Arrays.copyOf(face, len - 1))
                                + " of simplex " + Arrays.toString(table.vertices(id)) + " is missing");
                    }
                    if (values[faceId] > values[id]) {
                        throw new IllegalArgumentException("face " + Arrays.toString(Arrays.copyOf(face, len - 1))
                                + " has value " + values[faceId] + " above its coface "
                                + Arrays.toString(table.vertices(id)) + " (" + values[id] + ")");
                    }
                    facetIdx[fStart[i] + k] = rank[faceId];
                }
            }
            return new Filtration(n, maxDim, vStart, verts, vals, fStart, facetIdx, srcs, model, reportSign);
        }

        private int compare(int a, int b) {
            int c = Double.compare(values[a], values[b]);
            if (c != 0) {
                return c;
            }
            int da = table.dimension(a), db = table.dimension(b);
            if (da != db) {
                return Integer.compare(da, db);
            }
            for (int k = 0; k <= da; k++) {
                c = Integer.compare(table.vertex(a, k), table.vertex(b, k));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
