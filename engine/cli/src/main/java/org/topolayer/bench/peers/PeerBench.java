package org.topolayer.bench.peers;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.filtration.LevelSet;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.io.TsvDiagramWriter;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.alpha.AlphaMode;

/**
 * The Java side of the side-by-side benchmark ({@code bin/topo-peers}).
 *
 * <pre>
 * PeerBench run    --output DIR [--budget S]   time every case of DIR/cases.tsv, write DIR/ours/
 * PeerBench report --output DIR                compare with DIR/gudhi/, print and write the table and plot
 * </pre>
 *
 * <p>Timing, per case: a first (cold) run, then warm batches (at least one; more while their
 * total CPU time stays within the budget, at most 5). A batch repeats the case until it has taken
 * 0.2 s of process CPU (the JVM's process CPU clock ticks in 10 ms steps on Linux). Written to
 * results.tsv: {@code cpu_s}, the median over the warm batches of the computing thread's CPU time
 * per computation (steady state, as the project's other benchmarks; the figure in the table);
 * {@code process_cpu_s}, the same for the whole process (JIT compiler and GC threads included);
 * {@code cold_cpu_s}, the first run's process CPU time (what one computation in a fresh JVM costs,
 * JIT compilation included); {@code wall_s}, warm wall time (machine load shows there).
 * Memory ({@code peak_mb}): the bytes the computing thread allocated during the cold run (the
 * JVM's per-thread allocation counter): an upper bound of the heap the case needs at its peak,
 * exact and independent of when the collector runs (heap pool peaks are only sampled at
 * collections). {@code bin/topo-peers} runs the JVM with the serial collector: the comparison
 * is single-threaded.
 */
public final class PeerBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_RUNS = 5;

    private PeerBench() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        double budget = 3;
        String mode = args.length > 0 ? args[0] : "";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> out = Path.of(args[++i]);
                case "--budget" -> budget = Double.parseDouble(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            usage("--output DIR is required");
        }
        switch (mode) {
            case "run" -> run(out, budget);
            case "report" -> PeerReport.report(out);
            default -> usage("mode must be run or report");
        }
    }

    private static void usage(String problem) {
        System.err.println("PeerBench: " + problem + "\nusage: PeerBench run|report --output DIR [--budget S]");
        System.exit(2);
    }

    static void run(Path out, double budget) throws IOException, BadInputException {
        List<PeerCase> cases = PeerCase.readManifest(out.resolve("cases.tsv"));
        Path dir = out.resolve("ours");
        Files.createDirectories(dir);
        System.err.printf(Locale.ROOT, "PeerBench: java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        StringBuilder results = new StringBuilder("case\tstatus\truns\tcpu_s\twall_s\tcold_cpu_s\tpeak_mb\tprocess_cpu_s\n");
        for (PeerCase c : cases) {
            Object input = load(c);
            Timing t = time(c, input, budget);
            StringWriter tsv = new StringWriter();
            new TsvDiagramWriter().write(t.diagrams, tsv);
            AtomicFiles.write(dir.resolve(c.name() + ".tsv"), tsv.toString().getBytes(StandardCharsets.UTF_8));
            results.append(String.format(Locale.ROOT, "%s\tok\t%d\t%s\t%s\t%s\t%.3f\t%s%n", c.name(), t.runs,
                    t.cpu, t.wall, t.coldCpu, t.peakBytes / 1048576.0, t.processCpu));
            System.err.printf(Locale.ROOT, "PeerBench: %-32s %.4g s CPU (first run %.4g s, %d runs)%n", c.name(), t.cpu,
                    t.coldCpu, t.runs);
        }
        AtomicFiles.write(dir.resolve("results.tsv"), results.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Object load(PeerCase c) throws BadInputException {
        String spec = c.input().toString();
        return c.takesGrid() ? Inputs.storedGrid(spec) : Inputs.points(spec);
    }

    static PersistenceDiagrams compute(PeerCase c, Object input) {
        FiltrationSpec spec = spec(c.kind(), c.maxDimension(), c.threshold());
        if (input instanceof Grid g) {
            return spec.compute(g.values(), g.shape());
        }
        return spec.computePoints((double[][]) input);
    }

    /** A case's filtration in the engine's specification (kinds are the GUDHI script's names). */
    static FiltrationSpec spec(String kind, int maxDimension, double threshold) {
        return switch (kind) {
            case "rips" -> FiltrationSpec.rips(maxDimension, threshold);
            case "alpha_weak" -> FiltrationSpec.alpha(AlphaMode.WEAK, maxDimension);
            case "alpha_exact" -> FiltrationSpec.alpha(AlphaMode.EXACT, maxDimension);
            case "levelset" -> FiltrationSpec.levelSet(LevelSet.SUBLEVEL, maxDimension);
            case "cubical" -> FiltrationSpec.cubical(LevelSet.SUBLEVEL, maxDimension);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** cpu: the computing thread's CPU time; processCpu: all threads (JIT compilation and GC included). */
    private record Timing(PersistenceDiagrams diagrams, int runs, double cpu, double wall, double coldCpu,
                          double processCpu, long peakBytes) {}

    private static Timing time(PeerCase c, Object input, double budget) {
        System.gc();
        long a0 = allocated();
        long p0 = processCpu(), w0 = System.nanoTime(), t0 = THREADS.getCurrentThreadCpuTime();
        PersistenceDiagrams diagrams = compute(c, input);
        double coldCpu = (processCpu() - p0) / 1e9, coldWall = (System.nanoTime() - w0) / 1e9;
        double coldThread = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
        long peak = allocated() - a0;
        // warm runs in batches of at least 0.2 s of process CPU each: the JVM's process CPU clock
        // ticks in 10 ms steps on Linux
        List<double[]> warm = new ArrayList<>();
        double spent = coldCpu, next = coldCpu; // the budget counts CPU time, so machine load does not change the runs
        while (warm.isEmpty() || (warm.size() < MAX_RUNS && spent + next <= budget)) {
            long q0 = processCpu(), v0 = System.nanoTime(), s0 = THREADS.getCurrentThreadCpuTime();
            int batch = 0;
            do {
                diagrams = compute(c, input);
                batch++;
            } while (processCpu() - q0 < 200_000_000L);
            double[] r = {(processCpu() - q0) / 1e9 / batch, (System.nanoTime() - v0) / 1e9 / batch,
                    (THREADS.getCurrentThreadCpuTime() - s0) / 1e9 / batch};
            warm.add(r);
            next = r[0] * batch;
            spent += next;
        }
        return new Timing(diagrams, warm.size() + 1, median(warm, 2), median(warm, 1), coldCpu, median(warm, 0), peak);
    }

    private static double median(List<double[]> runs, int k) {
        double[] v = runs.stream().mapToDouble(r -> r[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Bytes the calling thread has allocated so far (HotSpot's thread allocation counter). */
    private static long allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean t) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return THREADS.getCurrentThreadCpuTime();
    }

    static String fmt(double seconds) {
        if (!(seconds >= 0)) {
            return "—";
        }
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g s", seconds);
    }

    static double[] parse(String... values) {
        return Arrays.stream(values).mapToDouble(v -> v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v))
                .toArray();
    }
}
