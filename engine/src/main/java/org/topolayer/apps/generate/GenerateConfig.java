package org.topolayer.apps.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of {@code topo generate}: named keys with defaults ({@code conf/generate.properties}
 * documents each), a {@link #QUICK} preset for tests, files of {@code key=value} lines, and
 * overrides. Unknown keys and unparsable values are rejected with a message naming the key.
 */
public final class GenerateConfig {
    /** Keys and their defaults, in the order they are documented. */
    public static final Map<String, String> DEFAULTS = ordered(
            "seed", "1",
            "train-samples", "10000",
            "batch-size", "32",
            "gan-iterations", "1500",
            "baseline-from", "",
            "learning-rate", "0.0002",
            "beta1", "0.5",
            "variant", "weights",
            "topo-iterations", "50",
            "topo-weight", "1.0",
            "topo-skip", "0",
            "latent-iterations", "50",
            "latent-learning-rate", "0.05",
            "latent-norm-weight", "0.01",
            "samples", "1000",
            "tau", "0.2",
            "coverage-k", "5",
            "w1-samples", "200",
            "w1-min-persistence", "0.02",
            "classifier-samples", "3000",
            "classifier-epochs", "1",
            "log-every", "100",
            "nd4j-threads", "1");

    /** The small, fast setting used by tests and {@code --quick}: minutes become seconds; results are not meaningful. */
    public static final Map<String, String> QUICK = ordered(
            "train-samples", "256",
            "batch-size", "16",
            "gan-iterations", "20",
            "topo-iterations", "10",
            "topo-weight", "20",
            "latent-iterations", "10",
            "samples", "60",
            "w1-samples", "20",
            "w1-min-persistence", "0.05",
            "classifier-samples", "256",
            "log-every", "10");

    public enum Variant {
        WEIGHTS, LATENT
    }

    public final long seed;
    public final int trainSamples;
    public final int batchSize;
    public final int ganIterations;
    public final String baselineFrom;
    public final double learningRate;
    public final double beta1;
    public final Variant variant;
    public final int topoIterations;
    public final double topoWeight;
    public final int topoSkip;
    public final int latentIterations;
    public final double latentLearningRate;
    public final double latentNormWeight;
    public final int samples;
    public final double tau;
    public final int coverageK;
    public final int w1Samples;
    public final double w1MinPersistence;
    public final int classifierSamples;
    public final int classifierEpochs;
    public final int logEvery;
    public final int nd4jThreads;
    private final Map<String, String> values;

    private GenerateConfig(Map<String, String> v) {
        this.values = v;
        seed = parseLong(v, "seed");
        trainSamples = positive(v, "train-samples");
        batchSize = positive(v, "batch-size");
        ganIterations = nonNegative(v, "gan-iterations");
        baselineFrom = v.get("baseline-from");
        learningRate = positiveDouble(v, "learning-rate");
        beta1 = parseDouble(v, "beta1");
        if (beta1 < 0 || beta1 >= 1) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        variant = parseVariant(v.get("variant"));
        topoIterations = nonNegative(v, "topo-iterations");
        topoWeight = nonNegativeDouble(v, "topo-weight");
        topoSkip = nonNegative(v, "topo-skip");
        latentIterations = nonNegative(v, "latent-iterations");
        latentLearningRate = positiveDouble(v, "latent-learning-rate");
        latentNormWeight = nonNegativeDouble(v, "latent-norm-weight");
        samples = positive(v, "samples");
        tau = nonNegativeDouble(v, "tau");
        coverageK = positive(v, "coverage-k");
        if (samples < 2 || coverageK >= samples) {
            throw new IllegalArgumentException("samples must be ≥ 2 and coverage-k < samples, got samples=" + samples
                    + ", coverage-k=" + coverageK);
        }
        w1Samples = positive(v, "w1-samples");
        if (coverageK >= Math.min(samples, w1Samples)) {
            throw new IllegalArgumentException("coverage-k must be < w1-samples, got coverage-k=" + coverageK
                    + ", w1-samples=" + w1Samples);
        }
        w1MinPersistence = nonNegativeDouble(v, "w1-min-persistence");
        classifierSamples = positive(v, "classifier-samples");
        classifierEpochs = positive(v, "classifier-epochs");
        logEvery = positive(v, "log-every");
        nd4jThreads = nonNegative(v, "nd4j-threads");
    }

    /**
     * The defaults, then (in order) each layer of overrides.
     *
     * @throws UnknownKeyException      if a layer names a key that does not exist
     * @throws IllegalArgumentException if a value does not parse or is out of range (the message names the key)
     */
    @SafeVarargs
    public static GenerateConfig of(Map<String, String>... layers) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (Map<String, String> layer : layers) {
            for (Map.Entry<String, String> e : layer.entrySet()) {
                if (!DEFAULTS.containsKey(e.getKey())) {
                    throw new UnknownKeyException(e.getKey());
                }
                v.put(e.getKey(), e.getValue().trim());
            }
        }
        return new GenerateConfig(v);
    }

    /** The key=value pairs of a properties file (comments with #), in file order of keys not guaranteed. */
    public static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            out.put(key, p.getProperty(key));
        }
        return out;
    }

    /** The effective values, in documented order (for config.json). */
    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(values);
    }

    /** A key that is not a configuration key. */
    public static final class UnknownKeyException extends IllegalArgumentException {
        private final String key;

        UnknownKeyException(String key) {
            super("unknown key '" + key + "'; valid keys: " + String.join(", ", DEFAULTS.keySet()));
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static Variant parseVariant(String s) {
        try {
            return Variant.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("variant must be 'weights' or 'latent', got '" + s + "'");
        }
    }

    private static long parseLong(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v.get(key) + "'");
        }
    }

    private static int nonNegative(Map<String, String> v, String key) {
        long x = parseLong(v, key);
        if (x < 0 || x > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a non-negative integer, got " + x);
        }
        return (int) x;
    }

    private static int positive(Map<String, String> v, String key) {
        int x = nonNegative(v, key);
        if (x == 0) {
            throw new IllegalArgumentException(key + " must be positive, got 0");
        }
        return x;
    }

    private static double parseDouble(Map<String, String> v, String key) {
        try {
            double x = Double.parseDouble(v.get(key));
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a finite number, got '" + v.get(key) + "'");
        }
    }

    private static double nonNegativeDouble(Map<String, String> v, String key) {
        double x = parseDouble(v, key);
        if (x < 0) {
            throw new IllegalArgumentException(key + " must be ≥ 0, got " + x);
        }
        return x;
    }

    private static double positiveDouble(Map<String, String> v, String key) {
        double x = parseDouble(v, key);
        if (!(x > 0)) {
            throw new IllegalArgumentException(key + " must be > 0, got " + x);
        }
        return x;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
