package org.topolayer.apps.attack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.topolayer.config.Config;
import org.topolayer.config.ConfigException;
import org.topolayer.data.DatasetChoice;

/**
 * The typed configuration of {@code topo attack}, read from a {@link Config} of {@link #KEYS}
 * (the same defaults as {@code conf/topo-attack.properties}); {@link #QUICK} is the preset of
 * {@code --quick}. Every value is parsed once on construction, so a bad one fails before any work.
 */
public final class AttackConfig {
    /** Keys and defaults, in the order they are documented and written to config.json. */
    public static final List<Config.Key> KEYS = List.of(
            new Config.Key("seed", "1"),
            new Config.Key("data", DatasetChoice.DEFAULT),
            new Config.Key("train-samples", "10000"),
            new Config.Key("test-samples", "2000"),
            new Config.Key("eval-samples", "1000"),
            new Config.Key("models", "pixel-mlp,pixel-cnn,pixel-mlp-matched,topmodel-mlp"),
            new Config.Key("classifiers", ""),
            new Config.Key("save-models", ""),
            new Config.Key("attacks", "fgsm-linf-targeted,pgd-linf-targeted"),
            new Config.Key("eps", "0.05,0.1,0.2,0.3"),
            new Config.Key("eps-l2", "0.5,1,2"),
            new Config.Key("steps", "50"),
            new Config.Key("step-factor", "2.5"),
            new Config.Key("pgd.models", "pixel-mlp,pixel-mlp-matched,topmodel-mlp"),
            new Config.Key("headline.attack", "pgd-linf-targeted"),
            new Config.Key("headline.eps", "0.1"),
            new Config.Key("until.budgets", "1,10,100,1000"),
            new Config.Key("until.step", "0.01"),
            new Config.Key("grid", "true"),
            new Config.Key("spsa.images", "50"),
            new Config.Key("spsa.models", "pixel-mlp,pixel-mlp-matched,topmodel-mlp"),
            new Config.Key("spsa.pairs", "8"),
            new Config.Key("spsa.delta", "0.01"),
            new Config.Key("spsa.budgets", "1,10,100"),
            new Config.Key("spsa.eps", "0.2"),
            new Config.Key("directions", "8"),
            new Config.Key("darkness", "1.5"),
            new Config.Key("topk", "4"),
            new Config.Key("extent", "true"),
            new Config.Key("intensity", "true"),
            new Config.Key("topmodel.hidden", "64"),
            new Config.Key("topmodel.epochs", "40"),
            new Config.Key("topmodel.batch", "64"),
            new Config.Key("topmodel.learning-rate", "0.003"),
            new Config.Key("pixel-mlp.hidden", "128"),
            new Config.Key("pixel.epochs", "3"),
            new Config.Key("pixel.batch", "64"),
            new Config.Key("pixel.learning-rate", "0.001"),
            new Config.Key("matched.target", "topmodel-mlp"),
            new Config.Key("matched.tolerance", "0.02"),
            new Config.Key("matched.validation", "2000"),
            new Config.Key("matched.epochs", "20"),
            new Config.Key("examples", "4"),
            new Config.Key("nd4j-threads", "1"));

    /** What --quick changes: a run of seconds on synthetic-sized data, for tests. */
    public static final Map<String, String> QUICK = Map.ofEntries(
            Map.entry("train-samples", "500"),
            Map.entry("test-samples", "200"),
            Map.entry("eval-samples", "40"),
            Map.entry("eps", "0.05,0.2"),
            Map.entry("eps-l2", "1,3"),
            Map.entry("steps", "5"),
            Map.entry("until.budgets", "1,10,30"),
            Map.entry("spsa.images", "10"),
            Map.entry("spsa.pairs", "4"),
            Map.entry("spsa.budgets", "1,10"),
            Map.entry("matched.validation", "100"),
            Map.entry("matched.epochs", "5"),
            Map.entry("headline.eps", "0.2"),
            Map.entry("topmodel.epochs", "15"),
            Map.entry("pixel.epochs", "2"),
            Map.entry("examples", "2"));

    private final Config config;

    /**
     * Checks every value of {@code config}.
     *
     * @throws org.topolayer.config.ConfigException naming a bad value's key
     */
    public AttackConfig(Config config) {
        this.config = config;
        seed();
        data();
        integer("train-samples", 10);
        integer("test-samples", 10);
        integer("eval-samples", 1);
        models();
        if (!classifierFiles().isEmpty() && saveModelsDir() != null) {
            throw new ConfigException("save-models keeps the classifiers a run trains, and with classifiers nothing"
                    + " is trained (the files are saved already); give one or the other");
        }
        integer("steps", 1); // before the attacks, whose parsing reads them
        positive("step-factor");
        pgdModels();
        attacks();
        epsilons(Attack.Norm.LINF);
        epsilons(Attack.Norm.L2);
        headlineAttack();
        headlineEps();
        budgets("until.budgets");
        positive("until.step");
        config.bool("grid");
        integer("spsa.images", 0);
        spsaModels();
        integer("spsa.pairs", 1);
        positive("spsa.delta");
        budgets("spsa.budgets");
        positive("spsa.eps");
        featureSpec();
        integers("topmodel.hidden");
        integer("topmodel.epochs", 0);
        integer("topmodel.batch", 1);
        positive("topmodel.learning-rate");
        integers("pixel-mlp.hidden");
        integer("pixel.epochs", 0);
        integer("pixel.batch", 1);
        positive("pixel.learning-rate");
        String target = matchedTarget();
        if (classifierFiles().isEmpty() && models().contains("pixel-mlp-matched") && !models().contains(target)) {
            throw config.bad("matched.target", "one of the models (pixel-mlp-matched is trained to its clean accuracy),"
                    + " but '" + target + "' is not in models=" + config.get("models"));
        }
        double tolerance = positive("matched.tolerance");
        if (tolerance >= 1) {
            throw config.bad("matched.tolerance", "an accuracy difference in (0, 1)");
        }
        int validation = integer("matched.validation", 1);
        if (classifierFiles().isEmpty() && models().contains("pixel-mlp-matched")
                && validation > integer("train-samples", 10) - MatchedAccuracy.FIRST) {
            throw config.bad("matched.validation", "at most train - " + MatchedAccuracy.FIRST + " = "
                    + (integer("train-samples", 10) - MatchedAccuracy.FIRST) + " (held-out training images for matching the"
                    + " accuracy)");
        }
        integer("matched.epochs", 1);
        integer("examples", 0);
        integer("nd4j-threads", 1);
    }

