package org.topolayer.features;

/**
 * Σ |dᵢ − bᵢ|^p · ((dᵢ + bᵢ)/2)^q over the <em>finite</em> bars, leaving out the {@code skip}
 * longest (ties: diagram order). Scalar. Infinite (essential) bars are left out, as in
 * TopologyLayer. This is the library's form of the paper's E(p, q, i₀), which counts bars from 1
 * with the essential ones first: {@link PaperEnergy} maps one onto the other (for PD0 of a
 * connected filtration, i₀ = skip + 2). Limits: a negative midpoint with non-integer q, or p &lt; 1
 * on a zero-length bar, gives NaN or infinite values and gradients.
 */
public class BarcodeEnergy extends DimensionedFeature {
    private final double p;
    private final double q;
    private final int skip;
    private final boolean removeZero;

    /**
     * @param skip       how many of the longest finite bars to leave out
     * @param removeZero leave out zero-length bars (only matters when p = 0)
     */
    public BarcodeEnergy(int dimension, double p, double q, int skip, boolean removeZero) {
        super(dimension);
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be ≥ 0, got " + skip);
        }
        if (Double.isNaN(p) || Double.isNaN(q)) {
            throw new IllegalArgumentException("exponents must be numbers, got p=" + p + ", q=" + q);
        }
        this.p = p;
        this.q = q;
        this.skip = skip;
        this.removeZero = removeZero;
    }

    public double p() {
        return p;
    }

    public double q() {
        return q;
    }

    /** Finite bars left out, longest first. */
    public int skip() {
        return skip;
    }

    /** Whether zero-length bars are left out (they only count when p = 0). */
    public boolean removeZero() {
        return removeZero;
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        boolean[] skipped = skipped(births, deaths);
        double sum = 0;
        for (int i = 0; i < births.length; i++) {
            if (Bars.counts(births, deaths, i, removeZero) && !skipped[i]) {
                sum += Math.pow(Bars.length(births, deaths, i), p) * Math.pow((deaths[i] + births[i]) / 2, q);
            }
        }
        return new double[] {sum};
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        Bars.checkGradient(births, upstream, 1, dBirths, dDeaths);
        boolean[] skipped = skipped(births, deaths);
        for (int i = 0; i < births.length; i++) {
            if (!Bars.counts(births, deaths, i, removeZero) || skipped[i]) {
                continue;
            }
            double length = Bars.length(births, deaths, i);
            double mid = (deaths[i] + births[i]) / 2;
            double byLength = p == 0 ? 0 : p * Math.pow(length, p - 1) * Math.pow(mid, q);
            double byMid = q == 0 ? 0 : q * Math.pow(length, p) * Math.pow(mid, q - 1);
            double slope = Bars.lengthSlope(births, deaths, i);
            dDeaths[i] += upstream[0] * (byLength * slope + byMid / 2);
            dBirths[i] += upstream[0] * (-byLength * slope + byMid / 2);
        }
    }

    /** Marks the {@code skip} longest counted bars. */
    private boolean[] skipped(double[] births, double[] deaths) {
        boolean[] out = new boolean[births.length];
        if (skip > 0) {
            for (int i : Bars.longest(births, deaths, skip, removeZero)) {
                out[i] = true;
            }
        }
        return out;
    }
}
