package org.topolayer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.topolayer.complex.Delaunay;
import org.topolayer.persistence.alpha.AlphaPersistence;

/**
 * Times the alpha code on seeded uniform random points in the unit square: the Delaunay
 * triangulation alone, and weak and exact alpha persistence (Delaunay, values, H0 and H1 with
 * attribution). Prints the median CPU time of the calling thread after warm-up, the wall time,
 * and the heap growth at the peak of one run (pools' peak usage minus the usage before it).
 *
 * <p>Usage: {@code java -cp ... org.topolayer.bench.AlphaBench [sizes...]} (default 10000
 * 100000). Run it niced on a quiet machine; the numbers are per single thread.
 */
public final class AlphaBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AlphaBench() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("%-10s %8s %12s %12s %12s%n", "task", "points", "cpu ms", "wall ms", "peak MB");
        for (int n : sizes) {
            double[][] points = uniform(n, 42);
            int repeats = n >= 50_000 ? 7 : 15;
            report("delaunay", n, points, repeats, Delaunay::of);
            report("weak", n, points, repeats, p -> AlphaPersistence.weak(p, 1));
            report("exact", n, points, repeats, p -> AlphaPersistence.exact(p, 1));
        }
    }

    private static void report(String task, int n, double[][] points, int repeats, Consumer<double[][]> work) {
        for (int i = 0; i < repeats; i++) {
            work.accept(points); // warm-up: JIT compilation
        }
        long[] cpu = new long[repeats];
        long[] wall = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            work.accept(points);
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            wall[i] = System.nanoTime() - w0;
        }
        System.out.printf("%-10s %8d %12.1f %12.1f %12.1f%n", task, n, median(cpu) / 1e6, median(wall) / 1e6,
                peakHeapGrowth(points, work) / 1048576.0);
    }

    private static long peakHeapGrowth(double[][] points, Consumer<double[][]> work) {
        System.gc();
        long before = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                before += pool.getUsage().getUsed();
            }
        }
        work.accept(points);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak - before;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[][] uniform(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
        return p;
    }
}