    /** The effective configuration, every key (for config.json). */
    public Map<String, Object> effective() {
        return config.effective();
    }

    public String get(String key) {
        return config.get(key);
    }

    public long seed() {
        return config.longValue("seed");
    }

    /** The images: mnist, fashion-mnist, synthetic or a folder of IDX files. */
    public DatasetChoice data() {
        return config.parsed("data", DatasetChoice::parse, DatasetChoice.EXPECTED);
    }

    public int integer(String key, int min) {
        return config.integer(key, min);
    }

    public double positive(String key) {
        return config.positive(key);
    }

    /** A comma-separated list of positive integers (may be empty: no hidden layer). */
    public int[] integers(String key) {
        return config.integers(key, 1);
    }

    /** The attack budgets for a norm ({@code eps} or {@code eps-l2}), ascending. */
    public double[] epsilons(Attack.Norm norm) {
        return config.positives(norm == Attack.Norm.LINF ? "eps" : "eps-l2");
    }

    /** The models to train and attack. */
    public List<String> models() {
        return config.choices("models", SavedClassifier.MODELS);
    }

    /** Saved classifier files to attack instead of training the models (empty: train them). */
    public List<String> classifierFiles() {
        return config.list("classifiers");
    }

    /** The folder to save the trained classifiers to, or null: not saved. */
    public Path saveModelsDir() {
        String dir = config.get("save-models");
        return dir.isBlank() ? null : Path.of(dir);
    }

    /** The attacks, as templates at ε = 1 ({@link Attack#withEpsilon} sets the budget). */
    public List<Attack> attacks() {
        List<Attack> out = new ArrayList<>();
        if (config.list("attacks").isEmpty()) {
            throw config.bad("attacks", "a non-empty comma-separated list");
        }
        for (String name : config.list("attacks")) {
            out.add(parseAttack("attacks", name));
        }
        return out;
    }

    public Attack headlineAttack() {
        return parseAttack("headline.attack", config.get("headline.attack"));
    }

    public double headlineEps() {
        return positive("headline.eps");
    }

    public boolean bool(String key) {
        return config.bool(key);
    }

    /** Step budgets of an until-success protocol: positive integers, strictly ascending. */
    public int[] budgets(String key) {
        int[] b = config.integers(key, 1);
        for (int i = 1; i < b.length; i++) {
            if (b[i] <= b[i - 1]) {
                throw config.bad(key, "strictly ascending step budgets such as 1,10,100");
            }
        }
        if (b.length == 0) {
            throw config.bad(key, "at least one step budget, such as 1,10,100");
        }
        return b;
    }

    /** The models the capped PGD attacks run on: pgd.models, or every model when it is empty. */
    public List<String> pgdModels() {
        return config.list("pgd.models").isEmpty() ? SavedClassifier.MODELS : config.choices("pgd.models", SavedClassifier.MODELS);
    }

    /** The models the gradient-free check runs on (those of them that are attacked). */
    public List<String> spsaModels() {
        return config.list("spsa.models").isEmpty() ? List.of() : config.choices("spsa.models", SavedClassifier.MODELS);
    }

    /** The model whose clean accuracy pixel-mlp-matched is trained to. */
    public String matchedTarget() {
        String target = config.get("matched.target");
        if (!SavedClassifier.MODELS.contains(target) || target.equals("pixel-mlp-matched")) {
            throw config.bad("matched.target", "another model among " + String.join(", ", SavedClassifier.MODELS));
        }
        return target;
    }

    public TopFeatureMap.Spec featureSpec() {
        int directions = integer("directions", 0);
        double darkness = positive("darkness");
        int topK = integer("topk", 1);
        boolean extent = config.bool("extent"), intensity = config.bool("intensity");
        try {
            return new TopFeatureMap.Spec(directions, darkness, topK, extent, intensity);
        } catch (IllegalArgumentException e) { // a combination the feature map cannot take
            throw new ConfigException("features: " + e.getMessage());
        }
    }

    private Attack parseAttack(String key, String name) {
        String[] parts = name.split("-");
        if (parts.length == 3) {
            try {
                Attack.Method method = Attack.Method.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
                Attack.Norm norm = Attack.Norm.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
                if (parts[2].equals("targeted") || parts[2].equals("untargeted")) {
                    boolean targeted = parts[2].equals("targeted");
                    return method == Attack.Method.FGSM ? Attack.fgsm(norm, 1, targeted)
                            : Attack.pgd(norm, 1, integer("steps", 1), positive("step-factor"), targeted);
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw config.bad(key, "attacks named METHOD-NORM-GOAL with METHOD fgsm|pgd, NORM linf|l2, GOAL untargeted|targeted"
                + " (got '" + name + "')");
    }

}
