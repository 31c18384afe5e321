package org.topolayer.apps.attack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of {@code topo attack}: every key with its default (the same as
 * {@code conf/topo-attack.properties}), overridden in order by a properties file, by {@code --quick}
 * and by command-line options. Unknown keys are rejected, naming the valid ones.
 */
public final class AttackConfig {
    /** Keys and defaults, in the order they are documented and written to config.json. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    /** What --quick changes: a run of seconds on synthetic-sized data, for tests. */
    private static final Map<String, String> QUICK = new LinkedHashMap<>();

    static {
        DEFAULTS.put("seed", "1");
        DEFAULTS.put("data.dir", "/usr/share/datasets/fashion-mnist");
        DEFAULTS.put("train", "10000");
        DEFAULTS.put("test", "2000");
        DEFAULTS.put("images", "1000");
        DEFAULTS.put("models", "pixel-mlp,pixel-cnn,topmodel-logistic,topmodel-mlp");
        DEFAULTS.put("attacks", "fgsm-linf-untargeted,pgd-linf-untargeted,pgd-linf-targeted,pgd-l2-untargeted");
        DEFAULTS.put("eps", "0.02,0.05,0.1,0.2");
        DEFAULTS.put("eps.l2", "0.5,1,2");
        DEFAULTS.put("pgd.steps", "10");
        DEFAULTS.put("pgd.step-factor", "2.5");
        DEFAULTS.put("headline.attack", "pgd-linf-targeted");
        DEFAULTS.put("headline.eps", "0.1");
        DEFAULTS.put("features.directions", "8");
        DEFAULTS.put("features.darkness", "1.5");
        DEFAULTS.put("features.topk", "4");
        DEFAULTS.put("features.extent", "true");
        DEFAULTS.put("features.intensity", "true");
        DEFAULTS.put("topmodel.hidden", "64");
        DEFAULTS.put("topmodel.epochs", "40");
        DEFAULTS.put("topmodel.batch", "64");
        DEFAULTS.put("topmodel.lr", "0.003");
        DEFAULTS.put("pixel.mlp.hidden", "128");
        DEFAULTS.put("pixel.epochs", "3");
        DEFAULTS.put("pixel.batch", "64");
        DEFAULTS.put("pixel.lr", "0.001");
        DEFAULTS.put("examples", "4");
        DEFAULTS.put("nd4j.threads", "1");

        QUICK.put("train", "500");
        QUICK.put("test", "200");
        QUICK.put("images", "40");
        QUICK.put("eps", "0.05,0.2");
        QUICK.put("eps.l2", "1,3");
        QUICK.put("pgd.steps", "5");
        QUICK.put("headline.eps", "0.2");
        QUICK.put("attacks", "fgsm-linf-untargeted,pgd-linf-untargeted,pgd-linf-targeted,pgd-l2-untargeted");
        QUICK.put("topmodel.epochs", "15");
        QUICK.put("pixel.epochs", "2");
        QUICK.put("examples", "2");
    }

    private final Map<String, String> values;

    private AttackConfig(Map<String, String> values) {
        this.values = values;
    }

