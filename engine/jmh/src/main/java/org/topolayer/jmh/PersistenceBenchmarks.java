package org.topolayer.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.rips.RipsPersistence;
import org.topolayer.filtration.LevelSet;

/**
 * Microbenchmarks of the small cases where per-call cost matters (the Spark workload: many small
 * samples): H0+H1 sublevel diagrams of a 28×28 image, and H0+H1 Rips of 100 points in the plane.
 * Uniform random inputs with fixed seeds. Average time per call, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PersistenceBenchmarks {
    @Param({"28"})
    int side;

    @Param({"100"})
    int points;

    double[] image;
    double[][] cloud;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        image = new double[side * side];
        for (int i = 0; i < image.length; i++) {
            image[i] = rnd.nextDouble();
        }
        cloud = new double[points][];
        for (int i = 0; i < points; i++) {
            cloud[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
    }

    @Benchmark
    public void levelSetImage(Blackhole bh) {
        bh.consume(LevelSetPersistence.compute(image, new int[] {side, side}, 1, LevelSet.SUBLEVEL));
    }

    @Benchmark
    public void ripsPlanarCloud(Blackhole bh) {
        bh.consume(RipsPersistence.ofPoints(cloud, 1, Double.POSITIVE_INFINITY));
    }
}
