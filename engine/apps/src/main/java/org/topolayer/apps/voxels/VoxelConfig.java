package org.topolayer.apps.voxels;

import java.util.List;
import java.util.Map;
import org.topolayer.config.Config;
import org.topolayer.data.VoxelShapes;

/**
 * The typed configuration of {@code topo voxels}, read from a {@link Config} of {@link #KEYS}
 * ({@code conf/voxels.properties} documents each); {@link #QUICK} is the preset for tests.
 * Every value is range-checked here, so a bad one fails before any work with a message naming the key.
 */
public final class VoxelConfig {
    /** Keys and their defaults, in the order they are documented. */
    public static final List<Config.Key> KEYS = List.of(
            new Config.Key("seed", "1"),
            new Config.Key("size", "32"),
            new Config.Key("shapes", "256"),
            new Config.Key("latent", "16"),
            new Config.Key("hidden", "128"),
            new Config.Key("pretrain-iterations", "800"),
            new Config.Key("batch-size", "32"),
            new Config.Key("learning-rate", "0.002"),
            new Config.Key("code-learning-rate", "0.05"),
            new Config.Key("topo-iterations", "20"),
            new Config.Key("topo-batch-size", "64"),
            new Config.Key("topo-learning-rate", "0.001"),
            new Config.Key("samples", "64"),
            new Config.Key("tau", "0.2"),
            new Config.Key("figure-volumes", "4"),
            new Config.Key("slices", "6"),
            new Config.Key("log-every", "100"),
            new Config.Key("nd4j-threads", "1"));

    /** The small, fast setting used by tests and {@code --quick}: minutes become seconds; results are not meaningful. */
    public static final Map<String, String> QUICK = Map.ofEntries(
            Map.entry("size", "12"),
            Map.entry("shapes", "30"),
            Map.entry("latent", "4"),
            Map.entry("hidden", "16"),
            Map.entry("pretrain-iterations", "20"),
            Map.entry("batch-size", "8"),
            Map.entry("topo-iterations", "3"),
            Map.entry("topo-batch-size", "4"),
                        Map.entry("samples", "8"),
            Map.entry("figure-volumes", "2"),
            Map.entry("slices", "3"),
            Map.entry("log-every", "10"));

    public final long seed;
    public final int size;
    public final int shapes;
    public final int latent;
    public final int[] hidden;
    public final int pretrainIterations;
    public final int batchSize;
    public final double learningRate;
    public final double codeLearningRate;
    public final int topoIterations;
    public final int topoBatchSize;
    public final double topoLearningRate;
    public final int samples;
    public final double tau;
    public final int figureVolumes;
    public final int slices;
    public final int logEvery;
    public final int nd4jThreads;
    private final Map<String, Object> values;

    /**
     * The typed values of {@code c}.
     *
     * @throws org.topolayer.config.ConfigException naming the key whose value is missing or out of range
     */
    public VoxelConfig(Config c) {
        this.values = c.effective();
        seed = c.longValue("seed");
        // 128³ float volumes already take 8 MB each, and the decoder's last layer grows with n³
        size = c.integer("size", VoxelShapes.MIN_SIZE, 128);
        shapes = c.integer("shapes", 2); // the latent normal is fitted to at least two codes
        latent = c.integer("latent", 1);
        hidden = c.integers("hidden", 1);
        pretrainIterations = c.integer("pretrain-iterations", 0);
        batchSize = c.integer("batch-size", 1);
        learningRate = c.positive("learning-rate");
        codeLearningRate = c.positive("code-learning-rate");
        topoIterations = c.integer("topo-iterations", 0);
        topoBatchSize = c.integer("topo-batch-size", 1);
        topoLearningRate = c.positive("topo-learning-rate");
        samples = c.integer("samples", 2); // coverage and MMD need two volumes at least
        tau = c.atLeast("tau", 0);
        figureVolumes = c.integer("figure-volumes", 1, samples);
        slices = c.integer("slices", 1, size);
        logEvery = c.integer("log-every", 1);
        nd4jThreads = c.integer("nd4j-threads", 0);
    }

    /** The defaults, as a {@link Config} to layer settings on. */
    public static Config defaults() {
        return new Config(KEYS);
    }

    /** The effective values, in documented order (for config.json). */
    public Map<String, Object> toMap() {
        return new java.util.LinkedHashMap<>(values);
    }

    /** The grid's shape [n, n, n]. */
    public int[] shape() {
        return new int[] {size, size, size};
    }
}