    /** The valid keys, in order. */
    public static List<String> keys() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /**
     * Defaults, then the file (if any), then the quick settings (if asked), then the overrides.
     *
     * @throws IllegalArgumentException naming an unknown key and the valid keys, or a bad value
     * @throws IOException if the file cannot be read
     */
    public static AttackConfig load(Path file, boolean quick, Map<String, String> overrides) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (file != null) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            List<String> names = new ArrayList<>(p.stringPropertyNames());
            Collections.sort(names);
            for (String key : names) {
                put(values, key, p.getProperty(key).trim(), file.toString());
            }
        }
        if (quick) {
            values.putAll(QUICK);
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            put(values, e.getKey(), e.getValue(), "the command line");
        }
        AttackConfig config = new AttackConfig(values);
        config.validate();
        return config;
    }

    private static void put(Map<String, String> values, String key, String value, String where) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("unknown key '" + key + "' in " + where + "; valid keys: "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        values.put(key, value);
    }

    /** Parses every value once, so a bad one fails before any work. */
    private void validate() {
        seed();
        integer("train", 10);
        integer("test", 10);
        integer("images", 1);
        models();
        attacks();
        epsilons(Attack.Norm.LINF);
        epsilons(Attack.Norm.L2);
        integer("pgd.steps", 1);
        positive("pgd.step-factor");
        headlineAttack();
        headlineEps();
        featureSpec();
        integers("topmodel.hidden");
        integer("topmodel.epochs", 0);
        integer("topmodel.batch", 1);
        positive("topmodel.lr");
        integers("pixel.mlp.hidden");
        integer("pixel.epochs", 0);
        integer("pixel.batch", 1);
        positive("pixel.lr");
        integer("examples", 0);
        integer("nd4j.threads", 1);
    }

    /** The effective configuration, every key. */
    public Map<String, String> effective() {
        return Collections.unmodifiableMap(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public long seed() {
        try {
            return Long.parseLong(values.get("seed"));
        } catch (NumberFormatException e) {
            throw bad("seed", "an integer");
        }
    }

    public Path dataDir() {
        return Path.of(values.get("data.dir"));
    }

    public int integer(String key, int min) {
        try {
            int v = Integer.parseInt(values.get(key).trim());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "an integer ≥ " + min);
    }

    public double positive(String key) {
        try {
            double v = Double.parseDouble(values.get(key).trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "a positive number");
    }

    public boolean bool(String key) {
        String v = values.get(key).trim();
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw bad(key, "true or false");
    }

    /** A comma-separated list of positive integers (may be empty: no hidden layer). */
    public int[] integers(String key) {
        String v = values.get(key).trim();
        if (v.isEmpty()) {
            return new int[0];
        }
        try {
            int[] out = Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(out).allMatch(x -> x > 0)) {
                return out;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "a comma-separated list of positive integers");
    }

    /** The attack budgets for a norm ({@code eps} or {@code eps.l2}), ascending. */
    public double[] epsilons(Attack.Norm norm) {
        String key = norm == Attack.Norm.LINF ? "eps" : "eps.l2";
        try {
            double[] out = Arrays.stream(values.get(key).split(",")).map(String::trim).mapToDouble(Double::parseDouble)
                    .sorted().toArray();
            if (out.length > 0 && Arrays.stream(out).allMatch(x -> x > 0 && Double.isFinite(x))) {
                return out;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "a comma-separated list of positive numbers");
    }

    /** The models to train and attack. */
    public List<String> models() {
        List<String> valid = List.of("pixel-mlp", "pixel-cnn", "topmodel-logistic", "topmodel-mlp");
        List<String> out = list("models");
        for (String m : out) {
            if (!valid.contains(m)) {
                throw bad("models", "a list of " + String.join(", ", valid) + " (got '" + m + "')");
            }
        }
        return out;
    }

    /** The attacks, as templates at ε = 1 ({@link Attack#withEpsilon} sets the budget). */
    public List<Attack> attacks() {
        List<Attack> out = new ArrayList<>();
        for (String name : list("attacks")) {
            out.add(parseAttack("attacks", name));
        }
        return out;
    }

    public Attack headlineAttack() {
        return parseAttack("headline.attack", values.get("headline.attack").trim());
    }

    public double headlineEps() {
        return positive("headline.eps");
    }

    public TopFeatureMap.Spec featureSpec() {
        int directions = integer("features.directions", 0);
        try {
            return new TopFeatureMap.Spec(directions, positive("features.darkness"), integer("features.topk", 1),
                    bool("features.extent"), bool("features.intensity"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("features: " + e.getMessage(), e);
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
                            : Attack.pgd(norm, 1, integer("pgd.steps", 1), positive("pgd.step-factor"), targeted);
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw bad(key, "attacks named METHOD-NORM-GOAL with METHOD fgsm|pgd, NORM linf|l2, GOAL untargeted|targeted"
                + " (got '" + name + "')");
    }

    private List<String> list(String key) {
        List<String> out = Arrays.stream(values.get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (out.isEmpty()) {
            throw bad(key, "a non-empty comma-separated list");
        }
        return out;
    }

    private IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException("'" + key + "' must be " + expected + ", got '" + values.get(key) + "'");
    }
}
