package org.topolayer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times one case on the calling thread: CPU time by default (not wall time, so a busy shared
 * machine matters less; wall time on request, for parallel work), median over repetitions after
 * warm-up, and the peak heap used during the timed runs (JVM pool peaks, reset before; includes
 * garbage not yet collected, so it is an upper bound). Prints one table row per case.
 */
public final class BenchHarness {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BenchHarness() {}

    /** Result of one case; runs counts timed batches. */
    public record Result(String name, double medianSeconds, double minSeconds, int runs, long peakHeapBytes,
                         String target) {
        public String row() {
            return String.format(Locale.ROOT, "| %-44s | %12s | %12s | %6d | %9.1f MB | %s |", name,
                    human(medianSeconds), human(minSeconds), runs, peakHeapBytes / 1e6, target);
        }
    }

    public static String header() {
        return "| case                                         | median (CPU) |  min (CPU)   |  runs  |  peak heap   | target |\n"
                + "|----------------------------------------------|--------------|--------------|--------|--------------|--------|";
    }

    /**
     * Runs {@code work} until both {@code minRuns} and {@code minSeconds} of CPU time are reached
     * (after about a third of that spent on warm-up), and returns the timing.
     *
     * @param work returns something derived from its result, so the JIT cannot drop the work
     */
    public static Result measure(String name, String target, int minRuns, double minSeconds, Supplier<Object> work) {
        return measure(name, target, minRuns, minSeconds, work, false);
    }

    /** What a case is timed by. */
    public enum Clock {
        /** The calling thread's CPU time: single-threaded work. */
        THREAD_CPU,
        /** The whole process's CPU time: work that also runs on pools (comparable across thread counts). */
        PROCESS_CPU,
        /** Elapsed time: parallel work, on an otherwise idle machine. */
        WALL
    }

    /**
     * As {@link #measure(String, String, int, double, Supplier)}; with {@code wallClock} the times
     * are elapsed time instead of the calling thread's CPU time, for work that runs on several threads.
     */
    public static Result measure(String name, String target, int minRuns, double minSeconds, Supplier<Object> work,
                                 boolean wallClock) {
        return measure(name, target, minRuns, minSeconds, work, wallClock ? Clock.WALL : Clock.THREAD_CPU);
    }

    /** As {@link #measure(String, String, int, double, Supplier)}, timed by the given clock. */
    public static Result measure(String name, String target, int minRuns, double minSeconds, Supplier<Object> work,
                                 Clock timing) {
        java.util.function.LongSupplier clock = switch (timing) {
            case THREAD_CPU -> BenchHarness::cpu;
            case PROCESS_CPU -> BenchHarness::processCpu;
            case WALL -> System::nanoTime;
        };
        long sink = 0;
        long warmEnd = clock.getAsLong() + (long) (minSeconds / 3 * 1e9);
        int warm = 0;
        while (warm < 2 || (clock.getAsLong() < warmEnd && warm < 10_000)) {
            sink += work.get().hashCode();
            warm++;
        }
        // time batches long enough that the clock's cost and granularity do not show: ~2 ms, and
        // ~200 ms for the process clock, which ticks in steps of 10 ms (sized by the elapsed time)
        long batchNanos = timing == Clock.PROCESS_CPU ? 200_000_000 : 2_000_000;
        long w0 = System.nanoTime();
        sink += work.get().hashCode();
        int batch = (int) Math.max(1, Math.min(100_000, batchNanos / Math.max(1, System.nanoTime() - w0)));
        System.gc();
        resetPeaks();
        long baseline = heapUsed();
        double[] times = new double[Math.max(minRuns, 16)];
        int runs = 0;
        long start = clock.getAsLong();
        while (runs < minRuns || (clock.getAsLong() - start < minSeconds * 1e9 && runs < 1_000_000)) {
            long t0 = clock.getAsLong();
            for (int b = 0; b < batch; b++) {
                sink += work.get().hashCode();
            }
            if (runs == times.length) {
                times = Arrays.copyOf(times, runs * 2);
            }
            times[runs++] = (clock.getAsLong() - t0) / 1e9 / batch;
        }
        long peak = Math.max(0, peakHeap() - baseline);
        double[] sorted = Arrays.copyOf(times, runs);
        Arrays.sort(sorted);
        if (sink == 42) {
            System.out.print(""); // keeps sink alive
        }
        return new Result(name, sorted[runs / 2], sorted[0], runs, peak, target);
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static String human(double seconds) {
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.3f s", seconds);
    }
}
