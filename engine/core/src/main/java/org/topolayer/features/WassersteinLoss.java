package org.topolayer.features;

/**
 * Differentiable distance to a fixed target diagram: W_p(D, T)^p = the minimum over partial
 * matchings of Σ ‖x − y‖∞^p, unmatched points paying their L∞ distance to the diagonal
 * (GUDHI/Hera's convention), over the finite bars of both diagrams; essential bars are left out.
 * Scalar. The gradient follows the optimal matching (a matching that is optimal stays optimal to
 * first order); on L∞ ties between the birth and death offsets the birth takes the gradient.
 */
public final class WassersteinLoss extends DimensionedFeature {
    private final FinitePoints target;
    private final double p;

    public WassersteinLoss(int dimension, double[] targetBirths, double[] targetDeaths, double p) {
        super(dimension);
        DiagramDistance.checkExponent(p);
        this.target = new FinitePoints(targetBirths, targetDeaths);
        this.p = p;
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        return new double[] {DiagramDistance.finiteCost(new FinitePoints(births, deaths), target, p)};
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        FinitePoints own = new FinitePoints(births, deaths);
        Bars.checkGradient(births, upstream, 1, dBirths, dDeaths);
        int[] partner = DiagramMatching.wasserstein(own, target, p);
        for (int k = 0; k < own.size(); k++) {
            int i = own.index[k];
            int j = partner[k];
            if (j < 0) {
                double half = own.toDiagonal(k);
                double slope = upstream[0] * p * Math.pow(half, p - 1) * Math.signum(deaths[i] - births[i]) / 2;
                dDeaths[i] += slope;
                dBirths[i] -= slope;
            } else {
                double db = births[i] - target.births[j], dd = deaths[i] - target.deaths[j];
                boolean birthDominates = Math.abs(db) >= Math.abs(dd);
                double offset = birthDominates ? db : dd;
                double g = upstream[0] * p * Math.pow(Math.abs(offset), p - 1) * Math.signum(offset);
                if (birthDominates) {
                    dBirths[i] += g;
                } else {
                    dDeaths[i] += g;
                }
            }
        }
    }
}
