package org.topolayer.persistence.alpha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.AlphaComplexes;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.ReferenceReduction;

class AlphaPersistenceTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void noisyCircleHasOneDominantCycle() {
        double[][] circle = noisyCircle(200, 0.05, new Random(5));
        for (PersistenceDiagrams pd : new PersistenceDiagrams[] {
            AlphaPersistence.weak(circle, 1), AlphaPersistence.exact(circle, 1)}) {
            double[] persistence = sortedPersistence(pd.get(1));
            double top = persistence[persistence.length - 1], second = persistence[persistence.length - 2];
            assertTrue(top > 10 * second, "dominant bar " + top + " vs " + second);
            assertEquals(1, essentialCount(pd.get(0)));
            assertEquals(0, essentialCount(pd.get(1)));
            SourceCheck.assertSourcesReproduceValues(circle, pd);
        }
    }

    @Test
    void equilateralTriangleHasEdgesAtAQuarterAndTheTriangleAtAThird() {
        double[][] p = {{0, 0}, {1, 0}, {0.5, Math.sqrt(3) / 2}};
        PersistenceDiagrams pd = AlphaPersistence.exact(p, 1);
        assertEquals(ValueModel.SQUARED_CIRCUMRADIUS, pd.valueModel());
        Diagram h0 = pd.get(0);
        assertEquals(3, h0.size());
        assertEquals(0.25, h0.death(0), TOLERANCE);
        assertEquals(0.25, h0.death(1), TOLERANCE);
        assertTrue(h0.isEssential(2));
        Diagram h1 = pd.get(1);
        assertEquals(1, h1.size());
        assertEquals(0.25, h1.birth(0), TOLERANCE);
        assertEquals(1.0 / 3, h1.death(0), TOLERANCE);
        assertArrayEquals(new int[] {0, 1, 2}, deathSources(h1, 0));
    }

    @Test
    void weakAlphaOfAnIsoscelesTriangleIsItsEdgeLengths() {
        double[][] p = {{0, 0}, {4, 0}, {2, 1}};
        PersistenceDiagrams pd = AlphaPersistence.weak(p, 2);
        double side = Math.sqrt(5);
        assertEquals(side, pd.get(0).death(0), TOLERANCE);
        assertEquals(side, pd.get(0).death(1), TOLERANCE);
        // the triangle enters with its longest edge: a zero-length H1 bar, which diagrams do not keep
        assertEquals(0, pd.get(1).size());
        assertEquals(0, pd.get(2).size());
    }

    @Test
    void oneDimensionalPointsMergeAtTheirGaps() {
        double[][] p = {{0}, {3}, {1}, {1}};
        double[] weakDeaths = finiteDeaths(AlphaPersistence.weak(p, 1).get(0));
        assertArrayEquals(new double[] {1, 2}, weakDeaths); // the duplicate's bar has length 0: not kept
        double[] exactDeaths = finiteDeaths(AlphaPersistence.exact(p, 1).get(0));
        assertArrayEquals(new double[] {0.25, 1}, exactDeaths);
        assertEquals(0, AlphaPersistence.weak(p, 1).get(1).size());
    }

    @Test
    void sliverTrianglesFromNearlyCollinearPointsMatchTheReference() {
        double[][] p = new double[12][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {i * 0.1, i * 0.3};
        }
        p[7][1] = Math.nextUp(p[7][1]);
        p[3][0] = Math.nextDown(p[3][0]);
        for (int d = 0; d <= 1; d++) {
            assertEquals(AlphaPersistencePropertyTest.bars(ReferenceReduction.compute(AlphaComplexes.exact(p), 1).get(d)),
                    AlphaPersistencePropertyTest.bars(AlphaPersistence.exact(p, 1).get(d)));
            assertEquals(AlphaPersistencePropertyTest.bars(ReferenceReduction.compute(AlphaComplexes.weak(p), 1).get(d)),
                    AlphaPersistencePropertyTest.bars(AlphaPersistence.weak(p, 1).get(d)));
        }
        assertTrue(AlphaComplexes.exact(p).maxDimension() == 2, "the slivers are triangles");
    }

    @Test
    void emptyAndHigherDimensions() {
        PersistenceDiagrams empty = AlphaPersistence.weak(new double[0][], 3);
        assertEquals(3, empty.maxDimension());
        for (Diagram d : empty) {
            assertEquals(0, d.size());
        }
        PersistenceDiagrams single = AlphaPersistence.exact(new double[][] {{1, 1}}, 0);
        assertEquals(0, single.maxDimension());
        assertEquals(1, single.get(0).size());
        assertTrue(single.get(0).isEssential(0));
        PersistenceDiagrams square = AlphaPersistence.weak(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}, 3);
        assertEquals(0, square.get(2).size());
        assertEquals(0, square.get(3).size());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException threeD = assertThrows(IllegalArgumentException.class,
                () -> AlphaPersistence.weak(new double[][] {{1, 2, 3}}, 1));
        assertTrue(threeD.getMessage().contains("Rips"), threeD.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> AlphaPersistence.exact(new double[][] {{1, 2}, {3, 4}, {0, Double.POSITIVE_INFINITY}}, 1));
        assertTrue(inf.getMessage().contains("row 2"), inf.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> AlphaPersistence.exact(new double[][] {{1, 2}, {3}}, 1));
        assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlphaPersistence.weak(new double[][] {{1, 2}}, -1));
    }

    static double[][] noisyCircle(int n, double noise, Random rnd) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * rnd.nextDouble();
            double r = 1 + noise * rnd.nextGaussian();
            p[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
        }
        return p;
    }

    private static double[] sortedPersistence(Diagram d) {
        double[] out = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            out[i] = d.persistence(i);
        }
        Arrays.sort(out);
        return out;
    }

    private static double[] finiteDeaths(Diagram d) {
        return Arrays.stream(d.deaths()).filter(Double::isFinite).sorted().toArray();
    }

    private static int essentialCount(Diagram d) {
        int c = 0;
        for (int i = 0; i < d.size(); i++) {
            c += d.isEssential(i) ? 1 : 0;
        }
        return c;
    }

    private static int[] deathSources(Diagram d, int bar) {
        int[] s = new int[d.valueModel().sourcesPerValue()];
        for (int k = 0; k < s.length; k++) {
            s[k] = d.deathSource(bar, k);
        }
        return s;
    }
}
