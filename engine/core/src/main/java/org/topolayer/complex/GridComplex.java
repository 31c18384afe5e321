package org.topolayer.complex;

/**
 * The Freudenthal (Kuhn) triangulation of a 1-, 2- or 3-D grid of vertices in row-major order
 * (docs/design.md §2): every unit cube with base vertex v is split into the simplices
 * v, v+e_π(1), v+e_π(1)+e_π(2), … for each permutation π of the axes. In 2-D this gives the edges
 * right, down and down-right diagonal, and the triangles {(r,c),(r,c+1),(r+1,c+1)} and
 * {(r,c),(r+1,c),(r+1,c+1)} (TopologyLayer's init_freudenthal_2d). Axes of length 1 are ignored,
 * so a 1×N image or an N×1×1 volume is a path.
 */
public final class GridComplex {
    private GridComplex() {}

    /** The complex of a grid of the given shape, up to simplices of {@code maxDimension}. */
    public static SimplicialComplex freudenthal(int[] shape, int maxDimension) {
        if (shape.length < 1 || shape.length > 3) {
            throw new IllegalArgumentException("grids have 1 to 3 axes, got " + shape.length);
        }
        int[] stride = new int[shape.length];
        long total = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            if (shape[a] < 0) {
                throw new IllegalArgumentException("negative grid size " + shape[a]);
            }
            stride[a] = (int) total;
            total *= shape[a];
        }
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        if (total == 0) {
            return b.build();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid too large: " + total + " vertices");
        }
        int[] axes = java.util.stream.IntStream.range(0, shape.length).filter(a -> shape[a] > 1).toArray();
        int k = axes.length;
        int[][] perms = permutations(k);
        int[] simplex = new int[k + 1];
        for (int v = 0; v < total; v++) {
            b.add(v);
            if (!isCubeBase(v, shape, stride, axes)) {
                continue;
            }
            for (int[] perm : perms) {
                simplex[0] = v;
                for (int j = 0; j < k; j++) {
                    simplex[j + 1] = simplex[j] + stride[axes[perm[j]]];
                }
                addFaces(b, simplex, k + 1, maxDimension);
            }
        }
        return b.build();
    }

    private static boolean isCubeBase(int v, int[] shape, int[] stride, int[] axes) {
        if (axes.length == 0) {
            return false;
        }
        for (int a : axes) {
            if ((v / stride[a]) % shape[a] == shape[a] - 1) {
                return false;
            }
        }
        return true;
    }

    /** Adds the simplex, or its faces of dimension maxDimension when it is too big. */
    private static void addFaces(SimplicialComplex.Builder b, int[] simplex, int len, int maxDimension) {
        if (len - 1 <= maxDimension) {
            b.add(java.util.Arrays.copyOf(simplex, len));
            return;
        }
        int faceLen = maxDimension + 1;
        if (faceLen <= 0) {
            return;
        }
        int[] face = new int[faceLen];
        for (int mask = 0; mask < (1 << len); mask++) {
            if (Integer.bitCount(mask) != faceLen) {
                continue;
            }
            int m = 0;
            for (int j = 0; j < len; j++) {
                if ((mask & (1 << j)) != 0) {
                    face[m++] = simplex[j];
                }
            }
            b.add(face.clone());
        }
    }

    private static int[][] permutations(int k) {
        return switch (k) {
            case 0 -> new int[0][];
            case 1 -> new int[][] {{0}};
            case 2 -> new int[][] {{0, 1}, {1, 0}};
            default -> new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        };
    }
}
