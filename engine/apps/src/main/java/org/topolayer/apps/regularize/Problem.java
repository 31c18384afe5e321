package org.topolayer.apps.regularize;

import java.util.List;
import java.util.Random;

/**
 * The true weight vectors β₀ of the regularization experiment (the paper's Figures 8–9). Two
 * "cluster" problems, whose entries take a few values in random order (the topological penalty
 * reads β as a 1-D point cloud), and three "signal" problems, whose entries form a curve with
 * three peaks (the topological penalty reads β as a 1-D signal).
 */
public enum Problem {
    /** Entries drawn uniformly from {−1, 0, 1}. */
    MINUS_ZERO_ONE("minus-zero-one", false),
    /** Entries drawn uniformly from {1, 2, 3}. */
    ONE_TWO_THREE("one-two-three", false),
    /**
     * Three piecewise-linear teeth rising from −1 toward 1 and dropping back: the authors'
     * {@code (t mod 1)·2 − 1} on t = linspace(0, 3, p).
     */
    SAWTOOTH("sawtooth", true),
    /** Three periods of a sine, sin(2π · 3i/p). */
    SINUSOID("sinusoid", true),
    /** Three boxes of height 1 on a zero background. */
    BOXCAR("boxcar", true);

    private final String id;
    private final boolean signal;

    Problem(String id, boolean signal) {
        this.id = id;
        this.signal = signal;
    }

    /** The name used in configs, tables and metrics. */
    public String id() {
        return id;
    }

    /** True when β is a signal (penalties read its order); false for clusters of values. */
    public boolean isSignal() {
        return signal;
    }

    public static Problem byId(String id) {
        for (Problem p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown problem " + id);
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(Problem::id).toList();
    }

    /** β₀ of length p (random for the cluster problems, fixed for the signals). */
    public double[] trueWeights(int p, Random rng) {
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            double t = 3.0 * i / p; // three periods over the vector
            double frac = t - Math.floor(t);
            b[i] = switch (this) {
                case MINUS_ZERO_ONE -> rng.nextInt(3) - 1;
                case ONE_TWO_THREE -> rng.nextInt(3) + 1;
                case SAWTOOTH -> {
                    double u = p == 1 ? 0 : 3.0 * i / (p - 1); // linspace(0, 3, p), as the authors' problems.py
                    yield -1 + 2 * (u - Math.floor(u));
                }
                case SINUSOID -> Math.sin(2 * Math.PI * t);
                case BOXCAR -> frac >= 0.25 && frac < 0.75 ? 1 : 0;
            };
        }
        return b;
    }

    /** A regression data set: X (row-major n×p, N(0,1) entries) and y = Xβ₀ + ε, ε ~ N(0, noise²). */
    public record Data(double[] x, double[] y, int n, int p) {
        /** The rows listed, as a new data set. */
        public Data rows(int[] idx) {
            double[] xs = new double[idx.length * p];
            double[] ys = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                System.arraycopy(x, idx[k] * p, xs, k * p, p);
                ys[k] = y[idx[k]];
            }
            return new Data(xs, ys, idx.length, p);
        }
    }

    /** n samples of the linear model with true weights {@code beta0} and noise standard deviation {@code noise}. */
    public static Data sample(double[] beta0, int n, double noise, Random rng) {
        int p = beta0.length;
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                double v = rng.nextGaussian();
                x[r * p + i] = v;
                s += v * beta0[i];
            }
            y[r] = s + noise * rng.nextGaussian();
        }
        return new Data(x, y, n, p);
    }
}
