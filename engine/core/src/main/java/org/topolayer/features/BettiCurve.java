package org.topolayer.features;

/**
 * Betti curve (giotto-tda): the number of bars alive at each grid value t, a bar being alive on
 * [min(b, d), max(b, d)) (so superlevel diagrams work too); essential bars count. One entry per
 * grid value.
 *
 * <p>The exact count is a step function whose gradient is zero almost everywhere. With smoothing
 * s &gt; 0 each bar instead contributes σ((t − lo)/s)·σ((hi − t)/s), σ the logistic function,
 * which tends to the count as s → 0 and has useful gradients.
 */
public final class BettiCurve extends DimensionedFeature {
    private final double[] grid;
    private final double smoothing;

    /** @param smoothing s ≥ 0; 0 gives the exact (integer, zero-gradient) curve */
    public BettiCurve(int dimension, double[] grid, double smoothing) {
        super(dimension);
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be finite and ≥ 0, got " + smoothing);
        }
        if (grid.length == 0) {
            throw new IllegalArgumentException("the grid needs at least one value");
        }
        this.grid = grid.clone();
        this.smoothing = smoothing;
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        double[] out = new double[grid.length];
        for (int i = 0; i < births.length; i++) {
            double lo = Math.min(births[i], deaths[i]), hi = Math.max(births[i], deaths[i]);
            for (int j = 0; j < grid.length; j++) {
                out[j] += smoothing == 0 ? (lo <= grid[j] && grid[j] < hi ? 1 : 0)
                        : rise(grid[j] - lo) * rise(hi - grid[j]);
            }
        }
        return out;
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        Bars.checkGradient(births, upstream, grid.length, dBirths, dDeaths);
        if (smoothing == 0) {
            return;
        }
        for (int i = 0; i < births.length; i++) {
            double lo = Math.min(births[i], deaths[i]), hi = Math.max(births[i], deaths[i]);
            double dLo = 0, dHi = 0;
            for (int j = 0; j < grid.length; j++) {
                double up = rise(grid[j] - lo), down = rise(hi - grid[j]);
                dLo -= upstream[j] * slope(up) * down;
                dHi += upstream[j] * up * slope(down);
            }
            boolean birthIsLow = births[i] <= deaths[i];
            dBirths[i] += birthIsLow ? dLo : dHi;
            if (Bars.isFinite(deaths, i)) {
                dDeaths[i] += birthIsLow ? dHi : dLo;
            }
        }
    }

    /** σ(x / s), 1 at x = +∞ and 0 at x = −∞. */
    private double rise(double x) {
        return 1 / (1 + Math.exp(-x / smoothing));
    }

    /** d σ(x/s) / dx expressed through σ itself. */
    private double slope(double sigma) {
        return sigma * (1 - sigma) / smoothing;
    }
}
