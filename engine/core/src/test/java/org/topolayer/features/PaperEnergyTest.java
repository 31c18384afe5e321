package org.topolayer.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The paper's E(p, q, i₀) on hand-made diagrams: bars counted from 1, longest first, essential first. */
class PaperEnergyTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    // sublevel PD0: the essential bar, finite lengths 3, 1, 2, 0.5, and a zero-length bar
    private final double[] births = {0, 0, 0, 0, 0, 1};
    private final double[] deaths = {INF, 3, 1, 2, 0.5, 1};

    // superlevel PD0 (birth ≥ death, essential death −∞): finite lengths 3, 0.5, 2
    private final double[] supBirths = {5, 4, 3, 2};
    private final double[] supDeaths = {Double.NEGATIVE_INFINITY, 1, 2.5, 0};

    private static double value(DiagramFeature f, double[] b, double[] d) {
        return f.value(b, d)[0];
    }

    @Test
    void top1IsEveryFiniteBarAndTop2AllButTheTwoLongestFinite() {
        PaperEnergy top1 = new PaperEnergy(0, 1, 0, 2);
        PaperEnergy top2 = new PaperEnergy(0, 1, 0, 4);
        assertEquals(3 + 1 + 2 + 0.5, value(top1, births, deaths), 1e-12);
        assertEquals(1 + 0.5, value(top2, births, deaths), 1e-12);
        assertEquals(1 + 2 + 0.5, value(new PaperEnergy(0, 1, 0, 3), births, deaths), 1e-12);
        assertEquals(0, value(new PaperEnergy(0, 1, 0, 6), births, deaths), 0);
        assertEquals(0, value(new PaperEnergy(0, 1, 0, 50), births, deaths), 0);
        // the same as TopologyLayer's SumBarcodeLengths and PartialSumBarcodeLengths(dim=0, skip=2)
        assertEquals(value(new SumBarcodeLengths(0), births, deaths), value(top1, births, deaths), 0);
        assertEquals(value(new PartialSumBarcodeLengths(0, 2), births, deaths), value(top2, births, deaths), 0);
    }

    @Test
    void superlevelDiagramsCountTheEssentialBarAtMinusInfinity() {
        assertEquals(3 + 0.5 + 2, value(new PaperEnergy(0, 1, 0, 2), supBirths, supDeaths), 1e-12);
        assertEquals(0.5, value(new PaperEnergy(0, 1, 0, 4), supBirths, supDeaths), 1e-12);
        // q = 1 weighs each length by its midpoint: 3·2.5 + 0.5·2.75 + 2·1
        assertEquals(10.875, value(new PaperEnergy(0, 1, 1, 2), supBirths, supDeaths), 1e-12);
        // p = 2: squared lengths of the two shorter finite bars
        assertEquals(0.25 + 4, value(new PaperEnergy(0, 2, 0, 3), supBirths, supDeaths), 1e-12);
    }

    @Test
    void gradientMovesOnlyTheCountedBars() {
        double[] db = new double[4], dd = new double[4];
        new PaperEnergy(0, 1, 0, 4).addGradient(supBirths, supDeaths, new double[] {2}, db, dd);
        // only the bar (3, 2.5) counts; its length b − d grows with b
        assertArrayEquals(new double[] {0, 0, 2, 0}, db, 0);
        assertArrayEquals(new double[] {0, 0, -2, 0}, dd, 0);
    }

    @Test
    void higherDimensionsWithoutEssentialBarsStartAtTheLongestFiniteBar() {
        double[] b = {1, 2}, d = {4, 2.5};
        assertEquals(3.5, value(new PaperEnergy(1, 1, 0, 1), b, d), 1e-12);
        assertEquals(0.5, value(new PaperEnergy(1, 1, 0, 2), b, d), 1e-12);
    }

    @Test
    void onFiniteBarsIsTheLibrarysSkipForm() {
        assertEquals("partialsum:dim=0,skip=0", FeatureSpec.render(new PaperEnergy(0, 1, 0, 2).onFiniteBars(1)));
        assertEquals("partialsum:dim=0,skip=2", FeatureSpec.render(new PaperEnergy(0, 1, 0, 4).onFiniteBars(1)));
        assertEquals("partialsum:dim=1,skip=0", FeatureSpec.render(new PaperEnergy(1, 1, 0, 1).onFiniteBars(0)));
        assertEquals("energy:dim=0,p=2,q=1,skip=1", FeatureSpec.render(new PaperEnergy(0, 2, 1, 3).onFiniteBars(1)));
        assertEquals("E(1,0,2;PD0)", new PaperEnergy(0, 1, 0, 2).toString());
    }

    @Test
    void anI0ThatCountsAnEssentialBarIsRefused() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new PaperEnergy(0, 1, 0, 1).value(births, deaths)).getMessage();
        assertTrue(m.contains("E(1,0,1;PD0) counts bars from i0 = 1 but PD0 has 1 essential (infinite) bar,"
                + " so the sum is infinite; use i0 ≥ 2"), m);
        // two components alive at the end (e.g. a cut Rips filtration): Top1 is infinite
        double[] b2 = {0, 0, 0}, d2 = {INF, INF, 1};
        String two = assertThrows(IllegalArgumentException.class,
                () -> new PaperEnergy(0, 1, 0, 2).addGradient(b2, d2, new double[] {1}, new double[3], new double[3]))
                .getMessage();
        assertTrue(two.contains("has 2 essential (infinite) bars") && two.contains("use i0 ≥ 3"), two);
        assertEquals(1, value(new PaperEnergy(0, 1, 0, 3), b2, d2), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PaperEnergy(0, 1, 0, 0)).getMessage()
                .contains("i0 counts bars from 1, got 0"));
    }
}
