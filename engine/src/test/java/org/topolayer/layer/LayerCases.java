package org.topolayer.layer;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.SimplicialComplex;

/** Every layer kind with a small input shape: (name, layer, shape), for gradient tests. */
public final class LayerCases {
    private LayerCases() {}

    public static Stream<Arguments> all() {
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

    /** Uniform random entries in [0, 1): no ties with probability 1. */
    public static double[] random(int[] shape, long seed) {
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
