package org.topolayer.features;

import java.util.Arrays;

/**
 * Persistence landscape (Bubenik; GUDHI, giotto-tda) sampled on a grid: λ_k(t) is the k-th largest
 * of the tents max(0, min(t − lo, hi − t)) of the finite bars, lo/hi = min/max(b, d). Entries
 * levels × grid, row-major (level k = 0 first). Infinite bars are left out. Gradient: each sample
 * moves the nearer end of the bar that attains it (ties: the upper end).
 */
public final class PersistenceLandscape extends DimensionedFeature {
    private final int levels;
    private final double[] grid;

    public PersistenceLandscape(int dimension, int levels, double[] grid) {
        super(dimension);
        if (levels < 1 || grid.length == 0) {
            throw new IllegalArgumentException("a landscape needs ≥ 1 level and ≥ 1 grid value, got " + levels
                    + " levels and " + grid.length + " values");
        }
        this.levels = levels;
        this.grid = grid.clone();
    }

    public int levels() {
        return levels;
    }

    /** The sample points t (a copy). */
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        double[] out = new double[levels * grid.length];
        double[] tents = new double[births.length];
        for (int j = 0; j < grid.length; j++) {
            int n = tents(births, deaths, grid[j], tents);
            Arrays.sort(tents, 0, n);
            for (int k = 0; k < Math.min(levels, n); k++) {
                out[k * grid.length + j] = tents[n - 1 - k];
            }
        }
        return out;
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        Bars.checkGradient(births, upstream, levels * grid.length, dBirths, dDeaths);
        Integer[] order = new Integer[births.length];
        double[] tents = new double[births.length];
        for (int j = 0; j < grid.length; j++) {
            double t = grid[j];
            int n = 0;
            for (int i = 0; i < births.length; i++) {
                if (Bars.isFinite(deaths, i) && tent(births[i], deaths[i], t) > 0) {
                    tents[i] = tent(births[i], deaths[i], t);
                    order[n++] = i;
                }
            }
            Arrays.sort(order, 0, n, (a, b) -> Double.compare(tents[b], tents[a]));
            for (int k = 0; k < Math.min(levels, n); k++) {
                int i = order[k];
                double g = upstream[k * grid.length + j];
                double lo = Math.min(births[i], deaths[i]), hi = Math.max(births[i], deaths[i]);
                boolean lowerEnd = t - lo < hi - t;  // tent = t − lo: ∂/∂lo = −1; else hi − t: ∂/∂hi = +1
                boolean movesBirth = lowerEnd == (births[i] <= deaths[i]);
                double step = lowerEnd ? -g : g;
                if (movesBirth) {
                    dBirths[i] += step;
                } else {
                    dDeaths[i] += step;
                }
            }
        }
    }

    /** Writes the positive tents of finite bars at t into {@code out}; returns how many. */
    private static int tents(double[] births, double[] deaths, double t, double[] out) {
        int n = 0;
        for (int i = 0; i < births.length; i++) {
            if (Bars.isFinite(deaths, i)) {
                double v = tent(births[i], deaths[i], t);
                if (v > 0) {
                    out[n++] = v;
                }
            }
        }
        return n;
    }

    private static double tent(double b, double d, double t) {
        return Math.max(0, Math.min(t - Math.min(b, d), Math.max(b, d) - t));
    }
}
