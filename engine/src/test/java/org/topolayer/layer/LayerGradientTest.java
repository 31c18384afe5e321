package org.topolayer.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.SimplicialComplex;

/** Finite-difference checks of every layer's backward pass, on random inputs without ties. */
class LayerGradientTest {

    static Stream<Arguments> layers() {
        SimplicialComplex torusLike = GridComplex.freudenthal(new int[] {4, 5}, 2);
        return Stream.of(
                Arguments.of("signal sublevel", GridLevelSetLayer.signal(0, LevelSet.SUBLEVEL), new int[] {30}),
                Arguments.of("signal superlevel", GridLevelSetLayer.signal(0, LevelSet.SUPERLEVEL), new int[] {30}),
                Arguments.of("image sublevel", GridLevelSetLayer.image(1, LevelSet.SUBLEVEL), new int[] {9, 8}),
                Arguments.of("image superlevel", GridLevelSetLayer.image(1, LevelSet.SUPERLEVEL), new int[] {9, 8}),
                Arguments.of("volume sublevel", GridLevelSetLayer.volume(2, LevelSet.SUBLEVEL), new int[] {4, 4, 3}),
                Arguments.of("volume superlevel", GridLevelSetLayer.volume(2, LevelSet.SUPERLEVEL), new int[] {4, 4, 3}),
                Arguments.of("complex sublevel", new LevelSetLayer(torusLike, 1, LevelSet.SUBLEVEL), new int[] {20}),
                Arguments.of("complex superlevel", new LevelSetLayer(torusLike, 1, LevelSet.SUPERLEVEL), new int[] {20}),
                Arguments.of("weak alpha 2-D", AlphaLayer.weak(1), new int[] {25, 2}),
                Arguments.of("weak alpha 1-D", AlphaLayer.weak(0), new int[] {12, 1}),
                Arguments.of("exact alpha 2-D", AlphaLayer.exact(1), new int[] {25, 2}),
                Arguments.of("exact alpha 1-D", AlphaLayer.exact(0), new int[] {12, 1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(String name, PersistenceLayer layer, int[] shape) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = random(shape, seed);
            DiagramTape tape = layer.forward(x, shape);
            assertTrue(tape.diagrams().get(0).size() > 0, name + ": some bars");
            double[][][] g = SmoothDiagramFunction.gradient(tape.diagrams());
            double[] analytic = tape.backward(g[0], g[1]);
            GradientCheck.assertMatches(y -> SmoothDiagramFunction.value(layer.forward(y, shape).diagrams()), x,
                    analytic, 40, name + " seed " + seed);
        }
    }

    static double[] random(int[] shape, long seed) {
        int n = 1;
        for (int len : shape) {
            n *= len;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble();
        }
        return x;
    }
}
