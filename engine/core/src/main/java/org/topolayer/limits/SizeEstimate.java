package org.topolayer.limits;

/**
 * What a computation is estimated to need in memory before it runs, and how to make it smaller.
 * Estimates are deliberately on the high side (upper bounds where the count is combinatorial), so
 * that a computation inside its budget does not run out of memory.
 */
public interface SizeEstimate {
    /** Heap bytes the computation needs at its peak, inputs included. */
    long bytes();

    /** What is computed, for messages: "Rips up to H2 of 3000 points (about 4.4e9 triangles)". */
    String describe();

    /**
     * How to bring the computation within {@code budget} bytes, as options to change
     * ("use --threshold 0.31 or --maxdim 1"); a general hint when no option helps.
     */
    String remedy(long budget);

    /** A count for messages: exact below a million, else like "4.5e8". */
    static String approx(double count) {
        if (count < 1e6) {
            return Long.toString(Math.round(count));
        }
        return String.format(java.util.Locale.ROOT, "%.1e", count).replace("e+0", "e").replace("e+", "e");
    }

    /** C(x, k) for real x ≥ 0, 0 when x &lt; k: the simplex counts the estimates add up. */
    static double choose(double x, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c *= Math.max(0, x - i) / (i + 1);
        }
        return c;
    }
}
