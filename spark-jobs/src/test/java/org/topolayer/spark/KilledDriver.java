package org.topolayer.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A job's driver in a JVM of its own, to be killed (SIGKILL) once it has finished some partitions
 * of a resumable job (the {@code part-N} files in {@code _partitions} of its staging folder).
 */
public final class KilledDriver {
    private final Process process;
    private final Path log;

    private KilledDriver(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code SparkJobs job args} on {@code master}, stdout and stderr to {@code log}. */
    public static KilledDriver start(Path log, String master, String job, String... args) throws IOException {
        List<String> options = List.of("-Xmx1g", "-Dspark.master=" + master, "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.sql.files.openCostInBytes=128m");
        List<String> all = new ArrayList<>(List.of(job));
        all.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(TestJvm.command(options, SparkJobs.class.getName(),
                all.toArray(String[]::new)));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new KilledDriver(pb.start(), log);
    }

    /**
     * Waits until the staging folder of {@code output} holds {@code parts} finished partitions,
     * then kills the driver; returns the staging folder (null if the driver ended first).
     */
    public Path killAfter(Path output, int parts) throws Exception {
        Path staging = null;
        while (process.isAlive() && ((staging = staging(output)) == null || parts(staging).size() < parts)) {
            Thread.sleep(10);
        }
        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
        return staging;
    }

    /** What the driver printed. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The staging folder a driver writes beside output, or null before there is one. */
    public static Path staging(Path output) throws IOException {
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            return siblings.filter(f -> f.getFileName().toString().startsWith(output.getFileName() + ".staging-"))
                    .findFirst().orElse(null);
        }
    }

    /** The finished partition files in a staging folder. */
    public static List<Path> parts(Path staging) throws IOException {
        Path folder = staging.resolve("_partitions");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("part-\\d+")).toList();
        } catch (NoSuchFileException committed) { // the job ended meanwhile
            return List.of();
        }
    }
}
