package org.topolayer.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finite-difference checks of every layer's backward pass, on random inputs without ties. */
class LayerGradientTest {

    static Stream<Arguments> layers() {
        return LayerCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(String name, PersistenceLayer layer, int[] shape) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = LayerCases.input(layer, shape, seed);
            DiagramTape tape = layer.forward(x, shape);
            assertTrue(tape.diagrams().get(0).size() > 0, name + ": some bars");
            double[][][] g = SmoothDiagramFunction.gradient(tape.diagrams());
            double[] analytic = tape.backward(g[0], g[1]);
            LayerCases.checkGradient(layer, y -> SmoothDiagramFunction.value(layer.forward(y, shape).diagrams()), x,
                    shape, analytic, 40, name + " seed " + seed);
        }
    }
}
