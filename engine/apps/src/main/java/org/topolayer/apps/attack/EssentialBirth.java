package org.topolayer.apps.attack;

import org.topolayer.features.DiagramFeature;

/**
 * The birth of the first essential bar of a diagram (0 if it has none): for the sublevel H0 of a
 * directional filtration, the lowest filtration value, i.e. where the sweep first meets the
 * shape. Gradient 1 on that birth.
 */
final class EssentialBirth implements DiagramFeature {
    private final int dimension;

    EssentialBirth(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    private static int first(double[] deaths) {
        for (int i = 0; i < deaths.length; i++) {
            if (Double.isInfinite(deaths[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        int i = first(deaths);
        return new double[] {i < 0 ? 0 : births[i]};
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        int i = first(deaths);
        if (i >= 0) {
            dBirths[i] += upstream[0];
        }
    }
}
