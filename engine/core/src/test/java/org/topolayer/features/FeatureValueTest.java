package org.topolayer.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known values of the features (TopologyLayer's meaning) and their input checks. */
class FeatureValueTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final double[] births = {0, 0.5, 1, 2};
    private final double[] deaths = {1, 2, 1.25, INF};

    @Test
    void barcodeFeatures() {
        assertArrayEquals(new double[] {2.75}, new SumBarcodeLengths(0).value(births, deaths), 1e-12);
        assertArrayEquals(new double[] {1.5, 1, 0.25, 0, 0}, new TopKBarcodeLengths(0, 5).value(births, deaths), 1e-12);
        assertArrayEquals(new double[] {1.25}, new PartialSumBarcodeLengths(0, 1).value(births, deaths), 1e-12);
        double poly = 1 * 0.5 + 2.25 * 1.25 + 0.0625 * 1.125;
        assertArrayEquals(new double[] {poly}, new BarcodePolyFeature(0, 2, 1, true).value(births, deaths), 1e-12);
        assertArrayEquals(new double[] {1 + 0.25 * 0.25}, new BarcodeEnergy(0, 2, 0, 1, true).value(births, deaths), 1e-12);
        assertArrayEquals(new double[] {2.25 + 1 + 0.0625}, new TotalPersistence(0, 2).value(births, deaths), 1e-12);
    }

    @Test
    void superlevelBarsHaveTheSameLengths() {
        double[] b = {1, 2, 1.25}, d = {0, 0.5, 1};
        assertArrayEquals(new double[] {1.5, 1, 0.25}, new TopKBarcodeLengths(0, 3).value(b, d), 1e-12);
    }

    @Test
    void equalLengthsRankInDiagramOrder() {
        // four bars of length 1 and one of length 2: TopK(2) takes the long one, then the first of the equal ones
        double[] b = {0, 1, 2, 3, 4}, d = {1, 2, 3, 5, 5};
        TopKBarcodeLengths top2 = new TopKBarcodeLengths(0, 2);
        assertArrayEquals(new double[] {2, 1}, top2.value(b, d));
        double[] gb = new double[5], gd = new double[5];
        top2.addGradient(b, d, new double[] {1, 10}, gb, gd);
        assertArrayEquals(new double[] {-10, 0, 0, -1, 0}, gb);
        assertArrayEquals(new double[] {10, 0, 0, 1, 0}, gd);
        // PartialSum skips the same bars
        assertArrayEquals(new double[] {3}, new PartialSumBarcodeLengths(0, 2).value(b, d));
        double[] pb = new double[5], pd = new double[5];
        new PartialSumBarcodeLengths(0, 2).addGradient(b, d, new double[] {1}, pb, pd);
        assertArrayEquals(new double[] {0, 1, 1, 0, 1}, pd);
    }

    @Test
    void removeZeroOnlyMattersForZeroLengthBars() {
        double[] b = {0, 1}, d = {1, 1};
        assertEquals(1, new BarcodePolyFeature(0, 0, 0, true).value(b, d)[0]);
        assertEquals(2, new BarcodePolyFeature(0, 0, 0, false).value(b, d)[0]);
    }

    @Test
    void entropyBettiLandscapeImage() {
        assertEquals(Math.log(3), new PersistenceEntropy(0).value(new double[] {0, 1, 2}, new double[] {1, 2, 3})[0], 1e-12);
        assertArrayEquals(new double[] {1, 2, 2, 1, 1},
                new BettiCurve(0, new double[] {0, 0.75, 1.1, 1.5, 2.5}, 0).value(births, deaths));
        // tents at t = 1: bar (0,1) → 0, (0.5,2) → 0.5, (1,1.25) → 0
        double[] landscape = new PersistenceLandscape(0, 2, new double[] {1, 1.1}).value(births, deaths);
        assertArrayEquals(new double[] {0.5, 0.6, 0, 0.1}, landscape, 1e-12);
        double[] image = new PersistenceImage(0, 0, 2, 2, 1, 1, 0.5).value(new double[] {1}, new double[] {2});
        assertEquals(1 / (2 * Math.PI * 0.25), image[0], 1e-12); // one bar at the only pixel's centre (1, 1), weight 1
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TopKBarcodeLengths(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SumBarcodeLengths(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SumBarcodeLengths(0).value(new double[2], new double[3]));
        assertEquals("a diagram needs as many deaths as births, got 2 births and 3 deaths", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TopKBarcodeLengths(0, 3).addGradient(births, deaths, new double[2], new double[4], new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> new SumBarcodeLengths(0).value(new double[] {Double.NaN}, new double[] {1}));
    }
}
