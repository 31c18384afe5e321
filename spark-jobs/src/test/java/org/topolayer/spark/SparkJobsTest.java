package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line messages of the launcher: 1 for bad input, 2 for bad options or config. */
class SparkJobsTest {
    @TempDir
    Path tmp;

    @Test
    void aConfigTypoIsABadOptionNamingTheKey() throws Exception {
        Path config = tmp.resolve("persistence.properties");
        Files.writeString(config, "filtraton = sublevel\n");
        Run run = run("persistence", "--config", config.toString(), "--input", "synthetic", "--output", "x");
        assertEquals(2, run.status);
        assertTrue(run.err.contains(config + ": unknown key 'filtraton'; did you mean 'filtration'?"), run.err);
    }

    @Test
    void theShippedJobConfigsNameOnlyTheJobsOptions() {
        for (String job : java.util.List.of("persistence", "train", "attack", "pipeline")) {
            picocli.CommandLine cli = new picocli.CommandLine(new SparkJobs());
            ConfigDefaults.load(Path.of("..", "conf", job + ".properties"), cli.getSubcommands().get(job));
        }
    }

    @Test
    void badOptionsAreUsageErrorsInOneLineWithTheClosestValidChoice() {
        assertUsageError("did you mean '--on-bad-sample'?", "--on-bad-sampel", "reject");
        assertUsageError("--on-bad-sample must be fail or reject, got 'rejct'; did you mean 'reject'?",
                "--on-bad-sample", "rejct");
        assertUsageError("--threshold must be a distance > 0", "--threshold", "0");
        assertUsageError("--memory-budget must be a size such as 512m", "--memory-budget", "-3g");
        assertUsageError("--limit must be ≥ 0 (0: all)", "--limit", "-1");
    }

    /** The persistence job on synthetic input with {@code options} exits with 2 and one line containing {@code expected}. */
    private void assertUsageError(String expected, String... options) {
        String[] args = {"persistence", "--input", "synthetic", "--output", tmp.resolve("o").toString()};
        Run run = run(LocalSpark.with(args, options));
        assertEquals(2, run.status, run.err);
        assertTrue(run.err.contains(expected), run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
    }

    @Test
    void aBadSampleFailsTheJobInOneLineNamingItAndLeavesNoOutput() throws Exception {
        Path csv = tmp.resolve("in.csv");
        Files.writeString(csv, "id,values\n1,0 1 2\n2,0 NaN 2\n3,4 5 6\n");
        Path out = tmp.resolve("o");
        Run run = run("persistence", "--input", csv.toString(), "--id-column", "id", "--filtration", "sublevel",
                "--feature", "topk:dim=0,k=1", "--output", out.toString());
        assertEquals(1, run.status, run.err);
        assertEquals("topo-submit persistence: sample 2: value 1 is NaN (values must be finite); fix that sample, or run"
                + " with --on-bad-sample reject to set bad samples aside in OUTPUT/_rejected", run.err.strip());
        assertTrue(!Files.exists(out));
    }

    @Test
    void aCorruptOrTruncatedParquetFileIsBadInputInOneLineNamingIt() throws Exception {
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("values", org.apache.spark.sql.types.DataTypes.createArrayType(
                        org.apache.spark.sql.types.DataTypes.DoubleType));
        java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(org.apache.spark.sql.RowFactory.create((Object) new double[] {i, i % 7, i % 3, 1}));
        }
        Path written = tmp.resolve("written");
        LocalSpark.session().createDataFrame(rows, schema).coalesce(1).write().parquet(written.toString());
        byte[] parquet;
        try (java.util.stream.Stream<Path> files = Files.list(written)) {
            parquet = Files.readAllBytes(files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow());
        }
        int footer = java.nio.ByteBuffer.wrap(parquet, parquet.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        byte[] corrupt = parquet.clone();
        for (int i = 4; i < parquet.length - 8 - footer; i += 7) { // the data pages, footer intact
            corrupt[i] ^= 0x5A;
        }
        for (byte[] bad : java.util.List.of(java.util.Arrays.copyOf(parquet, parquet.length / 2), corrupt)) {
            Path dir = Files.createDirectories(tmp.resolve("in-" + bad.length));
            Files.write(dir.resolve("part.parquet"), bad);
            Run run = run("persistence", "--input", dir.toString(), "--format", "parquet", "--filtration", "sublevel",
                    "--feature", "topk:dim=0,k=1", "--output", tmp.resolve("o").toString());
            assertEquals(1, run.status, run.err);
            assertTrue(run.err.startsWith("topo-submit persistence: cannot read input file ")
                    && run.err.contains(dir.resolve("part.parquet").toString()) && run.err.contains("check --input"), run.err);
            assertEquals(1, run.err.strip().lines().count(), run.err);
        }
    }

    @Test
    void aMissingFileOrOneThatIsNotAClassifierIsBadInputAndSavingALoadedOneABadOption() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.classifier"), "not a model\n");
        String[] args = {"attack", "--input", "synthetic", "--synthetic-count", "20", "--train-samples", "0",
            "--eval-samples", "5", "--classifier", notes.toString(), "--output", tmp.resolve("o").toString()};
        Run run = run(args);
        assertEquals(1, run.status, run.err);
        assertEquals("topo-submit attack: " + notes + ": not a classifier file (not a zip archive); give a file"
                + " written by topo attack --save-models or topo-submit attack --save-classifier", run.err.strip());
        String missing = tmp.resolve("gone.classifier").toString();
        Run absent = run(LocalSpark.with(args, "--classifier", missing));
        assertEquals(1, absent.status, absent.err);
        assertTrue(absent.err.startsWith("topo-submit attack: cannot read the classifier file " + missing + ": ")
                && absent.err.strip().endsWith("; check --classifier"), absent.err);
        assertEquals(1, absent.err.strip().lines().count(), absent.err);
        Run both = run(LocalSpark.with(args, "--save-classifier", tmp.resolve("c").toString()));
        assertEquals(2, both.status, both.err);
        assertTrue(both.err.contains("with --classifier nothing is trained"), both.err);
        assertEquals(1, both.err.strip().lines().count(), both.err);
    }

    @Test
    void anUnknownFeatureIsABadOption() {
        Run run = run("persistence", "--input", "synthetic", "--output", tmp.resolve("o").toString(), "--feature",
                "topq:k=2");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("unknown feature 'topq'"), run.err);
    }

    @Test
    void aMissingColumnIsBadInputInOneLine() throws Exception {
        Path csv = tmp.resolve("in.csv");
        Files.writeString(csv, "id,pixels\n1,0 1 2 3\n");
        Run run = run("persistence", "--input", csv.toString(), "--output", tmp.resolve("o").toString());
        assertEquals(1, run.status);
        assertTrue(run.err.contains("no column 'values'") && run.err.contains("--column"), run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
    }

    @Test
    void anUnreadablePathIsBadInput() {
        Run run = run("persistence", "--input", tmp.resolve("missing").toString(), "--output",
                tmp.resolve("o").toString());
        assertEquals(1, run.status);
        assertTrue(run.err.contains("missing") && run.err.contains("--input"), run.err);
    }

    record Run(int status, String err) {}

    /** Runs the launcher on the test session; its exit status and stderr. */
    static Run run(String... args) {
        LocalSpark.session();
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = SparkJobs.run(args);
            return new Run(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
