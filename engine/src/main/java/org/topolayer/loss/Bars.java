package org.topolayer.loss;

/** Shared checks and bar arithmetic for features: bars may be sublevel (b ≤ d) or superlevel (b ≥ d). */
final class Bars {
    private Bars() {}

    static void checkDiagram(double[] births, double[] deaths) {
        if (births.length != deaths.length) {
            throw new IllegalArgumentException("a diagram needs as many deaths as births, got " + births.length
                    + " births and " + deaths.length + " deaths");
        }
        for (int i = 0; i < births.length; i++) {
            if (Double.isNaN(births[i]) || Double.isNaN(deaths[i]) || Double.isInfinite(births[i])) {
                throw new IllegalArgumentException("bar " + i + " is (" + births[i] + ", " + deaths[i]
                        + "); births must be finite and deaths finite or ±∞");
            }
        }
    }

    static void checkGradient(double[] births, double[] upstream, int entries, double[] dBirths, double[] dDeaths) {
        if (upstream.length != entries) {
            throw new IllegalArgumentException("upstream gradient has " + upstream.length + " entries, the feature has "
                    + entries);
        }
        if (dBirths.length != births.length || dDeaths.length != births.length) {
            throw new IllegalArgumentException("gradient arrays have " + dBirths.length + " and " + dDeaths.length
                    + " entries, the diagram has " + births.length + " bars");
        }
    }

    static boolean isFinite(double[] deaths, int i) {
        return !Double.isInfinite(deaths[i]);
    }

    /** |d − b|. */
    static double length(double[] births, double[] deaths, int i) {
        return Math.abs(deaths[i] - births[i]);
    }

    /** ∂|d − b|/∂d (= −∂/∂b); 0 for a zero-length bar (a subgradient). */
    static double lengthSlope(double[] births, double[] deaths, int i) {
        return Math.signum(deaths[i] - births[i]);
    }

    /** Indices of finite bars (and non-zero ones if asked), longest first; equal lengths keep diagram order. */
    static int[] finiteByLength(double[] births, double[] deaths, boolean dropZero) {
        int n = 0;
        Integer[] order = new Integer[births.length];
        for (int i = 0; i < births.length; i++) {
            if (isFinite(deaths, i) && !(dropZero && deaths[i] == births[i])) {
                order[n++] = i;
            }
        }
        java.util.Arrays.sort(order, 0, n, (a, b) -> Double.compare(length(births, deaths, b), length(births, deaths, a)));
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = order[k];
        }
        return out;
    }

    static void checkDimension(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("homology dimension must be ≥ 0, got " + dimension);
        }
    }
}
