package org.topolayer.apps.generate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.topolayer.config.Config;
import org.topolayer.data.DatasetChoice;

/**
 * The typed configuration of {@code topo generate}, read from a {@link Config} of {@link #KEYS}
 * ({@code conf/generate.properties} documents each); {@link #QUICK} is the preset for tests.
 * Every value is range-checked here, so a bad one fails before any work with a message naming the key.
 */
public final class GenerateConfig {
    /** Keys and their defaults, in the order they are documented. */
    public static final List<Config.Key> KEYS = List.of(
            new Config.Key("seed", "1"),
            new Config.Key("data", DatasetChoice.DEFAULT),
            new Config.Key("train-samples", "20000"),
            new Config.Key("batch-size", "64"),
            new Config.Key("gan-iterations", "4000"),
            new Config.Key("batch-norm", "true"),
            new Config.Key("baseline-from", ""),
            new Config.Key("learning-rate", "0.0002"),
            new Config.Key("beta1", "0.5"),
            new Config.Key("variants", "topology,gan_topology"),
            new Config.Key("topo-iterations", "50"),
            new Config.Key("topo-weight", "1.0"),
            new Config.Key("topo-skip", "0"),
            new Config.Key("latent-iterations", "50"),
            new Config.Key("latent-learning-rate", "0.05"),
            new Config.Key("latent-norm-weight", "0.01"),
            new Config.Key("samples", "1000"),
            new Config.Key("w1-samples", "200"),
            new Config.Key("w1-min-persistence", "0.02"),
            new Config.Key("tau", "0.2"),
            new Config.Key("coverage-k", "5"),
            new Config.Key("scorer-samples", "60000"),
            new Config.Key("scorer-images-seen", "180000"),
            new Config.Key("scorer-batch-size", "64"),
            new Config.Key("scorer-learning-rate", "0.002"),
            new Config.Key("scorer-late-rate-factor", "1"),
            new Config.Key("scorer-shift", "1"),
            new Config.Key("scorer-cache", "true"),
            new Config.Key("log-every", "250"),
            new Config.Key("nd4j-threads", "1"));

    /** The small, fast setting used by tests and {@code --quick}: minutes become seconds; results are not meaningful. */
    public static final Map<String, String> QUICK = Map.ofEntries(
            Map.entry("train-samples", "256"),
            Map.entry("batch-size", "16"),
            Map.entry("gan-iterations", "20"),
            Map.entry("topo-iterations", "10"),
            Map.entry("topo-weight", "20"),
            Map.entry("latent-iterations", "10"),
            Map.entry("samples", "60"),
            Map.entry("w1-samples", "20"),
            Map.entry("w1-min-persistence", "0.05"),
            Map.entry("scorer-samples", "256"),
            Map.entry("scorer-images-seen", "256"),
            Map.entry("scorer-batch-size", "64"),
            Map.entry("scorer-cache", "false"),
            Map.entry("log-every", "10"));

    /** The topological fine-tunings, each from the same baseline; their names key metrics.json. */
    public enum Variant {
        /** The paper's setup as its text reads: the generator's weights on the topology loss alone. */
        TOPOLOGY("topology"),
        /** The generator's weights on GAN loss + topo-weight × topology loss, the discriminator training too. */
        GAN_TOPOLOGY("gan_topology"),
        /** The generator fixed, each latent code moved on the topology loss (TopologyLayer's example). */
        LATENT("latent");

        public final String key;

        Variant(String key) {
            this.key = key;
        }

        static List<String> keys() {
            return java.util.Arrays.stream(values()).map(v -> v.key).toList();
        }
    }

