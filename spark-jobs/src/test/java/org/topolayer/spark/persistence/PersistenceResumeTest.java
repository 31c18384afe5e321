package org.topolayer.spark.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.KilledDriver;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.io.SyntheticSource;
import org.topolayer.spark.output.JobSummary;

/**
 * The persistence job's driver, a separate JVM, is killed (SIGKILL) once some partitions are
 * finished; the same command run again reuses them, computes only the others, and writes exactly
 * the rows of an uninterrupted run. The dead driver's staging folder, given to other outputs, is
 * not reused by a run with another option or a touched input file: those start clean and say why.
 */
@Tag("slow") // kills a real driver JVM and resumes (verify only)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class PersistenceResumeTest {
    private static final int FILES = 8;
    private static final int PER_FILE = 40;

    @TempDir
    Path tmp;

    @Test
    void aKilledDriverIsResumedAndOnlyAChangedRunStartsClean() throws Exception {
        SparkSession spark = LocalSpark.session();
        Path input = tmp.resolve("images");
        // 8 Parquet files of 40 images, each its own partition (the open cost below keeps them apart)
        new SyntheticSource(FILES * PER_FILE, 5).load(spark).select("id", "label", "values").repartition(FILES)
                .write().parquet(input.toString());
        String[] common = {"--input", input.toString(), "--format", "parquet", "--shape", "28x28"};
        String[] job = with(common, "--feature", "topk:dim=0,k=4;topk:dim=1,k=4");

        Path killed = tmp.resolve("killed");
        KilledDriver driver = KilledDriver.start(tmp.resolve("driver.log"), "local[1]", "persistence",
                with(job, "--output", killed.toString()));
        Path staging = driver.killAfter(killed, 2);
        assertFalse(Files.exists(killed), () -> "killed before the end; the driver said: " + driver.log());
        int reused = KilledDriver.parts(staging).size();
        assertTrue(reused >= 2 && reused < FILES, () -> reused + " partitions finished; the driver said: "
                + driver.log());

        // copies of the dead driver's folder for two other outputs (a dead driver's, by its name)
        Path changedOption = adopted(staging, killed, "changed-option");
        Path changedInput = adopted(staging, killed, "changed-input");

        spark.conf().set("spark.sql.files.openCostInBytes", "128m");
        try {
            // the same command in this JVM (another driver, on 2 cores instead of 1) resumes
            JobSummary resumed = LocalSpark.run(new PersistenceJob(), with(job, "--output", killed.toString()));
            assertEquals(reused, resumed.get("partitions_reused"));
            assertEquals((long) (FILES - reused), resumed.get("partitions_computed"));
            assertEquals((long) (FILES - reused) * PER_FILE, resumed.get("samples_computed"),
                    "the reused partitions' samples were not computed again");
            assertEquals((long) FILES * PER_FILE, resumed.get("samples"));

            JobSummary straight = LocalSpark.run(new PersistenceJob(), with(job, "--output",
                    tmp.resolve("straight").toString()));
            assertEquals(0, straight.get("partitions_reused"));
            assertEquals((long) FILES, straight.get("partitions_computed"));
            assertEquals(LocalSpark.exactRows(spark.read().parquet(tmp.resolve("straight").toString()), "id"),
                    LocalSpark.exactRows(spark.read().parquet(killed.toString()), "id"), "bit for bit");
            try (Stream<Path> files = Files.list(killed)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().equals("_partitions")),
                        "the partition files are not part of the output");
            }
            try (Stream<Path> siblings = Files.list(tmp)) {
                assertTrue(siblings.noneMatch(f -> f.getFileName().toString().startsWith("killed.staging-")));
            }

            String said = stderrOf(() -> {
                JobSummary other = LocalSpark.run(new PersistenceJob(), with(common, "--output",
                        changedOption.toString(), "--feature", "topk:dim=0,k=5;topk:dim=1,k=4"));
                assertEquals(0, other.get("partitions_reused"));
                assertEquals((long) FILES, other.get("partitions_computed"));
            });
            assertTrue(said.contains("not resumed: --feature was topk:dim=0,k=4,topk:dim=1,k=4, is"
                    + " topk:dim=0,k=5,topk:dim=1,k=4, starting clean"), said);

            Path touched;
            try (Stream<Path> files = Files.list(input)) {
                touched = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
            Files.setLastModifiedTime(touched, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(touched).toMillis() + 5000));
            said = stderrOf(() -> {
                JobSummary other = LocalSpark.run(new PersistenceJob(), with(job, "--output", changedInput.toString()));
                assertEquals(0, other.get("partitions_reused"));
            });
            assertTrue(said.contains("not resumed: input ") && said.contains(touched.getFileName().toString()), said);
        } finally {
            spark.conf().unset("spark.sql.files.openCostInBytes");
        }
    }

    /** A copy of the dead driver's staging folder of {@code killed}, as if left beside output {@code name}. */
    private Path adopted(Path staging, Path killed, String name) throws IOException {
        Path output = tmp.resolve(name);
        Path copy = tmp.resolve(name + staging.getFileName().toString().substring(killed.getFileName().toString().length()));
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(staging.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return output;
    }

    private interface Run {
        void run() throws Exception;
    }

    /** What the run printed on stderr. */
    private static String stderrOf(Run run) throws Exception {
        PrintStream was = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(was);
        }
        return said.toString(StandardCharsets.UTF_8);
    }

    private static String[] with(String[] args, String... more) {
        return LocalSpark.with(args, more);
    }
}
