package org.topolayer.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToDoubleFunction;

/** Central finite differences against an analytic gradient, in double precision. */
public final class GradientCheck {
    private GradientCheck() {}

    /**
     * Checks {@code gradient[i] ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h} for at most {@code maxEntries}
     * entries spread over x.
     */
    public static void assertMatches(ToDoubleFunction<double[]> f, double[] x, double[] gradient, int maxEntries,
                                     String what) {
        assertEquals(x.length, gradient.length, what + ": gradient length");
        double h = 1e-6;
        int step = Math.max(1, x.length / maxEntries);
        for (int i = 0; i < x.length; i += step) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
            double tolerance = 1e-5 * Math.max(1, Math.abs(numeric));
            assertEquals(numeric, gradient[i], tolerance, what + ": d/dx[" + i + "]");
        }
    }
}
