package org.topolayer.bench;

import java.util.SplittableRandom;
import org.topolayer.complex.Delaunay;
import org.topolayer.persistence.alpha.AlphaPersistence;

/** Delaunay alone, weak and exact alpha persistence (H0+H1, attribution) of uniform points in the unit square. */
final class AlphaBench {
    private AlphaBench() {}

    static void run(double seconds) {
        double[][] p5k = uniform(5_000), p10k = uniform(10_000), p100k = uniform(100_000);
        print("weak alpha 2-D n=5000", "TopologyLayer 0.76 s", seconds, () -> AlphaPersistence.weak(p5k, 1));
        print("exact alpha 2-D n=10000", "GUDHI 0.34 s", seconds, () -> AlphaPersistence.exact(p10k, 1));
        print("Delaunay only n=100000", "-", seconds, () -> Delaunay.of(p100k));
        print("weak alpha 2-D n=100000", "≤ 1 s", seconds, () -> AlphaPersistence.weak(p100k, 1));
        print("exact alpha 2-D n=100000", "GUDHI 5.0 s", seconds, () -> AlphaPersistence.exact(p100k, 1));
    }

    private static void print(String name, String target, double seconds, java.util.function.Supplier<Object> work) {
        System.out.println(BenchHarness.measure(name, target, 3, seconds, work).row());
    }

    static double[][] uniform(int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
        return p;
    }
}
