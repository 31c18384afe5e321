package org.topolayer.features;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finite-difference checks of every feature's gradient w.r.t. births and deaths, on random diagrams without ties. */
class FeatureGradientTest {

    static Stream<Arguments> features() {
        double[] grid = {0.1, 0.35, 0.6, 0.85, 1.1};
        return Stream.of(
                Arguments.of(new SumBarcodeLengths(0)),
                Arguments.of(new TopKBarcodeLengths(0, 4)),
                Arguments.of(new TopKBarcodeLengths(0, 20)),
                Arguments.of(new PartialSumBarcodeLengths(0, 2)),
                Arguments.of(new BarcodePolyFeature(0, 2, 1, true)),
                Arguments.of(new BarcodePolyFeature(0, 0.5, 2, false)),
                Arguments.of(new BarcodeEnergy(0, 1.5, 1, 1, true)),
                Arguments.of(new TotalPersistence(0, 2)),
                Arguments.of(new PaperEnergy(0, 1, 0, 4)),
                Arguments.of(new PaperEnergy(0, 2, 1, 2)),
                Arguments.of(new PersistenceEntropy(0)),
                Arguments.of(new BettiCurve(0, grid, 0.05)),
                Arguments.of(new PersistenceLandscape(0, 3, grid)),
                Arguments.of(new PersistenceImage(0, -0.5, 1.5, 1.5, 4, 3, 0.3)),
                Arguments.of(new WassersteinLoss(0, new double[] {0.1, 0.4, 0.2}, new double[] {0.9, 0.5, 0.3}, 1)),
                Arguments.of(new WassersteinLoss(0, new double[] {0.1, 0.4}, new double[] {0.9, 0.5}, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void gradientMatchesFiniteDifferences(DiagramFeature feature) {
        for (boolean superlevel : new boolean[] {false, true}) {
            for (long seed = 1; seed <= 3; seed++) {
                check(feature, superlevel, seed);
            }
        }
    }

    private static void check(DiagramFeature feature, boolean superlevel, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 8;
        double[] births = new double[n], deaths = new double[n];
        for (int i = 0; i < n; i++) {
            births[i] = rnd.nextDouble();
            double length = 0.05 + rnd.nextDouble();
            deaths[i] = superlevel ? births[i] - length : births[i] + length;
        }
        deaths[n - 1] = superlevel ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        int entries = feature.value(births, deaths).length;
        double[] upstream = new double[entries];
        for (int j = 0; j < entries; j++) {
            upstream[j] = rnd.nextDouble() - 0.3;
        }
        double[] dBirths = new double[n], dDeaths = new double[n];
        feature.addGradient(births, deaths, upstream, dBirths, dDeaths);
        // x = (births, finite deaths); the essential death stays fixed
        double[] x = new double[2 * n - 1];
        double[] analytic = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            x[i] = births[i];
            analytic[i] = dBirths[i];
        }
        for (int i = 0; i < n - 1; i++) {
            x[n + i] = deaths[i];
            analytic[n + i] = dDeaths[i];
        }
        double essential = deaths[n - 1];
        GradientCheck.assertMatches(y -> {
            double[] b = java.util.Arrays.copyOf(y, n);
            double[] d = new double[n];
            System.arraycopy(y, n, d, 0, n - 1);
            d[n - 1] = essential;
            double[] v = feature.value(b, d);
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += upstream[j] * v[j];
            }
            return s;
        }, x, analytic, 100, feature.getClass().getSimpleName() + (superlevel ? " superlevel" : " sublevel") + " seed " + seed);
    }
}
