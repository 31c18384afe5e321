package org.topolayer.bench;

import java.util.SplittableRandom;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.grid.LevelSetPersistence;

/**
 * Level-set persistence with attribution, single thread: H0+H1 of random images, and H0–H2 of
 * uniform-noise volumes (the worst case for the volume path: the most bars and reductions).
 */
final class LevelSetBench {
    private LevelSetBench() {}

    static void run(double seconds) {
        image(28, "≤ 30 µs (TopologyLayer 5.9 ms fwd+bwd)", seconds);
        image(256, "≤ 8 ms (TopologyLayer 1.36 s fwd+bwd)", seconds);
        image(1024, "≤ 250 ms (GUDHI 25.8 s)", seconds);
    }

    /** Volumes n³ of uniform noise, H0–H2, sublevel. */
    static void volumes(double seconds) {
        volume(32, "— (issue 18: GUDHI cubical 0.27 s)", seconds);
        volume(64, "≤ 0.3 s (general path: 15 s end to end)", seconds);
        volume(128, "within 2 GB of heap", seconds);
    }

    private static void volume(int n, String target, double seconds) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] v = new double[n * n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble();
        }
        int[] shape = {n, n, n};
        BenchHarness.Result r = BenchHarness.measure("levelset 3-D " + n + "³ H0–H2 (noise)", target, 3, seconds,
                () -> LevelSetPersistence.compute(v, shape, 2, LevelSet.SUBLEVEL).get(1).size());
        System.out.println(r.row());
    }

    private static void image(int n, String target, double seconds) {
        double[] img = field(n, n);
        int[] shape = {n, n};
        BenchHarness.Result r = BenchHarness.measure("levelset 2-D " + n + "x" + n + " H0+H1", target, 5, seconds,
                () -> LevelSetPersistence.compute(img, shape, 1, LevelSet.SUBLEVEL).get(1).size());
        System.out.println(r.row());
    }

    /** An n×n smooth-ish random field: noise plus a few bumps, like a real image rather than pure noise. */
    static double[] field(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] img = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                img[r * n + c] = Math.sin(r * 12.0 / n) * Math.cos(c * 9.0 / n) + 0.3 * rnd.nextDouble();
            }
        }
        return img;
    }
}
