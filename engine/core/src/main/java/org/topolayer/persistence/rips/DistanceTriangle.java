package org.topolayer.persistence.rips;

import org.topolayer.complex.EuclideanDistance;

/**
 * Validates Rips inputs and flattens them to the compressed lower triangle: the distance of
 * points a &gt; b at C(a, 2) + b. Messages name the offending row and column.
 */
final class DistanceTriangle {
    /** Largest n whose triangle fits in one Java array. */
    static final int MAX_POINTS = 65_535;

    private DistanceTriangle() {}

    static double[] ofPoints(double[][] points) {
        checkPoints(points);
        int n = checkSize(points.length);
        double[] triangle = new double[pairCount(n)];
        int at = 0;
        for (int a = 1; a < n; a++) {
            for (int b = 0; b < a; b++) {
                triangle[at++] = EuclideanDistance.between(points[a], points[b]);
            }
        }
        return triangle;
    }

    static double[] ofMatrix(double[][] d) {
        if (d == null) {
            throw new IllegalArgumentException("distance matrix must not be null");
        }
        int n = checkSize(d.length);
        for (int i = 0; i < n; i++) {
            if (d[i] == null || d[i].length != n) {
                throw new IllegalArgumentException("distance matrix is not square: row " + i + " has "
                        + (d[i] == null ? "no" : String.valueOf(d[i].length)) + " entries, expected " + n);
            }
        }
        double[] triangle = new double[pairCount(n)];
        int at = 0;
        for (int a = 0; a < n; a++) {
            if (d[a][a] != 0) {
                throw new IllegalArgumentException("distance matrix diagonal entry [" + a + "][" + a + "] is "
                        + d[a][a] + ", expected 0");
            }
            for (int b = 0; b < a; b++) {
                double x = d[a][b];
                if (!(x >= 0) || x == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("distance matrix entry [" + a + "][" + b + "] is " + x
                            + ", expected a finite non-negative number");
                }
                if (Double.compare(x + 0.0, d[b][a] + 0.0) != 0) {
                    throw new IllegalArgumentException("distance matrix is not symmetric: [" + a + "][" + b
                            + "] is " + x + " but [" + b + "][" + a + "] is " + d[b][a]);
                }
                triangle[at++] = x + 0.0;
            }
        }
        return triangle;
    }

    /** Every point non-null, finite and of the first point's length (any number of points). */
    static void checkPoints(double[][] points) {
        if (points == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        int dim = points.length == 0 ? 0 : checkRow(points, 0, -1);
        for (int i = 1; i < points.length; i++) {
            checkRow(points, i, dim);
        }
    }

    /** min over points of the largest distance to any other point; 0 for fewer than two points. */
    static double enclosingRadius(double[] triangle, int n) {
        if (n < 2) {
            return 0;
        }
        double[] farthest = new double[n];
        int at = 0;
        for (int a = 1; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double x = triangle[at++];
                farthest[a] = Math.max(farthest[a], x);
                farthest[b] = Math.max(farthest[b], x);
            }
        }
        double radius = Double.POSITIVE_INFINITY;
        for (double f : farthest) {
            radius = Math.min(radius, f);
        }
        return radius;
    }

    /** n(n−1)/2, computed without int overflow (n ≤ MAX_POINTS keeps the result an int). */
    static int pairCount(int n) {
        return (int) ((long) n * (n - 1) / 2);
    }

    private static int checkSize(int n) {
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException(n + " points: at most " + MAX_POINTS + " are supported without a"
                    + " threshold (with one, the sparse path has no such limit)");
        }
        return n;
    }

    /** Checks row i (all finite, {@code expected} coordinates unless -1); returns its length. */
    private static int checkRow(double[][] points, int i, int expected) {
        double[] p = points[i];
        if (p == null) {
            throw new IllegalArgumentException("point " + i + " is null");
        }
        if (expected >= 0 && p.length != expected) {
            throw new IllegalArgumentException("point " + i + " has " + p.length + " coordinates, expected "
                    + expected + " (ragged rows)");
        }
        for (int k = 0; k < p.length; k++) {
            if (!Double.isFinite(p[k])) {
                throw new IllegalArgumentException("point " + i + ", coordinate " + k + " is " + p[k]
                        + ": coordinates must be finite");
            }
        }
        return p.length;
    }
}
