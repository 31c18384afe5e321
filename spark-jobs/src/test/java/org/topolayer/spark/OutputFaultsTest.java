package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full disk or an unwritable output path: the job fails with one line naming the output and the
 * reason, and whatever was at the output path before is still there, byte for byte. What a
 * killed driver left beside the output is removed by the next job on it.
 */
@Tag("slow") // kills a real driver mid-write and fills a disk (verify only)
class OutputFaultsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void emptyTheDisk() {
        FullDiskFileSystem.allow(Long.MAX_VALUE);
    }

    /**
     * The disk fills up while the executors write Parquet (half of the output's bytes fit), or
     * later while the driver writes _summary.json (all the Parquet fits).
     */
    @ParameterizedTest(name = "disk full {0}")
    @ValueSource(strings = {"in the Spark write", "in the driver's summary write"})
    void aFullDiskFailsInOneLineAndLeavesThePreviousOutput(String when) throws Exception {
        Path dir = tmp.resolve("out");
        String out = FullDiskFileSystem.uri(dir);
        String[] job = {"persistence", "--input", "synthetic", "--synthetic-count", "300", "--feature", "topk:dim=0,k=2",
            "--output", out, "--overwrite"};
        assertEquals(0, launch(job).status());
        Map<String, byte[]> before = files(dir);
        long parquetBytes = before.entrySet().stream().filter(e -> !e.getKey().equals("_summary.json"))
                .mapToLong(e -> e.getValue().length).sum();
        FullDiskFileSystem.allow(when.startsWith("in the Spark") ? parquetBytes / 2 : parquetBytes + 10);

        SparkJobsTest.Run run = launch(job);

        assertEquals(1, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("cannot write output " + out + ": No space left on device"), run.err());
        assertEquals(digest(before), digest(files(dir)));
        assertEquals(List.of("out"), names(tmp), "staging folders are removed");
    }

    @Test
    void anOutputBelowAFileFailsInOneLineNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("results.txt"), "not a folder");
        String out = file.resolve("run1").toString();
        SparkJobsTest.Run run = launch("persistence", "--input", "synthetic", "--synthetic-count", "10", "--output",
                out);
        assertEquals(1, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("cannot prepare output " + out) && run.err().contains("--output"), run.err());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void whatAKilledDriverLeftBesideTheOutputIsRemovedByTheNextJob() throws Exception {
        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder(TestJvm.command(List.of("-Xmx1g", "-Dspark.master=local[2]",
                "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1"), SparkJobs.class.getName(),
                "persistence", "--input", "synthetic", "--synthetic-count", "100000", "--output", out.toString()));
        Process driver = pb.redirectErrorStream(true).redirectOutput(tmp.resolve("driver.log").toFile()).start();
        try {
            for (int i = 0; i < 3000 && driver.isAlive() && names(tmp).stream().noneMatch(n -> n.startsWith("out.staging-"));
                    i++) {
                Thread.sleep(50);
            }
        } finally {
            driver.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
        }
        List<String> left = names(tmp).stream().filter(n -> n.startsWith("out.staging-")).toList();
        assertEquals(1, left.size(), "the killed driver's staging folder: " + names(tmp));

        SparkJobsTest.Run run = launch("persistence", "--input", "synthetic", "--synthetic-count", "50", "--output",
                out.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("driver.log", "out"), names(tmp));
        assertTrue(run.err().contains("[output] removed " + left.get(0) + ", left by a driver that died"), run.err());
    }

    private static SparkJobsTest.Run launch(String... args) {
        FullDiskFileSystem.register(LocalSpark.session().sparkContext().hadoopConfiguration());
        return SparkJobsTest.run(args);
    }

    /** Every file under dir by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** SHA-256 of each file, by name. */
    private static Map<String, String> digest(Map<String, byte[]> files) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            out.put(e.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())));
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
