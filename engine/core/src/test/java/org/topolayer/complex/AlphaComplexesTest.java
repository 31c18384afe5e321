package org.topolayer.complex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;

class AlphaComplexesTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void equilateralTriangle() {
        Filtration f = AlphaComplexes.exact(new double[][] {{0, 0}, {1, 0}, {0.5, Math.sqrt(3) / 2}});
        assertEquals(ValueModel.SQUARED_CIRCUMRADIUS, f.valueModel());
        assertEquals(7, f.size());
        for (int i = 0; i < f.size(); i++) {
            double expected = new double[] {0, 0.25, 1.0 / 3}[f.dimension(i)];
            assertEquals(expected, f.value(i), TOLERANCE);
        }
    }

    @Test
    void obtuseTriangleLongEdgeIsNotGabrielAndTakesTheTriangleValue() {
        // sides 4, √5, √5 and area 2: circumradius 4·5 / (4·2) = 2.5
        Filtration f = AlphaComplexes.exact(new double[][] {{0, 0}, {4, 0}, {2, 1}});
        int longEdge = find(f, 0, 1), triangle = find(f, 0, 1, 2);
        assertEquals(6.25, f.value(triangle), TOLERANCE);
        assertEquals(f.value(triangle), f.value(longEdge));
        assertArrayEquals(new int[] {0, 1, 2}, sources(f, longEdge));
        assertEquals(1.25, f.value(find(f, 0, 2)), TOLERANCE);
        assertArrayEquals(new int[] {0, 2, -1}, sources(f, find(f, 0, 2)));
    }

    @Test
    void rightTriangleHypotenuseIsGabriel() {
        // the right-angle vertex lies on the diametral circle, not strictly inside
        Filtration f = AlphaComplexes.exact(new double[][] {{0, 0}, {2, 0}, {0, 2}});
        assertArrayEquals(new int[] {1, 2, -1}, sources(f, find(f, 1, 2)));
        assertEquals(2, f.value(find(f, 1, 2)));
        assertEquals(2, f.value(find(f, 0, 1, 2)));
    }

    @Test
    void weakTriangleIsAttributedToTheLexicographicallyLastOfItsLongestEdges() {
        // edges 0-2 and 1-2 are both √10, edge 0-1 is 2
        Filtration f = AlphaComplexes.weak(new double[][] {{0, 0}, {2, 0}, {1, 3}});
        assertEquals(ValueModel.EDGE_LENGTH, f.valueModel());
        int triangle = find(f, 0, 1, 2);
        assertEquals(Math.sqrt(10), f.value(triangle), TOLERANCE);
        assertArrayEquals(new int[] {1, 2}, sources(f, triangle));
        assertArrayEquals(new int[] {0, 1}, sources(f, find(f, 0, 1)));
    }

    private static int find(Filtration f, int... vertices) {
        for (int i = 0; i < f.size(); i++) {
            if (java.util.Arrays.equals(f.vertices(i), vertices)) {
                return i;
            }
        }
        throw new AssertionError("no simplex " + java.util.Arrays.toString(vertices));
    }

    private static int[] sources(Filtration f, int i) {
        int[] s = new int[f.valueModel().sourcesPerValue()];
        for (int k = 0; k < s.length; k++) {
            s[k] = f.source(i, k);
        }
        return s;
    }
}
