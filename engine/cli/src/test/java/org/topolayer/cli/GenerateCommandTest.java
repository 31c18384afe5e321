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
    void quickRunWritesThePapersMetricsForTheBaselineAndBothVariants(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out");
        int code = run("generate", "--quick", "--data", "synthetic", "--output", output.toString(),
                "--samples", "40", "--gan-iterations", "10", "--seed", "3");
        assertEquals(0, code, err.toString());
        String log = out.toString();
        assertTrue(log.contains("data: synthetic"), log);
        assertTrue(log.contains("gan iteration 10/10"), log);
        assertTrue(log.contains("topology iteration 10/10") && log.contains("gan_topology iteration 10/10"), log);
        String json = Files.readString(output.resolve("metrics.json"));
        assertTrue(json.contains("\"topology_loss\": {\"feature\": \"paper:dim=0,p=1,q=0,i0=2\""), "the prior as its feature spec");
        Map<String, Map<String, String>> sets = new HashMap<>();
        for (String set : List.of("baseline", "topology", "gan_topology")) {
            sets.put(set, flatJson(nested(json, set)));
            for (String key : List.of("mmd_l2", "cov_l2", "mmd_w1", "cov_w1", "inception_score", "kernel_mmd_l2",
                    "naeem_coverage_l2", "kernel_mmd_w1", "naeem_coverage_w1", "topo_loss", "fraction_one_component",
                    "mean_spurious_components")) {
                double v = Double.parseDouble(sets.get(set).get(key));
                assertTrue(v >= 0 && Double.isFinite(v), set + "." + key + " = " + v);
            }
            double cov = Double.parseDouble(sets.get(set).get("cov_l2"));
            assertTrue(cov > 0 && cov <= 1, set + " cov_l2 " + cov);
        }
        Map<String, String> metrics = flatJson(json);
        assertEquals("\"synthetic\"", metrics.get("data_source"));
        double accuracy = Double.parseDouble(metrics.get("scorer_accuracy"));
        assertTrue(accuracy >= 0 && accuracy <= 1, "scorer_accuracy " + accuracy);
        assertEquals("\"trained in this run\"", metrics.get("source"), "--quick does not use the scorer cache");
        assertTrue(json.contains("\"finite_bars_feature\": \"partialsum:dim=0,skip=0\""), json);
        // the topology loss alone lowers the loss it minimises on the same latent codes
        assertTrue(Double.parseDouble(sets.get("topology").get("topo_loss"))
                < Double.parseDouble(sets.get("baseline").get("topo_loss")), json);
        String config = Files.readString(output.resolve("config.json"));
        assertTrue(config.contains("\"gan-iterations\": 10") && config.contains("\"seed\": 3"), config);
        for (String png : new String[] {"samples_baseline.png", "samples_topology.png", "samples_gan_topology.png",
            "interpolation_baseline.png", "interpolation_topology.png", "interpolation_gan_topology.png", "real.png",
            "training.png", "components.png"}) {
            assertTrue(Files.size(output.resolve(png)) > 0, png);
        }

        // the latent variant on the saved baseline: no GAN training, the same baseline figures
        Path latent = dir.resolve("latent");
        assertEquals(0, run("generate", "--quick", "--data", "synthetic", "--output", latent.toString(),
                "--samples", "40", "--seed", "3", "--variants", "latent", "--baseline-from", output.toString()),
                err.toString());
        String latentJson = Files.readString(latent.resolve("metrics.json"));
        assertEquals(sets.get("baseline").get("mmd_l2"), flatJson(nested(latentJson, "baseline")).get("mmd_l2"));
        Map<String, String> moved = flatJson(nested(latentJson, "latent"));
        assertTrue(Double.parseDouble(moved.get("topo_loss"))
                < Double.parseDouble(sets.get("baseline").get("topo_loss")), latentJson);
        assertTrue(Files.size(latent.resolve("interpolation_latent.png")) > 0);
    }

    @Test
    void anUnknownVariantIsAUsageErrorNamingTheClosestOne(@TempDir Path dir) {
        assertEquals(2, run("generate", "--variants", "topology,gan-topology", "--output", dir.toString()));
        String e = err.toString();
        assertTrue(e.contains("variants") && e.contains("gan-topology") && e.contains("gan_topology"), e);
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
        assertEquals(2, run("generate", "--set", "batch-norm=maybe", "--output", dir.toString()));
        assertTrue(err.toString().contains("batch-norm"), err.toString());
        assertEquals(2, run("generate", "--set", "scorer-late-rate-factor=1.5", "--output", dir.toString()));
        assertTrue(err.toString().contains("scorer-late-rate-factor must be a number in (0, 1]"), err.toString());
        assertEquals(1, run("generate", "--config", dir.resolve("none.properties").toString()));
        assertTrue(err.toString().contains("none.properties: no such file or directory"), err.toString());
    }

    @Test
    void theShippedConfigHoldsExactlyTheBuiltInDefaults() throws Exception {
        Path conf = Path.of(System.getProperty("topo.home"), "conf", "generate.properties");
        Map<String, String> values = org.topolayer.config.ConfigFile.read(conf);
        // throws on an unknown key or a bad value
        new org.topolayer.apps.generate.GenerateConfig(org.topolayer.apps.generate.GenerateConfig.defaults().load(conf));
        assertEquals(org.topolayer.apps.generate.GenerateConfig.defaults().names(), List.copyOf(values.keySet()));
        assertEquals(org.topolayer.apps.generate.GenerateConfig.defaults().effective(),
                org.topolayer.apps.generate.GenerateConfig.defaults().load(conf).effective());
    }

    /** The inside of the nested object {@code "key": {...}} (no deeper nesting) of a JSON object. */
    static String nested(String json, String key) {
        int at = json.indexOf("\"" + key + "\": {");
        assertTrue(at >= 0, "no object " + key + " in " + json);
        int open = json.indexOf('{', at);
        return json.substring(open + 1, json.indexOf('}', open)); // without the braces: values end at ',' or the end
    }

    /** The "key": value pairs of a JSON object (values as written; nested objects' pairs included). */
    static Map<String, String> flatJson(String json) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("\"([^\"]+)\": ([^,\\n]+)").matcher(json);
        while (m.find()) {
            out.put(m.group(1), m.group(2).trim());
        }
        return out;
    }
}
