package org.topolayer.bench;

import java.util.SplittableRandom;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.grid.LevelSetPersistence;

/** Level-set persistence (H0+H1, sublevel, with attribution) of random images, single thread. */
final class LevelSetBench {
    private LevelSetBench() {}

    static void run(double seconds) {
        image(28, "≤ 30 µs (TopologyLayer 5.9 ms fwd+bwd)", seconds);
        image(256, "≤ 8 ms (TopologyLayer 1.36 s fwd+bwd)", seconds);
        image(1024, "≤ 250 ms (GUDHI 25.8 s)", seconds);
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
