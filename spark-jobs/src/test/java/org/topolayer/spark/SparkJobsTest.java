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
        assertTrue(run.err.contains("unknown key 'filtraton'") && run.err.contains("filtration"), run.err);
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
