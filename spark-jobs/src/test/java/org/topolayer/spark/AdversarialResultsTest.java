package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed adversarial-training results keep the schema the issue asks for: runs keyed
 * DATASET/MODEL for MNIST and Fashion-MNIST, each with before and after (clean accuracy and accuracy
 * at each ε of its protocol), the same figures as the run's own _summary.json beside it.
 */
class AdversarialResultsTest {
    private static final Path RESULTS = TestJvm.ROOT.resolve("results/adversarial-training");

    @Test
    void summaryHoldsBeforeAndAfterForEveryDatasetAndModel() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode runs = json.readTree(RESULTS.resolve("summary.json").toFile()).get("runs");
        List<String> keys = new ArrayList<>();
        runs.fieldNames().forEachRemaining(keys::add);
        for (String dataset : List.of("mnist", "fashion-mnist")) {
            for (String model : List.of("pixel-cnn", "topmodel-mlp")) {
                assertTrue(keys.contains(dataset + "/" + model), keys.toString());
            }
        }
        for (String key : keys) {
            JsonNode run = runs.get(key);
            assertEquals(key, run.get("dataset").asText() + "/" + run.get("model").asText());
            assertTrue(run.get("command").asText().startsWith("bin/topo-submit adversarial --input "
                    + run.get("dataset").asText() + " --model " + run.get("model").asText()), key);
            JsonNode own = json.readTree(RESULTS.resolve(key.replace('/', '-')).resolve("_summary.json").toFile());
            for (String when : List.of("before", "after")) {
                JsonNode part = run.get(when);
                double clean = part.get("clean_accuracy").asDouble(-1);
                assertTrue(clean >= 0 && clean <= 1, key + " " + when + " clean accuracy " + clean);
                JsonNode byEps = part.get("accuracy_by_eps");
                assertEquals(run.get("protocol").get("eps").size(), byEps.size(), key + " " + when);
                for (JsonNode eps : run.get("protocol").get("eps")) {
                    double a = byEps.get(Double.toString(eps.asDouble())).asDouble(-1);
                    assertTrue(a >= 0 && a <= 1, key + " " + when + " at " + eps + ": " + a);
                }
                assertEquals(own.get(when), part, key + " " + when + " is the run's own");
            }
        }
    }
}
