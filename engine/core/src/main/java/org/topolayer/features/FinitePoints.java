package org.topolayer.features;

import java.util.Arrays;

/**
 * A diagram split for matching: its finite bars (with their indices in the diagram) and the
 * births of its essential bars dying at +∞ and at −∞, each sorted.
 */
final class FinitePoints {
    final int[] index;
    final double[] births;
    final double[] deaths;
    final double[] essentialUp;
    final double[] essentialDown;

    FinitePoints(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        int finite = 0, up = 0;
        for (int i = 0; i < births.length; i++) {
            finite += Bars.isFinite(deaths, i) ? 1 : 0;
            up += deaths[i] == Double.POSITIVE_INFINITY ? 1 : 0;
        }
        index = new int[finite];
        this.births = new double[finite];
        this.deaths = new double[finite];
        essentialUp = new double[up];
        essentialDown = new double[births.length - finite - up];
        int f = 0, u = 0, d = 0;
        for (int i = 0; i < births.length; i++) {
            if (Bars.isFinite(deaths, i)) {
                index[f] = i;
                this.births[f] = births[i];
                this.deaths[f++] = deaths[i];
            } else if (deaths[i] == Double.POSITIVE_INFINITY) {
                essentialUp[u++] = births[i];
            } else {
                essentialDown[d++] = births[i];
            }
        }
        Arrays.sort(essentialUp);
        Arrays.sort(essentialDown);
    }

    int size() {
        return index.length;
    }

    /** L∞ distance of finite point i to the diagonal. */
    double toDiagonal(int i) {
        return Math.abs(deaths[i] - births[i]) / 2;
    }

    /** L∞ distance between finite point i and finite point j of {@code other}. */
    double to(int i, FinitePoints other, int j) {
        return Math.max(Math.abs(births[i] - other.births[j]), Math.abs(deaths[i] - other.deaths[j]));
    }
}
