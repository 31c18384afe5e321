package org.topolayer.apps.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.RunOutput;
import org.topolayer.config.Config;

/** A run trains and caches its scorer; the same run again loads it (same scores); other options retrain. */
class GenerateScorerCacheTest {
    private static Map<String, Object> run(Path cache, Path out, StringWriter log, String... settings) throws Exception {
        Config c = GenerateConfig.defaults().setAll(GenerateConfig.QUICK, "quick");
        c.setAll(Map.of("data", "synthetic", "gan-iterations", "2", "topo-iterations", "1", "variants", "topology",
                "samples", "20", "w1-samples", "8", "coverage-k", "2", "scorer-samples", "64", "scorer-images-seen", "64",
                "scorer-cache", "true"), "test");
        for (String s : settings) {
            c.setAssignment(s, "test");
        }
        return new GenerateApp(new GenerateConfig(c), RunOutput.open(out, "generate"), new PrintWriter(log), cache).run();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scorer(Map<String, Object> metrics) {
        return (Map<String, Object>) metrics.get("scorer");
    }

    @SuppressWarnings("unchecked")
    private static Object inceptionScore(Map<String, Object> metrics) {
        return ((Map<String, Object>) metrics.get("baseline")).get("inception_score");
    }

    @Test
    void theSecondIdenticalRunLoadsTheScorerAndAChangedOneTrainsAnother(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("scorers");
        StringWriter log = new StringWriter();
        Map<String, Object> first = run(cache, dir.resolve("a"), log);
        assertEquals("trained in this run", scorer(first).get("source"));
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count());
        }
        Map<String, Object> second = run(cache, dir.resolve("b"), log);
        assertEquals("loaded from the cache", scorer(second).get("source"), log.toString());
        assertEquals(scorer(first).get("cache_file"), scorer(second).get("cache_file"));
        assertEquals(scorer(first).get("training_seconds"), scorer(second).get("training_seconds"));
        assertEquals(first.get("scorer_accuracy"), second.get("scorer_accuracy"));
        assertEquals(inceptionScore(first), inceptionScore(second));

        Map<String, Object> other = run(cache, dir.resolve("c"), log, "scorer-images-seen=128");
        assertEquals("trained in this run", scorer(other).get("source"));
        assertEquals(2, scorer(other).get("epochs"));
        try (var files = Files.list(cache)) {
            assertEquals(2, files.count());
        }

        // a corrupt cache file: one warning line, a new scorer, the file replaced
        Files.write(Path.of((String) scorer(first).get("cache_file")), new byte[] {1, 2, 3});
        StringWriter warned = new StringWriter();
        Map<String, Object> again = run(cache, dir.resolve("d"), warned);
        assertEquals("trained in this run", scorer(again).get("source"));
        assertTrue(warned.toString().contains("warning: the cached scorer ") && warned.toString().contains("corrupt"),
                warned.toString());
        assertEquals(inceptionScore(first), inceptionScore(again), "the same options train the same scorer");
    }

    @Test
    void aLateRateFactorTrainsTheLastThirdOfTheEpochsAtTheLowerRateAsAnotherScorer(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("scorers");
        StringWriter log = new StringWriter();
        Map<String, Object> constant = run(cache, dir.resolve("a"), log, "scorer-images-seen=192");
        assertTrue(!scorer(constant).containsKey("late_rate_factor"), "the default run's metrics keep their keys");
        Map<String, Object> stepped = run(cache, dir.resolve("b"), log, "scorer-images-seen=192",
                "scorer-late-rate-factor=0.25");
        assertEquals("trained in this run", scorer(stepped).get("source"), "another scorer, not the cached one");
        assertEquals(0.25, scorer(stepped).get("late_rate_factor"));
        assertEquals(3, scorer(stepped).get("epochs"));
        String text = log.toString();
        assertTrue(text.contains("scorer epoch 2/3  rate 0.002") && text.contains("scorer epoch 3/3  rate 0.0005"), text);
    }
}
