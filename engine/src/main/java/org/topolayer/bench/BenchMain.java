package org.topolayer.bench;

import java.util.Locale;

/**
 * The project's benchmark command: {@code bin/topo-bench [levelset|rips|alpha|layer|all] [--seconds S]
 * [--data DIR]}. Prints a Markdown table (the README's benchmark table comes from it).
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        String which = "all";
        double seconds = 3;
        java.nio.file.Path data = java.nio.file.Path.of("../shared/bench-data");
        boolean ripsLarge = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--data" -> data = java.nio.file.Path.of(args[++i]);
                case "--rips-large" -> ripsLarge = true;
                case "levelset", "alpha", "rips", "layer", "all" -> which = args[i];
                default -> {
                    System.err.println("unknown argument '" + args[i]
                            + "'; usage: BenchMain [levelset|rips|alpha|layer|all] [--seconds S] [--data DIR] [--rips-large]");
                    System.exit(2);
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "java %s, %d cores, max heap %d MB",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        System.out.println(BenchHarness.header());
        if (which.equals("levelset") || which.equals("all")) {
            LevelSetBench.run(seconds);
        }
        if (which.equals("rips") || which.equals("all")) {
            RipsBench.run(data, seconds, ripsLarge);
        }
        if (which.equals("alpha") || which.equals("all")) {
            AlphaBench.run(seconds);
        }
        if (which.equals("layer") || which.equals("all")) {
            LayerBench.run(seconds);
        }
    }
}
