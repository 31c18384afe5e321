package org.topolayer.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The project's benchmark suites, run by {@code topo bench}. Each prints Markdown table rows
 * (the README's benchmark table comes from them): single thread, CPU time, median after warm-up;
 * the layer suite's batch case runs on all cores and is timed in wall time, the GAN suite by the
 * process's CPU time.
 */
public final class Benchmarks {
    /** Which cases to run. */
    public enum Suite { LEVELSET, VOLUME, RIPS, ALPHA, LAYER, GAN, ALL }

    private Benchmarks() {}

    /**
     * @param seconds   CPU seconds to spend timing each case (after about a third as much warm-up)
     * @param dataDir   the folder with Ripser's benchmark clouds (for the Rips suite)
     * @param ripsLarge run the slow o3_4096 case instead of the regular Rips cases
     */
    public static void run(Suite suite, double seconds, Path dataDir, boolean ripsLarge) {
        run(suite, seconds, dataDir, ripsLarge, 2);
    }

    /** As {@link #run(Suite, double, Path, boolean)}, the Rips cases over Z/{@code ripsModulus}. */
    public static void run(Suite suite, double seconds, Path dataDir, boolean ripsLarge, int ripsModulus) {
        System.out.println(String.format(Locale.ROOT, "java %s, %d cores, max heap %d MB",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        System.out.println(BenchHarness.header());
        if (suite == Suite.LEVELSET || suite == Suite.ALL) {
            LevelSetBench.run(seconds);
        }
        if (suite == Suite.VOLUME || suite == Suite.ALL) {
            LevelSetBench.volumes(seconds);
        }
        if (suite == Suite.RIPS || suite == Suite.ALL) {
            RipsBench.run(dataDir, seconds, ripsLarge, ripsModulus);
        }
        if (suite == Suite.ALPHA || suite == Suite.ALL) {
            AlphaBench.run(seconds);
        }
        if (suite == Suite.LAYER || suite == Suite.ALL) {
            LayerBench.run(seconds);
        }
        if (suite == Suite.GAN || suite == Suite.ALL) {
            GanBench.run(seconds);
        }
    }
}