    public final long seed;
    public final DatasetChoice data;
    public final int trainSamples;
    public final int batchSize;
    public final int ganIterations;
    public final boolean batchNorm;
    public final String baselineFrom;
    public final double learningRate;
    public final double beta1;
    public final List<Variant> variants;
    public final int topoIterations;
    public final double topoWeight;
    public final int topoSkip;
    public final int latentIterations;
    public final double latentLearningRate;
    public final double latentNormWeight;
    public final int samples;
    public final int w1Samples;
    public final double w1MinPersistence;
    public final double tau;
    public final int coverageK;
    public final int scorerSamples;
    public final int scorerImagesSeen;
    public final int scorerBatchSize;
    public final double scorerLearningRate;
    /** The scorer's learning rate is multiplied by this in the last third of its epochs (1: constant). */
    public final double scorerLateRateFactor;
    public final int scorerShift;
    public final boolean scorerCache;
    public final int logEvery;
    public final int nd4jThreads;
    private final Map<String, Object> values;

    /**
     * The typed values of {@code c}.
     *
     * @throws org.topolayer.config.ConfigException naming the key whose value is missing or out of range
     */
    public GenerateConfig(Config c) {
        this.values = c.effective();
        seed = c.longValue("seed");
        data = c.parsed("data", DatasetChoice::parse, DatasetChoice.EXPECTED);
        trainSamples = c.integer("train-samples", 1);
        batchSize = c.integer("batch-size", 2); // batch normalisation needs two rows at least
        ganIterations = c.integer("gan-iterations", 0);
        batchNorm = c.bool("batch-norm");
        baselineFrom = c.get("baseline-from");
        learningRate = c.positive("learning-rate");
        beta1 = c.atLeast("beta1", 0);
        if (beta1 >= 1) {
            throw c.bad("beta1", "a number in [0, 1)");
        }
        List<String> names = c.choices("variants", Variant.keys());
        if (names.size() != new java.util.HashSet<>(names).size()) {
            throw c.bad("variants", "a list of distinct entries of " + String.join(", ", Variant.keys()));
        }
        variants = names.stream().map(n -> Variant.valueOf(n.toUpperCase(Locale.ROOT))).toList();
        topoIterations = c.integer("topo-iterations", 0);
        topoWeight = c.atLeast("topo-weight", 0);
        topoSkip = c.integer("topo-skip", 0);
        latentIterations = c.integer("latent-iterations", 0);
        latentLearningRate = c.positive("latent-learning-rate");
        latentNormWeight = c.atLeast("latent-norm-weight", 0);
        samples = c.integer("samples", 2);
        w1Samples = c.integer("w1-samples", 2);
        w1MinPersistence = c.atLeast("w1-min-persistence", 0);
        tau = c.atLeast("tau", 0);
        coverageK = c.integer("coverage-k", 1, Math.min(samples, w1Samples) - 1);
        scorerSamples = c.integer("scorer-samples", 1);
        scorerImagesSeen = c.integer("scorer-images-seen", 1);
        scorerBatchSize = c.integer("scorer-batch-size", 1);
        scorerLearningRate = c.positive("scorer-learning-rate");
        scorerLateRateFactor = c.positive("scorer-late-rate-factor");
        if (scorerLateRateFactor > 1) {
            throw c.bad("scorer-late-rate-factor", "a number in (0, 1] (a step down of the rate in the last third of the "
                    + "epochs)");
        }
        scorerShift = c.integer("scorer-shift", 0, 8);
        scorerCache = c.bool("scorer-cache");
        logEvery = c.integer("log-every", 1);
        nd4jThreads = c.integer("nd4j-threads", 0);
    }

    /** The scorer's epochs over {@code trainImages} images: scorer-images-seen / trainImages, rounded up. */
    public int scorerEpochs(int trainImages) {
        return (int) ((scorerImagesSeen + (long) trainImages - 1) / trainImages);
    }

    /** The defaults, as a {@link Config} to layer settings on. */
    public static Config defaults() {
        return new Config(KEYS);
    }

    /** The effective values, in documented order (for config.json). */
    public Map<String, Object> toMap() {
        return new java.util.LinkedHashMap<>(values);
    }
}
