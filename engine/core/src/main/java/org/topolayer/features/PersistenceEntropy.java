package org.topolayer.features;

/**
 * Persistence entropy (giotto-tda): H = −Σ (ℓᵢ/S) log(ℓᵢ/S) over finite bars of length ℓᵢ &gt; 0,
 * S = Σ ℓᵢ, natural logarithm; 0 for an empty diagram. Scalar. Gradient
 * ∂H/∂ℓᵢ = −(log ℓᵢ − Σ_j ℓ_j log ℓ_j / S) / S.
 */
public final class PersistenceEntropy extends DimensionedFeature {

    public PersistenceEntropy(int dimension) {
        super(dimension);
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        double[] sums = sums(births, deaths);
        double s = sums[0];
        return new double[] {s == 0 ? 0 : Math.log(s) - sums[1] / s};
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        Bars.checkGradient(births, upstream, 1, dBirths, dDeaths);
        double[] sums = sums(births, deaths);
        double s = sums[0];
        for (int i = 0; i < births.length; i++) {
            double length = Bars.length(births, deaths, i);
            if (Bars.isFinite(deaths, i) && length > 0) {
                double byLength = -(Math.log(length) - sums[1] / s) / s;
                double slope = upstream[0] * byLength * Bars.lengthSlope(births, deaths, i);
                dDeaths[i] += slope;
                dBirths[i] -= slope;
            }
        }
    }

    /** {S, Σ ℓ log ℓ} over finite positive-length bars. */
    private static double[] sums(double[] births, double[] deaths) {
        double s = 0, sLogS = 0;
        for (int i = 0; i < births.length; i++) {
            double length = Bars.length(births, deaths, i);
            if (Bars.isFinite(deaths, i) && length > 0) {
                s += length;
                sLogS += length * Math.log(length);
            }
        }
        return new double[] {s, sLogS};
    }
}
