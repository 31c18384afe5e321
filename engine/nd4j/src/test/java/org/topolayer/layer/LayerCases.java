package org.topolayer.layer;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.features.GradientCheck;
import org.topolayer.filtration.LevelSet;

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
                // H0 alone builds only vertices and edges (the voxel prior's setting): its own gradient check
                Arguments.of("volume superlevel H0", GridLevelSetLayer.volume(0, LevelSet.SUPERLEVEL), new int[] {5, 4, 3}),
                Arguments.of("cubical image sublevel", CubicalLayer.image(1, LevelSet.SUBLEVEL), new int[] {9, 8}),
                Arguments.of("cubical image superlevel", CubicalLayer.image(1, LevelSet.SUPERLEVEL), new int[] {9, 8}),
                Arguments.of("cubical volume sublevel", CubicalLayer.volume(2, LevelSet.SUBLEVEL), new int[] {4, 4, 3}),
                Arguments.of("cubical volume superlevel", CubicalLayer.volume(2, LevelSet.SUPERLEVEL), new int[] {4, 4, 3}),
                Arguments.of("complex sublevel", new LevelSetLayer(torusLike, 1, LevelSet.SUBLEVEL), new int[] {20}),
                Arguments.of("complex superlevel", new LevelSetLayer(torusLike, 1, LevelSet.SUPERLEVEL), new int[] {20}),
                Arguments.of("weak alpha 2-D", AlphaLayer.weak(1), new int[] {25, 2}),
                Arguments.of("weak alpha 1-D", AlphaLayer.weak(0), new int[] {12, 1}),
                Arguments.of("exact alpha 2-D", AlphaLayer.exact(1), new int[] {25, 2}),
                Arguments.of("exact alpha 1-D", AlphaLayer.exact(0), new int[] {12, 1}),
                Arguments.of("rips 3-D points", RipsLayer.ofPoints(2), new int[] {14, 3}),
                Arguments.of("rips 2-D points, threshold", RipsLayer.ofPoints(1, 0.4), new int[] {20, 2}),
                Arguments.of("rips distance matrix", RipsLayer.ofDistanceMatrix(1), new int[] {15, 15}),
                // other coefficient fields: the same attribution, other pairs
                Arguments.of("rips 3-D points Z/3", RipsLayer.ofPoints(2, Double.POSITIVE_INFINITY, 3), new int[] {14, 3}),
                Arguments.of("rips distance matrix Z/5", RipsLayer.ofDistanceMatrix(1, Double.POSITIVE_INFINITY, 5),
                        new int[] {15, 15}),
                Arguments.of("complex sublevel Z/7", new LevelSetLayer(torusLike, 1, LevelSet.SUBLEVEL, 7), new int[] {20}),
                Arguments.of("projective plane Z/2", new LevelSetLayer(projectivePlane(), 2, LevelSet.SUBLEVEL, 2),
                        new int[] {6}),
                Arguments.of("projective plane Z/3", new LevelSetLayer(projectivePlane(), 2, LevelSet.SUBLEVEL, 3),
                        new int[] {6}));
    }

    /** The 6-vertex, 10-triangle projective plane: H1 and H2 over Z/2 only. */
    static SimplicialComplex projectivePlane() {
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        int[][] triangles = {{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {0, 1, 5},
            {1, 2, 4}, {2, 3, 5}, {1, 3, 4}, {2, 4, 5}, {1, 3, 5}};
        for (int[] t : triangles) {
            b.add(t);
        }
        return b.build();
    }

    /**
     * A valid random input for the layer: uniform entries in [0, 1) (no ties with probability 1),
     * or for a distance-matrix layer the distances of random 4-D points.
     */
    public static double[] input(PersistenceLayer layer, int[] shape, long seed) {
        if (!isDistanceMatrix(layer)) {
            return random(shape, seed);
        }
        int n = shape[0];
        double[] points = random(new int[] {n, 4}, seed);
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += Math.pow(points[4 * i + k] - points[4 * j + k], 2);
                }
                d[i * n + j] = Math.sqrt(s);
            }
        }
        return d;
    }

    /**
     * Checks a gradient w.r.t. the layer's input by finite differences; a distance matrix is
     * perturbed symmetrically (D[i][j] and D[j][i] together), against g[i][j] + g[j][i].
     */
    public static void checkGradient(PersistenceLayer layer, java.util.function.ToDoubleFunction<double[]> f, double[] x,
                                     int[] shape, double[] gradient, int maxEntries, String what) {
        if (!isDistanceMatrix(layer)) {
            GradientCheck.assertMatches(f, x, gradient, maxEntries, what);
            return;
        }
        int n = shape[0];
        int pairs = n * (n - 1) / 2;
        double[] upper = new double[pairs];
        double[] upperGradient = new double[pairs];
        int[] at = new int[pairs];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, p++) {
                at[p] = i * n + j;
                upper[p] = x[i * n + j];
                upperGradient[p] = gradient[i * n + j] + gradient[j * n + i];
            }
        }
        GradientCheck.assertMatches(u -> {
            double[] d = x.clone();
            for (int p = 0; p < pairs; p++) {
                d[at[p]] = u[p];
                d[(at[p] % n) * n + at[p] / n] = u[p];
            }
            return f.applyAsDouble(d);
        }, upper, upperGradient, maxEntries, what);
    }

    private static boolean isDistanceMatrix(PersistenceLayer layer) {
        return layer instanceof RipsLayer r && r.takesDistanceMatrix();
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
