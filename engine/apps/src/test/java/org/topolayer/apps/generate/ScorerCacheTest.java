package org.topolayer.apps.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;

/** The scorer cache: a hit gives the same network back, changed options or data miss, corrupt files are reported. */
class ScorerCacheTest {
    private static final ImageDataset TRAIN = SyntheticImages.generate(30, 1);
    private static final String RECIPE = "architecture mlp 8\ninit seed 3\ntraining 1 epoch";

    private static NetworkClassifier trained() {
        return NetworkClassifier.mlp(TRAIN.pixels(), new int[] {8}, 10, 3).fit(TRAIN,
                new NetworkClassifier.Training(1, 10, 1e-3, 3), NetworkClassifier.Progress.SILENT);
    }

    @Test
    void aSavedScorerIsLoadedUnderExactlyItsKey(@TempDir Path dir) throws Exception {
        ScorerCache cache = new ScorerCache(dir.resolve("scorers"));
        String key = ScorerCache.key(TRAIN, RECIPE);
        List<String> warnings = new ArrayList<>();
        assertNull(cache.load("synthetic", key, warnings::add), "an empty cache misses");
        NetworkClassifier scorer = trained();
        cache.save("synthetic", key, new ScorerCache.Entry(scorer, 12.5));
        Path file = cache.file("synthetic", key);
        assertTrue(file.getFileName().toString().matches("synthetic-[0-9a-f]{16}\\.scorer"), file.toString());

        ScorerCache.Entry hit = cache.load("synthetic", key, warnings::add);
        assertEquals(12.5, hit.trainingSeconds());
        assertArrayEquals(scorer.parameters(), hit.classifier().parameters());
        assertArrayEquals(scorer.probabilities(TRAIN.images())[0], hit.classifier().probabilities(TRAIN.images())[0]);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertEquals(key, ScorerCache.key(SyntheticImages.generate(30, 1), RECIPE), "the key depends on values only");
    }

    @Test
    void changedOptionsOrDataMiss(@TempDir Path dir) throws Exception {
        ScorerCache cache = new ScorerCache(dir);
        String key = ScorerCache.key(TRAIN, RECIPE);
        cache.save("synthetic", key, new ScorerCache.Entry(trained(), 1));
        List<String> warnings = new ArrayList<>();
        String otherRecipe = ScorerCache.key(TRAIN, RECIPE.replace("1 epoch", "2 epochs"));
        assertNull(cache.load("synthetic", otherRecipe, warnings::add));
        assertNotEquals(cache.file("synthetic", key), cache.file("synthetic", otherRecipe));
        // one pixel of one image changed, or one label: another key
        double[][] images = Arrays.stream(TRAIN.images()).map(double[]::clone).toArray(double[][]::new);
        images[7][100] += 0.5;
        ImageDataset changed = new ImageDataset(TRAIN.source(), TRAIN.height(), TRAIN.width(), images, TRAIN.labels(),
                TRAIN.classNames());
        assertNull(cache.load("synthetic", ScorerCache.key(changed, RECIPE), warnings::add));
        int[] labels = TRAIN.labels().clone();
        labels[0] = (labels[0] + 1) % 10;
        ImageDataset relabelled = new ImageDataset(TRAIN.source(), TRAIN.height(), TRAIN.width(), TRAIN.images(),
                labels, TRAIN.classNames());
        assertNull(cache.load("synthetic", ScorerCache.key(relabelled, RECIPE), warnings::add));
        assertNull(cache.load("synthetic", ScorerCache.key(TRAIN.head(29), RECIPE), warnings::add));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aCorruptFileIsReportedInOneLineAndMisses(@TempDir Path dir) throws Exception {
        ScorerCache cache = new ScorerCache(dir);
        String key = ScorerCache.key(TRAIN, RECIPE);
        cache.save("synthetic", key, new ScorerCache.Entry(trained(), 1));
        Path file = cache.file("synthetic", key);
        byte[] whole = Files.readAllBytes(file);
        for (byte[] bad : List.of(Arrays.copyOf(whole, whole.length / 2), "garbage".getBytes(), new byte[0])) {
            Files.write(file, bad);
            List<String> warnings = new ArrayList<>();
            assertNull(cache.load("synthetic", key, warnings::add));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(file.toString()) && warnings.get(0).contains("corrupt")
                    && !warnings.get(0).contains("\n"), warnings.get(0));
        }
        // retraining replaces it
        cache.save("synthetic", key, new ScorerCache.Entry(trained(), 2));
        assertEquals(2.0, cache.load("synthetic", key, w -> { throw new AssertionError(w); }).trainingSeconds());
    }
}
