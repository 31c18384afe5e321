package org.topolayer.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;

/** The gradient attribution of TopologyLayer, the INDArray face, and bad-input messages. */
class LayerAttributionTest {

    @Test
    void levelSetGradientGoesToTheVertexThatCreatesTheValue() {
        // sublevel H0 of the path 3-1-4-0-5: (0, ∞) born at vertex 3, (1, 4) born at vertex 1, killed by edge 1–2 at f[2]
        DiagramTape tape = GridLevelSetLayer.signal(0, LevelSet.SUBLEVEL).forward(new double[] {3, 1, 4, 0, 5}, new int[] {5});
        Diagram h0 = tape.diagrams().get(0);
        assertEquals(2, h0.size());
        assertArrayEquals(new double[] {0, 1}, h0.births());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 4}, h0.deaths());
        double[] grad = tape.backward(new double[][] {{10, 1}}, new double[][] {{7, 2}});
        // the essential death (7) carries nothing
        assertArrayEquals(new double[] {0, 1, 2, 10, 0}, grad);
    }

    @Test
    void superlevelGradientIsInTheUnitsOfF() {
        // superlevel H0 of the path 3-1-4-0-5: components are born at the local maxima 3, 4 and 5
        DiagramTape tape = GridLevelSetLayer.signal(0, LevelSet.SUPERLEVEL).forward(new double[] {3, 1, 4, 0, 5}, new int[] {5});
        Diagram h0 = tape.diagrams().get(0);
        for (int i = 0; i < h0.size(); i++) {
            assertTrue(h0.birth(i) >= h0.death(i), "superlevel bars have birth ≥ death");
        }
        double[] dBirth = new double[h0.size()];
        for (int i = 0; i < h0.size(); i++) {
            dBirth[i] = 1;
        }
        double[] grad = tape.backward(new double[][] {dBirth}, null);
        // births are the local maxima 3 (vertex 0), 4 (vertex 2), 5 (vertex 4), each with slope +1
        assertArrayEquals(new double[] {1, 0, 1, 0, 1}, grad);
    }

    @Test
    void rigidEdgeGradientGoesToTheLongestEdgesEndpoints() {
        // three points: H0 deaths are the two shorter edges (3 and 4; the 5 edge closes the triangle)
        double[] points = {0, 0, 3, 0, 0, 4};
        DiagramTape tape = AlphaLayer.weak(0).forward(points, new int[] {3, 2});
        Diagram h0 = tape.diagrams().get(0);
        assertArrayEquals(new double[] {0, 0, 0}, h0.births());
        int bar3 = h0.death(0) == 3 ? 0 : 1;
        double[] dDeath = new double[3];
        dDeath[bar3] = 1;
        double[] grad = tape.backward(null, new double[][] {dDeath});
        // d|p1 − p0|/dp0 = (p0 − p1)/3
        assertArrayEquals(new double[] {-1, 0, 1, 0, 0, 0}, grad, 1e-15);
    }

    @Test
    void ripsLoopDeathGoesToTheDiagonalThatFillsIt() {
        // a quadrilateral: the loop dies when its shorter diagonal 0–2 (length √2.02) fills both triangles
        double[] points = {0, 0, 1, 0, 1.1, 0.9, 0, 1.05};
        DiagramTape tape = RipsLayer.ofPoints(1).forward(points, new int[] {4, 2});
        Diagram h1 = tape.diagrams().get(1);
        assertEquals(1, h1.size());
        assertEquals(Math.sqrt(2.02), h1.death(0), 1e-15);
        double[] grad = tape.backward(null, new double[][] {null, {1}});
        double len = Math.sqrt(2.02);
        assertArrayEquals(new double[] {-1.1 / len, -0.9 / len, 0, 0, 1.1 / len, 0.9 / len, 0, 0}, grad, 1e-15);

        // the same filtration from its distance matrix: the gradient is split over the two symmetric entries
        double[] d = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d[i * 4 + j] = Math.hypot(points[2 * i] - points[2 * j], points[2 * i + 1] - points[2 * j + 1]);
            }
        }
        double[] dGrad = RipsLayer.ofDistanceMatrix(1).forward(d, new int[] {4, 4}).backward(null, new double[][] {null, {1}});
        double[] expected = new double[16];
        expected[2] = 0.5;
        expected[8] = 0.5;
        assertArrayEquals(expected, dGrad);
    }

    @Test
    void indArrayFaceKeepsShapeAndType() {
        INDArray image = Nd4j.rand(DataType.FLOAT, 6, 7);
        GridLevelSetLayer layer = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        LayerOutput out = layer.forward(image);
        INDArray h0 = out.diagram(0);
        assertEquals(DataType.FLOAT, h0.dataType());
        assertEquals(out.diagrams().get(0).size(), h0.rows());
        assertEquals(2, h0.columns());
        INDArray grad = layer.backward(out, Nd4j.onesLike(h0), Nd4j.onesLike(out.diagram(1)));
        assertArrayEquals(image.shape(), grad.shape());
        assertEquals(DataType.FLOAT, grad.dataType());
        double[][] ones = {fill(out.diagrams().get(0).size()), fill(out.diagrams().get(1).size())};
        double[] expected = out.tape().backward(ones, ones);
        assertArrayEquals(expected, NdArrays.toDoubles(grad), 1e-6);
    }

    @Test
    void badInputsAreRejectedWithClearMessages() {
        GridLevelSetLayer image = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        assertMessage("takes 2-D grids", () -> image.forward(new double[4], new int[] {4}));
        assertMessage("needs 6 entries, got 5", () -> image.forward(new double[5], new int[] {2, 3}));
        assertMessage("input entry 1 is NaN", () -> image.forward(new double[] {0, Double.NaN, 0, 0}, new int[] {2, 2}));
        assertMessage("shape [n, 1] or [n, 2]", () -> AlphaLayer.weak(1).forward(new double[9], new int[] {3, 3}));
        assertMessage("maxdim must be ≥ 0", () -> AlphaLayer.exact(-1));
        assertMessage("square distance matrix, shape [n, n], got shape [3, 2]",
                () -> RipsLayer.ofDistanceMatrix(1).forward(new double[6], new int[] {3, 2}));
        assertMessage("threshold must be ≥ 0", () -> RipsLayer.ofPoints(1, -1));
        DiagramTape tape = image.forward(new double[] {0, 3, 2, 1}, new int[] {2, 2});
        assertMessage("H0 births has 3 entries, but the H0 diagram has 1 bars",
                () -> tape.backward(new double[][] {new double[3]}, null));
        LayerOutput out = image.forward(Nd4j.createFromArray(new double[][] {{0, 3}, {2, 1}}));
        assertMessage("must be 1×2", () -> image.backward(out, Nd4j.zeros(2, 2)));
        assertMessage("3 diagram gradients given", () -> image.backward(out, null, null, null));
    }

    private static double[] fill(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    /**
     * The projective plane's lower star with distinct values: over Z/2 essential H1 and H2 classes,
     * over Z/3 neither; each finite value is the value of the vertex it is attributed to.
     * The layers built from a spec carry its coefficients.
     */
    @Test
    void coefficientsChangeTheBarsNotTheAttribution() {
        double[] values = {0.0, 0.1, 0.25, 0.4, 0.55, 0.7};
        for (int p : new int[] {2, 3}) {
            LevelSetLayer layer = new LevelSetLayer(LayerCases.projectivePlane(), 2, LevelSet.SUBLEVEL, p);
            DiagramTape tape = layer.forward(values, new int[] {6});
            for (int k = 1; k <= 2; k++) {
                Diagram d = tape.diagrams().get(k);
                long essential = java.util.stream.IntStream.range(0, d.size()).filter(d::isEssential).count();
                assertEquals(p == 2 ? 1 : 0, essential, "Z/" + p + " " + d);
            }
            for (Diagram d : tape.diagrams()) {
                for (int i = 0; i < d.size(); i++) {
                    assertEquals(d.birth(i), values[d.birthSource(i, 0)]);
                    if (!d.isEssential(i)) {
                        assertEquals(d.death(i), values[d.deathSource(i, 0)]);
                    }
                }
            }
        }
        org.topolayer.compute.FiltrationSpec rips = org.topolayer.compute.FiltrationSpec.rips(1, 2.0).withCoefficients(5);
        assertEquals(5, ((RipsLayer) Layers.ofPoints(rips)).coefficientModulus());
        assertEquals(5, ((RipsLayer) Layers.ofDistanceMatrix(rips)).coefficientModulus());
        org.topolayer.compute.FiltrationSpec star = org.topolayer.compute.FiltrationSpec.lowerStar(LevelSet.SUBLEVEL, 1)
                .withCoefficients(3);
        assertEquals(3, ((LevelSetLayer) Layers.ofComplex(star, LayerCases.projectivePlane())).coefficientModulus());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RipsLayer.ofPoints(1, 1.0, 8));
        assertTrue(bad.getMessage().contains("a prime below 32768") && bad.getMessage().endsWith("got 8"), bad.getMessage());
    }
}
