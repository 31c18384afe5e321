package org.topolayer.complex;

/**
 * A validated cloud of 1-D or 2-D points, stored as flat coordinate arrays (1-D points get
 * y = 0, so they are the collinear special case of 2-D). This is the input of the Delaunay and
 * alpha code; higher dimensions belong to the Rips filtration.
 */
public final class PlanarPoints {
    private final double[] xs;
    private final double[] ys;
    private final int dimension;

    private PlanarPoints(double[] xs, double[] ys, int dimension) {
        this.xs = xs;
        this.ys = ys;
        this.dimension = dimension;
    }

    /**
     * Copies and checks {@code points} (one row per point).
     *
     * @throws IllegalArgumentException if rows are not all of length 1 or all of length 2, or a
     *     coordinate is NaN or infinite (the message names the row)
     */
    public static PlanarPoints of(double[][] points) {
        if (points == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        int n = points.length;
        int dim = n == 0 ? 2 : rowLength(points, 0);
        if (n > 0 && dim != 1 && dim != 2) {
            throw new IllegalArgumentException("alpha filtrations need 1-D or 2-D points, got " + dim
                    + "-D points; use the Rips filtration for higher dimensions");
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            int len = rowLength(points, i);
            if (len != dim) {
                throw new IllegalArgumentException("row " + i + " has " + len + " coordinates, expected " + dim);
            }
            for (int k = 0; k < dim; k++) {
                if (!Double.isFinite(points[i][k])) {
                    throw new IllegalArgumentException("row " + i + " has a non-finite coordinate: " + points[i][k]);
                }
            }
            xs[i] = points[i][0] + 0.0; // -0.0 → 0.0: equal points must compare equal
            ys[i] = dim == 2 ? points[i][1] + 0.0 : 0.0;
        }
        return new PlanarPoints(xs, ys, dim);
    }

    private static int rowLength(double[][] points, int i) {
        if (points[i] == null) {
            throw new IllegalArgumentException("row " + i + " is null");
        }
        return points[i].length;
    }

    public int size() {
        return xs.length;
    }

    /** 1 or 2 (2 for an empty cloud). */
    public int dimension() {
        return dimension;
    }

    public double x(int i) {
        return xs[i];
    }

    /** The second coordinate, 0 for 1-D points. */
    public double y(int i) {
        return ys[i];
    }

    /** Euclidean distance between points i and j. */
    public double distance(int i, int j) {
        return Math.sqrt(squaredDistance(i, j));
    }

    public double squaredDistance(int i, int j) {
        double dx = xs[i] - xs[j];
        double dy = ys[i] - ys[j];
        return dx * dx + dy * dy;
    }

    int orient(int a, int b, int c) {
        return Predicates.orient(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]);
    }

    /** See {@link Predicates#inCircle}; a, b, c counter-clockwise. */
    int inCircle(int a, int b, int c, int d) {
        return Predicates.inCircle(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c], xs[d], ys[d]);
    }

    /** True when p lies strictly inside the circle with diameter ab. */
    boolean insideDiametralCircle(int a, int b, int p) {
        return Predicates.diametral(xs[a], ys[a], xs[b], ys[b], xs[p], ys[p]) < 0;
    }

    /** Lexicographic (x, then y) comparison of points i and j. */
    int compareLexicographic(int i, int j) {
        int c = Double.compare(xs[i], xs[j]);
        return c != 0 ? c : Double.compare(ys[i], ys[j]);
    }
}
