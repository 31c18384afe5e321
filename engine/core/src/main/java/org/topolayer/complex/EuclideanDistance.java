package org.topolayer.complex;

/**
 * The one Euclidean distance of the library's Rips code. Every Rips path (explicit complex, fast
 * engine, layers) calls this method, so equal inputs give bit-identical filtration values.
 */
public final class EuclideanDistance {
    private EuclideanDistance() {}

    /** sqrt(Σ (a[k] − b[k])²), summed in coordinate order; the arrays must have equal length. */
    public static double between(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double t = a[k] - b[k];
            sum += t * t;
        }
        return Math.sqrt(sum);
    }
}
