package org.topolayer.features;

/**
 * TopologyLayer's {@code TopKBarcodeLengths(dim, k)}: the k longest finite bar lengths, longest
 * first, zero-padded to k entries when the diagram has fewer bars.
 */
public final class TopKBarcodeLengths extends DimensionedFeature {
    private final int k;

    public TopKBarcodeLengths(int dimension, int k) {
        super(dimension);
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        int[] order = Bars.longest(births, deaths, k, false);
        double[] out = new double[k];
        for (int j = 0; j < order.length; j++) {
            out[j] = Bars.length(births, deaths, order[j]);
        }
        return out;
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        Bars.checkGradient(births, upstream, k, dBirths, dDeaths);
        int[] order = Bars.longest(births, deaths, k, false);
        for (int j = 0; j < order.length; j++) {
            int i = order[j];
            double slope = upstream[j] * Bars.lengthSlope(births, deaths, i);
            dDeaths[i] += slope;
            dBirths[i] -= slope;
        }
    }
}
