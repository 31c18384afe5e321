package org.topolayer.limits;

import org.topolayer.complex.SimplicialComplex;
import org.topolayer.io.Simplices;

/**
 * Memory estimate of lower-star persistence on a listed complex: the builder adds every face of
 * every listed simplex (2^k − 1 for k vertices), and the filtration and reduction take those up to
 * dimension maxdim + 1. Faces shared by listed simplices are counted once per simplex, so this is
 * an upper bound (about 1.5× for a triangle mesh).
 */
public final class ComplexSize implements SizeEstimate {
    /** A face in the builder's table. */
    static final double BYTES_PER_FACE = 48;
    /** A simplex through the filtration and the sparse reduction (as measured for grids' complexes). */
    static final double BYTES_PER_SIMPLEX = 160;

    private final int listed;
    private final int vertices;
    private final int maxDimension;
    /** How many listed simplices have k vertices (larger ones are refused by the builder, with their line). */
    private final long[] bySize = new long[SimplicialComplex.Builder.MAX_VERTICES_PER_SIMPLEX + 1];

    private ComplexSize(Simplices simplices, int maxDimension) {
        this.listed = simplices.size();
        this.vertices = simplices.vertexCount();
        this.maxDimension = maxDimension;
        for (int i = 0; i < listed; i++) {
            int k = simplices.get(i).length;
            if (k < bySize.length) {
                bySize[k]++;
            }
        }
    }

    public static ComplexSize of(Simplices simplices, int maxDimension) {
        return new ComplexSize(simplices, maxDimension);
    }

    @Override
    public long bytes() {
        return bytesAt(maxDimension);
    }

    private long bytesAt(int maxdim) {
        double bytes = 8.0 * vertices + BYTES_PER_FACE * faces(Integer.MAX_VALUE)
                + BYTES_PER_SIMPLEX * faces(maxdim + 1);
        return (long) Math.min(bytes, Long.MAX_VALUE);
    }

    /** Upper bound of the simplices of dimension ≤ top: the vertices, plus each listed simplex's larger faces. */
    double faces(int top) {
        double total = vertices;
        for (int k = 2; k < bySize.length; k++) {
            double perSimplex = 0;
            for (int j = 2; j <= Math.min(k, (long) top + 1); j++) { // a face of dimension ≤ top has ≤ top + 1 vertices
                perSimplex += SizeEstimate.choose(k, j);
            }
            total += bySize[k] * perSimplex;
        }
        return total;
    }

    @Override
    public String describe() {
        return "lower-star persistence up to H" + maxDimension + " of " + listed + " listed simplices (at most "
                + SizeEstimate.approx(faces(Integer.MAX_VALUE)) + " faces)";
    }

    @Override
    public String remedy(long budget) {
        for (int k = maxDimension - 1; k >= 0; k--) {
            if (bytesAt(k) <= budget) {
                return "use --maxdim " + k;
            }
        }
        return "list fewer or smaller simplices (each simplex of k vertices brings 2^k - 1 faces)";
    }
}
