package org.topolayer.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.topolayer.io.AtomicFiles;
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

    /**
     * Minimal JSON for flat figures: numbers (non-finite as strings), strings, booleans, nested maps,
     * lists. Also the format of the Spark jobs' {@code _summary.json}.
     */
    public static final class Json {
        private Json() {}

        public static String object(Map<String, ?> map) {
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, ?> e : map.entrySet()) {
                sb.append("  ").append(string(e.getKey())).append(": ").append(value(e.getValue(), "  "));
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            return sb.append("}\n").toString();
        }

        private static String value(Object v, String indent) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return Double.isFinite(d) ? Double.toString(d) : string(Double.toString(d));
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            if (v instanceof Map<?, ?> m) {
                StringBuilder sb = new StringBuilder("{");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(i++ > 0 ? ", " : "").append(string(String.valueOf(e.getKey()))).append(": ")
                            .append(value(e.getValue(), indent));
                }
                return sb.append('}').toString();
            }
            if (v instanceof Iterable<?> list) {
                StringBuilder sb = new StringBuilder("[");
                int i = 0;
                for (Object o : list) {
                    sb.append(i++ > 0 ? ", " : "").append(value(o, indent));
                }
                return sb.append(']').toString();
            }
            if (v instanceof double[] a) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < a.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(value(a[i], indent));
                }
                return sb.append(']').toString();
            }
            return string(v.toString());
        }

        static String string(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
