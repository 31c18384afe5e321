package org.topolayer.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executes every notebook headless, as a user would ({@code bin/topo-jupyter nbconvert --execute}),
 * into {@code notebooks/target/executed}: a cell that fails fails the test and so the build. When
 * Jupyter is missing, topo-jupyter's one-line message (with the apt-get command) is the failure.
 */
@Tag("slow") // executes every notebook through Jupyter (verify only)
class NotebooksTest {
    private static final Path ROOT = Path.of(System.getProperty("topo.home", "..")).toAbsolutePath().normalize();
    private static final Path EXECUTED = ROOT.resolve("notebooks/target/executed");

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
            assertTrue(found.size() >= 5, "expected the five notebooks in " + ROOT.resolve("notebooks"));
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void runsEveryCell(Path notebook) throws IOException, InterruptedException {
        Files.createDirectories(EXECUTED);
        Path log = EXECUTED.resolve(notebook.getFileName() + ".log");
        // generous time limits: the machine may be busy, and a slow cell is not a failure
        Process run = new ProcessBuilder(ROOT.resolve("bin/topo-jupyter").toString(), "nbconvert", "--to", "notebook",
                "--execute", "--ExecutePreprocessor.timeout=900", "--ExecutePreprocessor.startup_timeout=600",
                "--output-dir", EXECUTED.toString(), notebook.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exitCode = run.waitFor();
        assertEquals(0, exitCode, () -> notebook.getFileName() + " failed (log " + log + "):\n" + tail(log));
        String executed = Files.readString(EXECUTED.resolve(notebook.getFileName()));
        assertTrue(executed.contains("\"image/png\""), notebook.getFileName() + " drew no figure");
    }

    /** The end of the log, where nbconvert names the failing cell and its error. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
