package org.topolayer.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.Json;
import org.topolayer.io.OutputException;
import org.topolayer.util.Redaction;

/**
 * The output folder of an application run (the contract of the applications issue):
 * {@code metrics.json} (a flat JSON object of named figures), {@code config.json} (the effective
 * configuration) and PNG figures. Every file is written atomically; metrics accumulate in
 * insertion order and are written by {@link #writeMetrics}.
 */
public final class RunOutput {
    private final Path dir;
    private final Map<String, Object> metrics = new LinkedHashMap<>();

    private RunOutput(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens {@code requested}, or {@code results/<command>-<timestamp>} when null, creating it.
     *
     * @throws OutputException naming the folder if it cannot be created (e.g. a file is in the way)
     */
    public static RunOutput open(Path requested, String command) throws IOException {
        Path dir = requested != null ? requested : Path.of("results",
                command + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputException(dir, e);
        }
        return new RunOutput(dir);
    }

    public Path dir() {
        return dir;
    }

    /** A path inside the output folder. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Records a figure: a number, a string, a boolean, or a map of them (written as a nested object). */
    public RunOutput metric(String name, Object value) {
        metrics.put(name, value);
        return this;
    }

    public Map<String, Object> metrics() {
        return java.util.Collections.unmodifiableMap(metrics);
    }

    public void writeMetrics() throws IOException {
        AtomicFiles.write(file("metrics.json"), out -> out.write(Json.object(metrics)));
    }

    /** Writes config.json, secrets masked ({@link Redaction}). */
    public void writeConfig(Map<String, ?> config) throws IOException {
        AtomicFiles.write(file("config.json"), out -> out.write(Json.object(Redaction.map(config))));
    }
}
