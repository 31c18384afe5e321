package org.topolayer.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesFlatMetricsAsJson() throws IOException {
        RunOutput run = RunOutput.open(dir.resolve("run"), "test");
        Map<String, Object> byEps = new LinkedHashMap<>();
        byEps.put("0.1", 0.5);
        run.metric("clean_accuracy", 0.875).metric("data", "synthetic \"x\"").metric("n", 3)
                .metric("accuracy_under_attack", byEps).metric("nan", Double.NaN).metric("list", List.of(1, 2));
        run.writeMetrics();
        assertEquals("""
                {
                  "clean_accuracy": 0.875,
                  "data": "synthetic \\"x\\"",
                  "n": 3,
                  "accuracy_under_attack": {"0.1": 0.5},
                  "nan": "NaN",
                  "list": [1, 2]
                }
                """, Files.readString(dir.resolve("run/metrics.json")));
    }

    @Test
    void theConfigFileMasksSecrets() throws IOException {
        RunOutput run = RunOutput.open(dir.resolve("run"), "test");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("data", "s3a://AKIA:wJalr@bucket/images");
        config.put("hub.token", "hf_abc");
        run.writeConfig(config);
        assertEquals("""
                {
                  "data": "s3a://*****@bucket/images",
                  "hub.token": "*****"
                }
                """, Files.readString(dir.resolve("run/config.json")));
    }
}
