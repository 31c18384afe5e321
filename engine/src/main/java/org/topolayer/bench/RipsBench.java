package org.topolayer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.rips.RipsPersistence;

/**
 * Times {@link RipsPersistence} on Ripser's benchmark point clouds, single-threaded: per case the
 * median CPU time of a few runs after a warm-up run, and the peak heap of one run (sum of the
 * heap pools' peak occupancy, garbage included: an upper bound of what the run needs).
 *
 * <p>Usage: {@code RipsBench [data-dir] [runs] [case-name-filter]}; data-dir defaults to
 * {@code ../shared/bench-data}, resolved against the working directory (the repository root).
 * o3_4096 (about a minute per run) runs only when the filter names it. Run niced on a shared
 * machine.
 */
public final class RipsBench {
    /** onRequest: slow cases that run only when the filter argument selects them. */
    private record Case(String file, int maxDimension, double threshold, String ripserSeconds, boolean onRequest) {}

    private static final List<Case> CASES = List.of(
            new Case("unif2d_2000.txt", 1, Double.POSITIVE_INFINITY, "1.2-1.4", false),
            new Case("sphere_3_192_points.dat", 2, Double.POSITIVE_INFINITY, "0.80", false),
            new Case("o3_1024.txt", 3, 1.8, "2.0", false),
            new Case("torus3d_1000.txt", 2, 1.2, "0.39", false),
            new Case("o3_4096.txt", 3, 1.4, "39", true));

    private RipsBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench-data");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String filter = args.length > 2 ? args[2] : "";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-26s %6s %9s %10s %12s %10s  %s%n", "case", "maxdim", "threshold", "cpu s (med)",
                "ripser s", "peak MB", "nonzero bars per dim");
        for (Case c : CASES) {
            if (!c.file().contains(filter) || (c.onRequest() && filter.isEmpty())) {
                continue;
            }
            double[][] points = readPoints(dir.resolve(c.file()));
            PersistenceDiagrams result = RipsPersistence.ofPoints(points, c.maxDimension(), c.threshold()); // warm-up
            double[] seconds = new double[runs];
            long peak = 0;
            for (int r = 0; r < runs; r++) {
                System.gc();
                resetHeapPeaks();
                long start = threads.getCurrentThreadCpuTime();
                result = RipsPersistence.ofPoints(points, c.maxDimension(), c.threshold());
                seconds[r] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                peak = Math.max(peak, heapPeakBytes());
            }
            Arrays.sort(seconds);
            System.out.printf("%-26s %6d %9s %10.3f %12s %10.1f  %s%n", c.file(), c.maxDimension(),
                    Double.isInfinite(c.threshold()) ? "none" : String.valueOf(c.threshold()), seconds[runs / 2],
                    c.ripserSeconds(), peak / 1048576.0, barCounts(result));
        }
    }

    /** One point per line, coordinates separated by white space; blank lines are skipped. */
    static double[][] readPoints(Path file) throws IOException {
        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            double[] p = new double[fields.length];
            for (int k = 0; k < fields.length; k++) {
                p[k] = Double.parseDouble(fields[k]);
            }
            points.add(p);
        }
        return points.toArray(new double[0][]);
    }

    private static String barCounts(PersistenceDiagrams diagrams) {
        StringBuilder sb = new StringBuilder();
        for (Diagram d : diagrams) {
            sb.append(sb.length() == 0 ? "" : " ").append(d.countNonZero());
        }
        return sb.toString();
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
