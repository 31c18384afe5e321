package org.topolayer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topolayer.bench.Benchmarks;
import org.topolayer.persistence.PrimeField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topo bench}: the speed benchmarks behind the README's table. */
@Command(name = "bench", description = {"Times the persistence engine, single thread, and prints a Markdown table:",
        "CPU time (median over repetitions after warm-up) and peak heap per case, beside its target."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "SUITE",
            description = "levelset, volume, rips, alpha, layer, gan or all (default: ${DEFAULT-VALUE})")
    Benchmarks.Suite suite;

    @Option(names = "--seconds", defaultValue = "3", paramLabel = "S",
            description = "CPU seconds of timing per case (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--bench-data", paramLabel = "DIR",
            description = "folder with Ripser's benchmark clouds (default: $TOPO_BENCH_DATA)")
    Path data;

    @Option(names = "--rips-large", description = "run only the slow o3_4096 Rips case (about half a minute a run)")
    boolean ripsLarge;

    @Option(names = "--coeff", paramLabel = "P", defaultValue = "2",
            description = "rips suite: compute over Z/P, P a prime below 32768 (default: ${DEFAULT-VALUE})")
    int coefficient;

    @Override
    public Integer call() {
        if (!(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be positive, got " + seconds);
        }
        String fromEnvironment = System.getenv("TOPO_BENCH_DATA");
        Path dir = data != null ? data : fromEnvironment != null ? Path.of(fromEnvironment) : null;
        boolean needsData = suite == Benchmarks.Suite.RIPS || suite == Benchmarks.Suite.ALL;
        if (needsData && (dir == null || !Files.isDirectory(dir))) {
            String where = dir == null ? "" : " at '" + dir.normalize() + "'";
            throw new ParameterException(spec.commandLine(), "--bench-data: no benchmark folder" + where
                    + "; pass --bench-data DIR with unif2d_2000.txt, sphere_3_192_points.dat, o3_1024.txt, torus3d_1000.txt");
        }
        try {
            PrimeField.of(coefficient);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--coeff: " + e.getMessage());
        }
        Benchmarks.run(suite, seconds, dir, ripsLarge, coefficient);
        return 0;
    }
}
