package org.topolayer.apps.regularize;

/**
 * Adam (Kingma and Ba) on a double[] of parameters, with the usual defaults β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8 and bias correction. Not thread-safe: one instance per optimization.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int size) {
        m = new double[size];
        v = new double[size];
    }

    /** One step of size {@code lr} against {@code gradient}, in place on {@code params}. */
    public void step(double[] params, double[] gradient, double lr) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t), c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
        }
    }
}
