package org.topolayer.apps.attack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.DatasetChoice;
import org.topolayer.data.ImageDataset;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Inputs;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.Nd4jThreads;
import org.topolayer.persistence.Diagram;

/**
 * The experiment behind {@code topo attack}: trains pixel-space classifiers (MLP, CNN) and
 * TopModels (logistic regression and MLP heads on {@link TopFeatureMap} features), or reads saved
 * ones ({@link SavedClassifier}), optionally saves the trained ones, measures clean
 * accuracy, then attacks the first {@code images} test images with each configured attack at each
 * budget ε, untargeted or targeted at a random wrong class (seeded), and writes metrics.json,
 * results.csv, config.json and figures. Progress goes to the given writer as it runs.
 */
public final class AttackExperiment {
    private final AttackConfig config;
    private final PrintWriter log;
    private final long started = System.nanoTime();

    private AttackExperiment(AttackConfig config, PrintWriter log) {
        this.config = config;
        this.log = log;
    }

    /** Runs the experiment into {@code outputDir} (null: {@code results/attack-<time>}) and returns the output. */
    public static RunOutput run(AttackConfig config, Path outputDir, PrintWriter log) throws IOException {
        return new AttackExperiment(config, log).run(outputDir);
    }

    private void say(String format, Object... args) {
        log.printf(Locale.ROOT, "[%6.1fs] " + format + "%n", concat((System.nanoTime() - started) / 1e9, args));
        log.flush();
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /** Statistics of one (attack, ε, model) run. */
    record Stats(double accuracy, double successRate, double meanLinf, double meanL2, int attacked, int succeeded) {
    }

    private RunOutput run(Path outputDir) throws IOException {
        // small networks on a shared machine: ND4J's OpenMP threads spin against other work and
        // made DL4J 20-100x slower on 2 loaded cores; the topology layers use the cores instead
        Nd4jThreads.limit(config.integer("nd4j-threads", 1));
        List<String> files = config.classifierFiles();
        Loaded loaded = read(files);
        long seed = config.seed();
        // saved classifiers need no training images
        int trainCount = files.isEmpty() ? config.integer("train-samples", 10) : 0;
        int testCount = config.integer("test-samples", 10);
        int imageCount = config.integer("eval-samples", 1);
        ImageDataset.Splits splits = config.data().load(trainCount, Math.max(testCount, imageCount), seed,
                DatasetChoice.STDERR);
        ImageDataset train = splits.train(), test = splits.test().head(testCount), attacked = splits.test().head(imageCount);
        requireFit(loaded, attacked);
        // a missing, damaged or unfitting classifier file has failed above, before anything is written
        RunOutput out = RunOutput.open(outputDir, "attack");
        say("data: %s, %d training images, %d test images for clean accuracy, %d attacked images (%d×%d)",
                splits.source(), train.size(), test.size(), attacked.size(), train.height(), train.width());
        Map<String, Object> effective = new LinkedHashMap<>(config.effective());
        effective.put("data_source", splits.source());
        out.writeConfig(effective);
        out.metric("command", "attack").metric("data_source", splits.source()).metric("seed", seed)
                .metric("train_images", train.size()).metric("test_images", test.size())
                .metric("attacked_images", attacked.size());

        Map<String, SavedClassifier> saved = files.isEmpty() ? trainModels(train, test, out) : announce(loaded, out);
        if (config.saveModelsDir() != null) {
            save(saved, config.saveModelsDir(), out);
        }
        Map<String, DifferentiableClassifier> models = new LinkedHashMap<>();
        saved.forEach((name, c) -> models.put(name, c.classifier()));
        Map<String, Object> clean = new LinkedHashMap<>(), cleanSubset = new LinkedHashMap<>();
        Map<String, int[]> cleanPredictions = new LinkedHashMap<>();
        for (Map.Entry<String, DifferentiableClassifier> m : models.entrySet()) {
            clean.put(m.getKey(), m.getValue().accuracy(test.images(), test.labels()));
            int[] predicted = m.getValue().predict(attacked.images());
            cleanPredictions.put(m.getKey(), predicted);
            cleanSubset.put(m.getKey(), fraction(predicted, attacked.labels()));
            say("clean accuracy %-18s %.4f on %d test images (%.4f on the attacked ones)", m.getKey(),
                    (double) clean.get(m.getKey()), test.size(), (double) cleanSubset.get(m.getKey()));
        }
        out.metric("clean_accuracy", clean).metric("clean_accuracy_attacked_images", cleanSubset);

        int classes = attacked.classNames().length;
        int[] targets = new int[attacked.size()];
        SplittableRandom random = new SplittableRandom(seed ^ 0x7A3C5EEDL);
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (attacked.labels()[i] + 1 + random.nextInt(classes - 1)) % classes;
        }
        out.metric("target_classes", "each attacked image's target: uniform over the other classes, drawn by"
                + " SplittableRandom(seed ^ 0x7A3C5EED) in image order");
        Map<String, Attack.Result> untilResults = untilSuccess(out, attacked, targets, cleanPredictions, models);
        gradientFree(out, attacked, targets, cleanPredictions, models);

        Attack headline = config.headlineAttack();
        double headlineEps = config.headlineEps();
        List<Attack> attacks = new ArrayList<>(config.attacks());
        if (attacks.stream().noneMatch(a -> a.name().equals(headline.name()))) {
            attacks.add(headline);
        }
        StringBuilder csv = new StringBuilder("model,attack,eps,accuracy,success_rate,mean_linf,mean_l2,attacked,succeeded\n");
        Map<String, Double> headlineSuccess = new LinkedHashMap<>();
        Map<String, Map<String, Object>> transfer = new LinkedHashMap<>();
        for (Attack template : attacks) {
            Map<String, DifferentiableClassifier> targetsOf = new LinkedHashMap<>(); // pgd.models for PGD
            models.forEach((name, model) -> {
                if (template.method() != Attack.Method.PGD || config.pgdModels().contains(name)) {
                    targetsOf.put(name, model);
                }
            });
            double[] eps = config.epsilons(template.norm());
            if (template.name().equals(headline.name()) && Arrays.stream(eps).noneMatch(e -> e == headlineEps)) {
                eps = Arrays.copyOf(eps, eps.length + 1);
                eps[eps.length - 1] = headlineEps;
                Arrays.sort(eps);
            }
            String key = template.name().replace('-', '_');
            Map<String, Object> accuracy = new LinkedHashMap<>(), success = new LinkedHashMap<>();
            Map<String, Object> linf = new LinkedHashMap<>(), l2 = new LinkedHashMap<>();
            Map<String, double[]> accuracyCurves = new LinkedHashMap<>(), successCurves = new LinkedHashMap<>();
            for (String model : targetsOf.keySet()) {
                accuracy.put(model, new LinkedHashMap<String, Object>());
                success.put(model, new LinkedHashMap<String, Object>());
                linf.put(model, new LinkedHashMap<String, Object>());
                l2.put(model, new LinkedHashMap<String, Object>());
                accuracyCurves.put(model, new double[eps.length]);
                successCurves.put(model, new double[eps.length]);
            }
            for (int e = 0; e < eps.length; e++) {
                Attack attack = template.withEpsilon(eps[e]);
                for (Map.Entry<String, DifferentiableClassifier> m : targetsOf.entrySet()) {
                    long t0 = System.nanoTime();
                    Attack.Result result = attack.run(m.getValue(), attacked.images(), attacked.labels(), targets);
                    Stats s = stats(attack, attacked, targets, cleanPredictions.get(m.getKey()), result);
                    String epsKey = epsKey(eps[e]);
                    putIn(accuracy, m.getKey(), epsKey, s.accuracy());
                    putIn(success, m.getKey(), epsKey, s.successRate());
                    putIn(linf, m.getKey(), epsKey, s.meanLinf());
                    putIn(l2, m.getKey(), epsKey, s.meanL2());
                    accuracyCurves.get(m.getKey())[e] = s.accuracy();
                    successCurves.get(m.getKey())[e] = s.successRate();
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.4f,%.5f,%.5f,%d,%d%n", m.getKey(),
                            template.name(), epsKey, s.accuracy(), s.successRate(), s.meanLinf(), s.meanL2(),
                            s.attacked(), s.succeeded()));
                    say("%-22s eps=%-5s %-18s accuracy %.4f  success %.4f (%d/%d)  mean L∞ %.4f  L2 %.3f  (%.1f s)",
                            template.name(), epsKey, m.getKey(), s.accuracy(), s.successRate(), s.succeeded(),
                            s.attacked(), s.meanLinf(), s.meanL2(), (System.nanoTime() - t0) / 1e9);
                    if (attack.name().equals(headline.name()) && eps[e] == headlineEps) {
                        headlineSuccess.put(m.getKey(), s.successRate());
                    }
                    if (attack.name().equals("pgd-linf-untargeted") && m.getKey().equals("pixel-cnn")) {
                        for (Map.Entry<String, DifferentiableClassifier> other : models.entrySet()) {
                            if (!other.getKey().equals("pixel-cnn")) {
                                double acc = other.getValue().accuracy(result.adversarial(), attacked.labels());
                                transfer.computeIfAbsent(other.getKey(), k -> new LinkedHashMap<>()).put(epsKey, acc);
                            }
                        }
                    }
                }
            }
            out.metric(key + "_accuracy", accuracy).metric(key + "_success_rate", success)
                    .metric(key + "_mean_linf", linf).metric(key + "_mean_l2", l2);
            if (template.name().equals("pgd-linf-untargeted")) {
                out.metric("accuracy_under_attack", accuracy);
            }
            Map<String, Double> zero = new LinkedHashMap<>();
            cleanSubset.forEach((k, v) -> zero.put(k, (Double) v));
            if (template.targeted()) {
                AttackFigures.curves(out.file("success_vs_eps_" + key + ".png"), template.name() + " (" + splits.source()
                        + "): success rate", "success rate", eps, successCurves, null);
            } else {
                AttackFigures.curves(out.file("accuracy_vs_eps_" + key + ".png"), template.name() + " (" + splits.source()
                        + "): accuracy under attack", "accuracy", eps, accuracyCurves, zero);
            }
            out.writeMetrics();
        }
        if (!out.metrics().containsKey("accuracy_under_attack")) {
            out.metric("accuracy_under_attack", out.metrics().get(attacks.get(0).name().replace('-', '_') + "_accuracy"));
        }
        out.metric("headline_attack", headline.name()).metric("headline_eps", headlineEps)
                .metric("attack_success_rate", headlineSuccess);
        if (!transfer.isEmpty()) {
            out.metric("transfer_accuracy_from_pixel_cnn_pgd_linf", transfer);
        }
        out.metric("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        AtomicFiles.write(out.file("results.csv"), w -> w.write(csv.toString()));
        Map<String, double[][]> untilAdversarial = new LinkedHashMap<>();
        untilResults.forEach((model, r) -> untilAdversarial.put(model, r.adversarial()));
        figures(out, attacked, targets, cleanPredictions, untilAttack(), "until_success", untilAdversarial, models);
        out.writeMetrics();
        say("headline: %s at eps=%s succeeded on %s", headline.name(), epsKey(headlineEps), headlineSuccess);
        say("wrote %s", out.dir());
        return out;
    }

    private static void putIn(Map<String, Object> byModel, String model, String eps, double value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) byModel.get(model);
        m.put(eps, value);
    }

    static String epsKey(double eps) {
        return eps == Math.rint(eps) ? Long.toString((long) eps) : Double.toString(eps);
    }

    /**
     * Accuracy over all attacked images; success rate, mean L∞ and L2 norms over the images the
     * model classified correctly before the attack (norms of the successful ones).
     */
    static Stats stats(Attack attack, ImageDataset attacked, int[] targets, int[] cleanPredicted, Attack.Result r) {
        int correct = 0, attackedCount = 0, succeeded = 0;
        double linf = 0, l2 = 0;
        for (int i = 0; i < attacked.size(); i++) {
            correct += r.predictions()[i] == attacked.labels()[i] ? 1 : 0;
            if (cleanPredicted[i] != attacked.labels()[i]) {
                continue;
            }
            attackedCount++;
            boolean ok = attack.targeted() ? r.predictions()[i] == targets[i] : r.predictions()[i] != attacked.labels()[i];
            if (ok) {
                succeeded++;
                linf += Attack.linf(r.adversarial()[i], attacked.images()[i]);
                l2 += Attack.l2(r.adversarial()[i], attacked.images()[i]);
            }
        }
        return new Stats((double) correct / attacked.size(), attackedCount == 0 ? Double.NaN
                : (double) succeeded / attackedCount, succeeded == 0 ? Double.NaN : linf / succeeded,
                succeeded == 0 ? Double.NaN : l2 / succeeded, attackedCount, succeeded);
    }

    private static double fraction(int[] predicted, int[] labels) {
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            c += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) c / labels.length;
    }

    private Map<String, SavedClassifier> trainModels(ImageDataset train, ImageDataset test, RunOutput out) {
        long seed = config.seed();
        int[] shape = {train.height(), train.width()};
        Map<String, SavedClassifier> models = new LinkedHashMap<>();
        Map<String, Object> seconds = new LinkedHashMap<>();
        List<String> wanted = config.models();
        NetworkClassifier.Training pixel = new NetworkClassifier.Training(config.integer("pixel.epochs", 0),
                config.integer("pixel.batch", 1), config.positive("pixel.learning-rate"), seed);
        int classes = train.classNames().length;
        for (String model : List.of("pixel-mlp", "pixel-cnn")) {
            if (wanted.contains(model)) {
                long t0 = System.nanoTime();
                ClassifierRecipe recipe = new ClassifierRecipe(model, shape, classes,
                        config.integers("pixel-mlp.hidden"), seed, config.featureSpec());
                say("training %s (%d parameters)", model, recipe.network().parameterCount());
                models.put(model, recipe.fit(train.images(), train.labels(), pixel,
                        (epoch, loss) -> say("  %s epoch %d/%d  loss %.4f", model, epoch, pixel.epochs(), loss)));
                seconds.put(model, (System.nanoTime() - t0) / 1e9);
            }
        }
        if (wanted.contains("topmodel-logistic") || wanted.contains("topmodel-mlp")) {
            long t0 = System.nanoTime();
            TopFeatureMap map = new TopFeatureMap(train.height(), train.width(), config.featureSpec());
            double[][] features = map.features(train.images());
            double featureSeconds = (System.nanoTime() - t0) / 1e9;
            say("TopModel features: %d per image (%s), %d images in %.1f s", map.size(), map.filtrationNames(),
                    features.length, featureSeconds);
            out.metric("topmodel_features", map.size()).metric("topmodel_feature_seconds", featureSeconds);
            NetworkClassifier.Training head = new NetworkClassifier.Training(config.integer("topmodel.epochs", 0),
                    config.integer("topmodel.batch", 1), config.positive("topmodel.learning-rate"), seed);
            int every = Math.max(1, head.epochs() / 5);
            for (String model : List.of("topmodel-logistic", "topmodel-mlp")) {
                if (wanted.contains(model)) {
                    long t1 = System.nanoTime();
                    ClassifierRecipe recipe = new ClassifierRecipe(model, shape, classes,
                            config.integers("topmodel.hidden"), seed, config.featureSpec());
                    models.put(model, recipe.fit(features, train.labels(), head, (epoch, loss) -> {
                        if (epoch % every == 0 || epoch == head.epochs()) {
                            say("  %s epoch %d/%d  loss %.4f", model, epoch, head.epochs(), loss);
                        }
                    }));
                    seconds.put(model, featureSeconds + (System.nanoTime() - t1) / 1e9);
                }
            }
        }
        if (wanted.contains("pixel-mlp-matched")) {
            long t0 = System.nanoTime();
            String target = config.matchedTarget();
            double targetAccuracy = models.get(target).classifier().accuracy(test.images(), test.labels());
            double tolerance = config.positive("matched.tolerance");
            say("training pixel-mlp-matched: a pixel MLP on fewer images, to %s's clean accuracy %.4f", target,
                    targetAccuracy);
            NetworkClassifier.Training fewer = new NetworkClassifier.Training(config.integer("matched.epochs", 1),
                    pixel.batchSize(), pixel.learningRate(), seed);
            MatchedAccuracy.Match match = MatchedAccuracy.train(train, config.integer("matched.validation", 1),
                    targetAccuracy, tolerance, config.integers("pixel-mlp.hidden"), fewer, seed, line -> say("%s", line));
            NetworkClassifier matched = match.best().model();
            models.put("pixel-mlp-matched", SavedClassifier.pixel("pixel-mlp-matched", shape, matched));
            double achieved = matched.accuracy(test.images(), test.labels());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target_model", target);
            json.put("target_clean_accuracy", targetAccuracy);
            json.put("clean_accuracy", achieved);
            json.put("tolerance", tolerance);
            json.put("within_tolerance", Math.abs(achieved - targetAccuracy) <= tolerance);
            json.put("epochs", fewer.epochs());
            json.putAll(match.toJson());
            out.metric("matched", json);
            say("pixel-mlp-matched: %d training images, clean accuracy %.4f vs %s %.4f (%s the tolerance %.2f)",
                    match.best().samples(), achieved, target, targetAccuracy,
                    Math.abs(achieved - targetAccuracy) <= tolerance ? "within" : "OUTSIDE", tolerance);
            seconds.put("pixel-mlp-matched", (System.nanoTime() - t0) / 1e9);
        }
        out.metric("train_seconds", seconds);
        Map<String, SavedClassifier> ordered = new LinkedHashMap<>(); // the order of SavedClassifier.MODELS
        SavedClassifier.MODELS.stream().filter(models::containsKey).forEach(name -> ordered.put(name, models.get(name)));
        return ordered;
    }

    /** Saved classifiers by model kind, and their files' figures (name, checksum) by model kind. */
    private record Loaded(Map<String, SavedClassifier> models, Map<String, Object> files) {
    }

    /** The saved classifiers to attack instead of trained ones: at most one of each model kind. */
    private static Loaded read(List<String> files) throws IOException {
        Loaded loaded = new Loaded(new LinkedHashMap<>(), new LinkedHashMap<>());
        for (String file : files) {
            byte[] bytes = Inputs.bytes(file, "classifier file");
            SavedClassifier c = SavedClassifier.fromBytes(bytes, file);
            SavedClassifier first = loaded.models().putIfAbsent(c.model(), c);
            if (first != null) {
                throw new BadInputException(file, "a second " + c.model() + " (the first is " + first.source()
                        + "); give at most one classifier file of each model kind");
            }
            loaded.files().put(c.model(), fileFigure(file, bytes));
        }
        return loaded;
    }

    /** Fails unless every saved classifier takes the attacked images' shape and classes. */
    private static void requireFit(Loaded loaded, ImageDataset attacked) throws BadInputException {
        for (SavedClassifier c : loaded.models().values()) {
            c.requireShape(new int[] {attacked.height(), attacked.width()}, "the " + attacked.source() + " data");
            c.requireClasses(attacked.classNames().length, "the " + attacked.source() + " data");
        }
    }

    /** The saved classifiers to attack, said on the console and recorded in the metrics. */
    private Map<String, SavedClassifier> announce(Loaded loaded, RunOutput out) {
        say("attacking saved classifiers (the models and training keys are not used)");
        loaded.models().values().forEach(c -> say("%s: %s", c.source(), c.describe()));
        out.metric("classifier_files", loaded.files());
        return loaded.models();
    }

    /** Writes each trained classifier to {@code dir}/MODEL.classifier. */
    private void save(Map<String, SavedClassifier> models, Path dir, RunOutput out) throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        for (Map.Entry<String, SavedClassifier> m : models.entrySet()) {
            Path file = dir.resolve(m.getKey() + SavedClassifier.EXTENSION);
            files.put(m.getKey(), fileFigure(file.toString(), m.getValue().save(file)));
        }
        say("saved the classifiers in %s", dir);
        out.metric("saved_models", files);
    }

    /** A classifier file for metrics.json: its name and checksum. */
    private static Map<String, Object> fileFigure(String file, byte[] bytes) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("file", file);
        figure.put("sha256", SavedClassifier.checksum(bytes));
        return figure;
    }

    /** Example images (clean, adversarial, perturbation per model) and TopModel diagrams before/after. */
    private void figures(RunOutput out, ImageDataset attacked, int[] targets, Map<String, int[]> cleanPredictions,
                         Attack attack, String name, Map<String, double[][]> adversarial,
                         Map<String, DifferentiableClassifier> models) throws IOException {
        int wanted = config.integer("examples", 0);
        if (wanted == 0 || adversarial.isEmpty()) {
            return;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < attacked.size() && chosen.size() < wanted; i++) {
            boolean allCorrect = true;
            for (int[] p : cleanPredictions.values()) {
                allCorrect &= p[i] == attacked.labels()[i];
            }
            if (allCorrect) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        int h = attacked.height(), w = attacked.width();
        String[] names = attacked.classNames();
        List<String> captions = new ArrayList<>();
        double[][] clean = new double[chosen.size()][];
        for (int k = 0; k < chosen.size(); k++) {
            int i = chosen.get(k);
            clean[k] = attacked.images()[i];
            captions.add(names[attacked.labels()[i]] + (attack.targeted() ? "\n-> " + names[targets[i]] : ""));
        }
        List<AttackFigures.Row> rows = new ArrayList<>();
        rows.add(new AttackFigures.Row("clean", clean, 0, 1));
        double scale = attack.epsilon();
        for (Map.Entry<String, double[][]> m : adversarial.entrySet()) {
            double[][] adv = new double[chosen.size()][], delta = new double[chosen.size()][];
            for (int k = 0; k < chosen.size(); k++) {
                adv[k] = m.getValue()[chosen.get(k)];
                delta[k] = new double[adv[k].length];
                for (int p = 0; p < adv[k].length; p++) {
                    delta[k][p] = adv[k][p] - clean[k][p];
                }
            }
            double range = attack.norm() == Attack.Norm.LINF && !attack.unbounded() ? scale
                    : Arrays.stream(delta).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElse(1);
            rows.add(new AttackFigures.Row(m.getKey() + " adv.", adv, 0, 1));
            rows.add(new AttackFigures.Row(m.getKey() + " delta", delta, -range, range));
        }
        AttackFigures.imageRows(out.file("examples_" + name + ".png"), h, w, captions, rows);

        String top = adversarial.containsKey("topmodel-mlp") ? "topmodel-mlp"
                : adversarial.containsKey("topmodel-logistic") ? "topmodel-logistic" : null;
        if (top == null) {
            return;
        }
        TopModel model = (TopModel) models.get(top);
        TopFeatureMap map = model.featureMap();
        for (int k = 0; k < chosen.size(); k++) {
            int i = chosen.get(k);
            double[] x = attacked.images()[i], adv = adversarial.get(top)[i];
            double[][] probs = model.probabilities(new double[][] {x, adv});
            int pc = DifferentiableClassifier.argmax(probs)[0], pa = DifferentiableClassifier.argmax(probs)[1];
            // the filtration whose features moved most (standardized), beside the superlevel intensities
            double[] zc = model.standardizer().apply(map.features(x)), za = model.standardizer().apply(map.features(adv));
            List<String> filtrations = map.filtrationNames();
            int perDirectional = 2 * map.spec().topK() + (map.spec().extent() ? 1 : 0);
            int best = 0, at = 0;
            double bestChange = -1;
            for (int f = 0; f < filtrations.size(); f++) {
                int n = filtrations.get(f).startsWith("dir") ? perDirectional : 2 * map.spec().topK();
                double change = 0;
                for (int j = at; j < at + n; j++) {
                    change += (za[j] - zc[j]) * (za[j] - zc[j]);
                }
                if (change > bestChange) {
                    bestChange = change;
                    best = f;
                }
                at += n;
            }
            List<Integer> shown = new ArrayList<>(List.of(best));
            int sup = filtrations.indexOf("sup");
            if (sup >= 0 && sup != best) {
                shown.add(sup);
            }
            List<String> titles = new ArrayList<>();
            List<List<Diagram>> before = new ArrayList<>(), after = new ArrayList<>();
            for (int f : shown) {
                titles.add(filtrationTitle(filtrations.get(f)) + (f == best ? " (moved most)" : ""));
                before.add(map.diagrams(f, x));
                after.add(map.diagrams(f, adv));
            }
            AttackFigures.diagramPanel(out.file(String.format(Locale.ROOT, "diagrams_example%d.png", k + 1)), h, w, x, adv,
                    String.format(Locale.ROOT, "clean (%s)%n%s, p=%.2f", names[attacked.labels()[i]], names[pc],
                            probs[0][pc]),
                    String.format(Locale.ROOT, "%s%n%s, p=%.2f%s", describe(attack), names[pa], probs[1][pa],
                            attack.targeted() ? "\ntarget " + names[targets[i]] : ""),
                    titles, before, after);
        }
    }

    /** A caption for an attack: its name and ε, or the until-success protocol and its step size. */
    private static String describe(Attack attack) {
        return attack.unbounded() ? String.format(Locale.ROOT, "until success (steps of %s)", epsKey(attack.stepSize()))
                : attack.name() + " eps=" + epsKey(attack.epsilon());
    }

    /** The paper's protocol as configured: no ε cap, sign steps of until.step, up to the largest budget. */
    private Attack untilAttack() {
        int[] budgets = config.budgets("until.budgets");
        return Attack.untilSuccess(config.positive("until.step"), budgets[budgets.length - 1]);
    }

    /**
     * (a) The paper's protocol on every attacked image and model: until_success in metrics.json,
     * until_success.csv, the curve against the step budget and the source/target grids.
     *
     * @return each model's attack result (for the example figures)
     */
    private Map<String, Attack.Result> untilSuccess(RunOutput out, ImageDataset attacked, int[] targets,
                                                    Map<String, int[]> cleanPredictions,
                                                    Map<String, DifferentiableClassifier> models) throws IOException {
        int[] budgets = config.budgets("until.budgets");
        Attack attack = untilAttack();
        Map<String, Attack.Result> results = new LinkedHashMap<>();
        Map<String, UntilSuccess.Summary> summaries = new LinkedHashMap<>();
        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("model,steps,success_rate,success_rate_all_images,succeeded,"
                + "median_linf,median_l2,median_pixels_changed\n");
        for (Map.Entry<String, DifferentiableClassifier> m : models.entrySet()) {
            long t0 = System.nanoTime();
            Attack.Result r = attack.run(m.getValue(), attacked.images(), attacked.labels(), targets);
            UntilSuccess.Summary summary = UntilSuccess.summarize(r, attacked.images(), attacked.labels(),
                    cleanPredictions.get(m.getKey()), budgets);
            results.put(m.getKey(), r);
            summaries.put(m.getKey(), summary);
            json.put(m.getKey(), summary.toJson());
            for (UntilSuccess.Budget b : summary.curve()) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%d,%.5f,%.5f,%.1f%n", m.getKey(), b.steps(),
                        b.successRate(), b.successRateAll(), b.succeeded(), b.medianLinf(), b.medianL2(),
                        b.medianPixelsChanged()));
                say("until success %-18s %5d steps: success %.4f (%d/%d)  median L∞ %.4f  L2 %.3f  pixels %.0f",
                        m.getKey(), b.steps(), b.successRate(), b.succeeded(), summary.correct(), b.medianLinf(),
                        b.medianL2(), b.medianPixelsChanged());
            }
            say("until success %-18s done in %.1f s", m.getKey(), (System.nanoTime() - t0) / 1e9);
        }
        out.metric("until_success_step", attack.stepSize()).metric("until_success", json);
        AtomicFiles.write(out.file("until_success.csv"), w -> w.write(csv.toString()));
        AttackFigures.budgetCurves(out.file("until_success_vs_steps.png"), "targeted attack until success, no eps cap ("
                + attacked.source() + ", steps of " + epsKey(attack.stepSize()) + ")", summaries);
        if (config.bool("grid")) {
            long t0 = System.nanoTime();
            int[] sources = SourceTargetGrid.pickSources(attacked, cleanPredictions.values());
            Map<String, Object> grids = new LinkedHashMap<>();
            for (Map.Entry<String, DifferentiableClassifier> m : models.entrySet()) {
                SourceTargetGrid grid = SourceTargetGrid.run(m.getValue(), attack, attacked, sources);
                grids.put(m.getKey(), grid.toJson());
                AttackFigures.grid(out.file("grid_" + m.getKey() + ".png"), m.getKey() + ": source (row) attacked toward"
                        + " target (column), red = reached, until success up to " + attack.steps() + " steps",
                        attacked.height(), attacked.width(), attacked.classNames(), grid);
                say("grid %-18s %.0f%% of the %d cells reached their target", m.getKey(), 100 * grid.successRate(),
                        grid.sources().length * (grid.sources().length - 1));
            }
            out.metric("grid", grids);
            say("grids done in %.1f s", (System.nanoTime() - t0) / 1e9);
        }
        out.writeMetrics();
        return results;
    }

    /**
     * The gradient-free check: the same targeted attacks with the model's gradient replaced by an
     * SPSA estimate from its outputs ({@link SpsaGradient}), beside the true-gradient attack, on
     * the first spsa.images attacked images, for the spsa.models: until success (budgets spsa.budgets) and PGD L∞ capped
     * at spsa.eps with steps steps.
     */
    private void gradientFree(RunOutput out, ImageDataset attacked, int[] targets, Map<String, int[]> cleanPredictions,
                              Map<String, DifferentiableClassifier> models) throws IOException {
        int n = Math.min(config.integer("spsa.images", 0), attacked.size());
        if (n == 0) {
            return;
        }
        long t0 = System.nanoTime();
        ImageDataset sub = attacked.head(n);
        int[] subTargets = Arrays.copyOf(targets, n);
        int[] budgets = config.budgets("spsa.budgets");
        int pairs = config.integer("spsa.pairs", 1);
        double delta = config.positive("spsa.delta"), eps = config.positive("spsa.eps");
        Attack until = Attack.untilSuccess(config.positive("until.step"), budgets[budgets.length - 1]);
        Attack capped = Attack.pgd(Attack.Norm.LINF, eps, config.integer("steps", 1),
                config.positive("step-factor"), true);
        Map<String, Object> untilJson = new LinkedHashMap<>(), cappedJson = new LinkedHashMap<>();
        List<String> spsaModels = config.spsaModels();
        for (Map.Entry<String, DifferentiableClassifier> m : models.entrySet()) {
            if (!spsaModels.contains(m.getKey())) {
                continue;
            }
            int[] cleanPredicted = Arrays.copyOf(cleanPredictions.get(m.getKey()), n);
            Map<String, Object> u = new LinkedHashMap<>(), c = new LinkedHashMap<>();
            for (boolean spsa : new boolean[] {false, true}) {
                DifferentiableClassifier model = spsa
                        ? new SpsaGradient(m.getValue(), pairs, delta, config.seed() ^ 0x5B5AL) : m.getValue();
                String source = spsa ? "spsa" : "gradient";
                UntilSuccess.Summary s = UntilSuccess.summarize(until.run(model, sub.images(), sub.labels(), subTargets),
                        sub.images(), sub.labels(), cleanPredicted, budgets);
                u.put(source, s.toJson());
                Stats st = stats(capped, sub, subTargets, cleanPredicted,
                        capped.run(model, sub.images(), sub.labels(), subTargets));
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("success_rate", st.successRate());
                figures.put("mean_linf", st.meanLinf());
                figures.put("mean_l2", st.meanL2());
                c.put(source, figures);
                say("%-8s %-18s until success %d steps: %.4f; PGD L∞ targeted eps=%s: %.4f", source, m.getKey(),
                        s.last().steps(), s.last().successRate(), epsKey(eps), st.successRate());
            }
            untilJson.put(m.getKey(), u);
            cappedJson.put(m.getKey(), c);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "spsa");
        json.put("images", n);
        json.put("pairs", pairs);
        json.put("delta", delta);
        json.put("forward_passes_per_step", 2 * pairs + 1);
        json.put("until_success", untilJson);
        json.put("pgd_linf_targeted_eps", eps);
        json.put("pgd_linf_targeted_steps", capped.steps());
        json.put("pgd_linf_targeted", cappedJson);
        json.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        out.metric("gradient_free", json);
        out.writeMetrics();
    }

    private static String filtrationTitle(String name) {
        if (name.startsWith("dir")) {
            return "sweep " + Integer.parseInt(name.substring(3)) + "°";
        }
        return name.equals("sup") ? "intensity superlevel" : "intensity sublevel";
    }
}
