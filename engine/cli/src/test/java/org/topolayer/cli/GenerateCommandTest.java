package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo generate} end to end (tiny, on the synthetic fallback) and its configuration errors. */
class GenerateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TopoCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void quickRunWritesMetricsConfigAndFigures(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out");
        int code = run("generate", "--quick", "--data", "synthetic", "--output", output.toString(),
                "--samples", "40", "--gan-iterations", "10", "--seed", "3");
        assertEquals(0, code, err.toString());
        String log = out.toString();
        assertTrue(log.contains("data: synthetic"), log);
        assertTrue(log.contains("gan iteration 10/10"), log);
        assertTrue(log.contains("topo iteration 10/10"), log);
        Map<String, String> metrics = flatJson(Files.readString(output.resolve("metrics.json")));
        for (String key : new String[] {"data_source", "fraction_one_component_before", "fraction_one_component_after",
            "mean_spurious_components_before", "mean_spurious_components_after", "mmd_l2_before", "mmd_l2_after",
            "coverage_l2_before", "coverage_l2_after", "mmd_w1_before", "mmd_w1_after", "coverage_w1_before",
            "coverage_w1_after", "inception_score_before", "inception_score_after"}) {
            assertTrue(metrics.containsKey(key), "metrics.json lacks " + key + ": " + metrics.keySet());
        }
        assertEquals("\"synthetic\"", metrics.get("data_source"));
        double before = Double.parseDouble(metrics.get("fraction_one_component_before"));
        double after = Double.parseDouble(metrics.get("fraction_one_component_after"));
        assertTrue(after >= before, before + " -> " + after);
        assertTrue(Double.parseDouble(metrics.get("mean_spurious_components_after"))
                < Double.parseDouble(metrics.get("mean_spurious_components_before")));
        String config = Files.readString(output.resolve("config.json"));
        assertTrue(config.contains("\"gan-iterations\": 10") && config.contains("\"seed\": 3"), config);
        for (String png : new String[] {"samples_before.png", "samples_after.png", "interpolation_before.png",
            "interpolation_after.png", "training.png", "components.png"}) {
            assertTrue(Files.size(output.resolve(png)) > 0, png);
        }

        // the latent variant on the saved baseline: no GAN training, the same "before"
        Path latent = dir.resolve("latent");
        assertEquals(0, run("generate", "--quick", "--data", "synthetic", "--output", latent.toString(),
                "--samples", "40", "--seed", "3", "--variant", "latent", "--baseline-from", output.toString()),
                err.toString());
        Map<String, String> latentMetrics = flatJson(Files.readString(latent.resolve("metrics.json")));
        assertEquals(metrics.get("mean_spurious_components_before"), latentMetrics.get("mean_spurious_components_before"));
        assertTrue(Double.parseDouble(latentMetrics.get("mean_spurious_components_after"))
                < Double.parseDouble(latentMetrics.get("mean_spurious_components_before")));
        assertTrue(Files.size(latent.resolve("interpolation_after.png")) > 0);
    }

    @Test
    void aTypoInTheConfigFileIsAUsageErrorNamingTheKeyAndTheValidOnes(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("g.properties");
        Files.writeString(conf, "# comment\ngan-iterations=5\ntopo-iteratons=3\n");
        assertEquals(2, run("generate", "--config", conf.toString(), "--output", dir.resolve("o").toString()));
        String e = err.toString();
        assertTrue(e.contains(conf + ": unknown key 'topo-iteratons'; did you mean 'topo-iterations'?"), e);
        assertEquals(1, e.strip().lines().count(), e);
    }

    @Test
    void badValuesAreUsageErrorsAndAMissingConfigIsBadInput(@TempDir Path dir) throws Exception {
        assertEquals(2, run("generate", "--variant", "pixels", "--output", dir.toString()));
        assertTrue(err.toString().contains("variant"), err.toString());
        assertEquals(1, run("generate", "--config", dir.resolve("none.properties").toString()));
        assertTrue(err.toString().contains("none.properties: no such file or directory"), err.toString());
    }

    @Test
    void theShippedConfigHoldsOnlyValidKeys() throws Exception {
        Path conf = Path.of(System.getProperty("topo.home"), "conf", "generate.properties");
        Map<String, String> values = org.topolayer.config.ConfigFile.read(conf);
        // throws on an unknown key or a bad value
        new org.topolayer.apps.generate.GenerateConfig(org.topolayer.apps.generate.GenerateConfig.defaults().load(conf));
        assertEquals(org.topolayer.apps.generate.GenerateConfig.defaults().names(), List.copyOf(values.keySet()));
    }

    /** The top-level "key": value pairs of a flat JSON object (values as written). */
    static Map<String, String> flatJson(String json) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("\"([^\"]+)\": ([^,\\n]+)").matcher(json);
        while (m.find()) {
            out.put(m.group(1), m.group(2).trim());
        }
        return out;
    }
}
