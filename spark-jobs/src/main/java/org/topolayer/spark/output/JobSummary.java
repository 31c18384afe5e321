package org.topolayer.spark.output;

import java.util.LinkedHashMap;
import java.util.Map;
import org.topolayer.io.Json;
import org.topolayer.util.Redaction;

/**
 * The figures of a job run, in insertion order: written as {@code _summary.json} and printed at the
 * end. Secrets are masked as figures go in ({@link Redaction}: a path with a password, a setting
 * named like a secret), since the summary ends up in logs.
 */
public final class JobSummary {
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public JobSummary put(String name, Object value) {
        figures.put(name, Redaction.value(name, value));
        return this;
    }

    public Object get(String name) {
        return figures.get(name);
    }

    public Map<String, Object> figures() {
        return java.util.Collections.unmodifiableMap(figures);
    }

    public String toJson() {
        return Json.object(figures);
    }
}
