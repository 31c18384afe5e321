package org.topolayer.apps.regularize;

import java.util.Random;

/**
 * k-fold cross-validation of λ over a grid: for each λ, the mean held-out MSE over the folds of a
 * fit on the other folds; the λ with the least mean wins (the larger λ on exact ties), and the
 * model is refit on all the data with it.
 */
public final class CrossValidation {
    /** The chosen λ, its mean held-out MSE, every λ's mean held-out MSE, and β refit on all the data. */
    public record Result(double lambda, double cvError, double[] errors, double[] beta) {}

    private CrossValidation() {}

    /** A log-spaced grid of {@code count} values from lo to hi (both included). */
    public static double[] logGrid(double lo, double hi, int count) {
        if (!(lo > 0) || !(hi >= lo) || count < 1) {
            throw new IllegalArgumentException("need 0 < lo <= hi and count >= 1, got " + lo + ", " + hi + ", " + count);
        }
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            double v = count == 1 ? lo : Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (count - 1));
            g[i] = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue(); // 1e-3, not 1.0000000000000002E-3
        }
        return g;
    }

    /** Folds of a random permutation of 0..n−1, as equal as possible. */
    public static int[][] folds(int n, int k, Random rng) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("need 2 <= folds <= n, got " + k + " folds for n = " + n);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[][] out = new int[k][];
        for (int f = 0; f < k; f++) {
            int from = f * n / k, to = (f + 1) * n / k;
            out[f] = java.util.Arrays.copyOfRange(perm, from, to);
        }
        return out;
    }

    public static Result select(Problem.Data data, Penalty penalty, double[] grid, int k,
                                PenalizedFit.Settings settings, Random rng) {
        if (penalty.isNone()) {
            return new Result(0, Double.NaN, new double[0], PenalizedFit.fit(data, penalty, 0, settings));
        }
        double[] errors = heldOutErrors(data, penalty, grid, k, settings, rng);
        int best = argmin(errors);
        double[] beta = PenalizedFit.fit(data, penalty, grid[best], settings);
        return new Result(grid[best], errors[best], errors, beta);
    }

    /**
     * For each λ of the grid, the mean over k folds of the held-out MSE of a fit on the other
     * folds (the folds are one random split, shared by all λ).
     */
    public static double[] heldOutErrors(Problem.Data data, Penalty penalty, double[] grid, int k,
                                         PenalizedFit.Settings settings, Random rng) {
        int[][] folds = folds(data.n(), k, rng);
        Problem.Data[] train = new Problem.Data[k];
        Problem.Data[] held = new Problem.Data[k];
        for (int f = 0; f < k; f++) {
            int[] rest = new int[data.n() - folds[f].length];
            int c = 0;
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    for (int i : folds[g]) {
                        rest[c++] = i;
                    }
                }
            }
            java.util.Arrays.sort(rest);
            train[f] = data.rows(rest);
            held[f] = data.rows(folds[f]);
        }
        double[] errors = new double[grid.length];
        for (int l = 0; l < grid.length; l++) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                double[] beta = PenalizedFit.fit(train[f], penalty, grid[l], settings);
                sum += LeastSquares.mse(held[f].x(), held[f].n(), held[f].p(), held[f].y(), beta);
            }
            errors[l] = sum / k;
        }
        return errors;
    }

    /** The index of the least error; on exact ties the last (the larger λ on an ascending grid). */
    public static int argmin(double[] errors) {
        int best = 0;
        for (int l = 1; l < errors.length; l++) {
            if (errors[l] <= errors[best]) {
                best = l;
            }
        }
        return best;
    }
}
