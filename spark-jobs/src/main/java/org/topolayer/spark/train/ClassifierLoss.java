package org.topolayer.spark.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.topolayer.apps.attack.Attack;
import org.topolayer.apps.attack.ClassifierRecipe;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.attack.TopModel;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.Standardizer;
import org.topolayer.spark.io.Sample;

/**
 * The classifier workload's loss on one step: the summed cross-entropy of the batch's samples and
 * its parameter gradient ({@link NetworkClassifier#parameterGradient}), where a sample is its
 * clean image (a TopModel: its cached features, standardized), an adversarial image read from
 * files (ids ≥ the clean count), or, with an on-the-fly attack (not combined with files), the attack application's
 * {@link Attack} run against this step's parameters on the clean images chosen for it (a fraction
 * of them, drawn from the seed, the step and the id): Madry-style adversarial training, the
 * examples generated on the executors. With a random start, each attacked sample starts from a
 * point of the ε-ball drawn from the same seed, step and id ({@link Attack#randomStart}), so the
 * examples do not depend on where the sample is evaluated.
 */
final class ClassifierLoss implements BatchGradient {
    private static final long serialVersionUID = 1L;
    private final ClassifierRecipe recipe;
    private final double[] mean;
    private final double[] std;
    private final OnTheFly onTheFly;
    private final long step;
    private transient TopFeatureMap map;

    /**
     * Adversarial examples made at every step: the attack, the fraction of the samples it replaces,
     * the seed of the choice, of targeted attacks' targets and of random starts, and whether the
     * attack starts from a random point of the ε-ball.
     */
    record OnTheFly(Attack attack, double fraction, long seed, boolean randomStart) implements java.io.Serializable {
        /**
         * Whether sample {@code id} is attacked at {@code step} (null if not), its target class
         * (targeted attacks) and its random start's seed, one stream per sample and step.
         */
        Choice choice(long id, long step, int label, int classes) {
            SplittableRandom random = MiniBatches.random(seed ^ (step * 0xD1B54A32D192ED03L), id,
                    MiniBatches.Stream.ADVERSARIAL);
            if (!(random.nextDouble() < fraction)) {
                return null;
            }
            int target = (label + 1 + random.nextInt(classes - 1)) % classes;
            return new Choice(target, random.nextLong()); // drawn after the target: earlier runs' draws unchanged
        }
    }

    /** An attacked sample's target class (used by targeted attacks) and random start's seed (used with random starts). */
    record Choice(int target, long startSeed) {
    }

    /**
     * @param standardizer a TopModel's feature standardizer (null for a pixel model)
     * @param onTheFly     the on-the-fly attack, or null for none
     */
    ClassifierLoss(ClassifierRecipe recipe, Standardizer standardizer, OnTheFly onTheFly, long step) {
        this.recipe = recipe;
        this.mean = standardizer == null ? null : standardizer.mean();
        this.std = standardizer == null ? null : standardizer.std();
        this.onTheFly = onTheFly;
        this.step = step;
    }

    /** Whether sample {@code id} is attacked at this step, its target class and start seed; null if not. */
    Choice onTheFlyChoice(long id, int label) {
        return onTheFly == null ? null : onTheFly.choice(id, step, label, recipe.classes());
    }

    private Standardizer standardizer() {
        return mean == null ? null : new Standardizer(mean, std);
    }

    private TopFeatureMap map() {
        if (map == null) {
            map = recipe.featureMap();
        }
        return map;
    }

    /** The classifier the attack sees: the network, or the TopModel around it (the head). */
    DifferentiableClassifier attacked(NetworkClassifier network) {
        return recipe.topModel() ? new TopModel(map(), standardizer(), network) : network;
    }

    /**
     * The step's adversarial images of the batch's samples chosen for the attack (null for the
     * others), made in one {@link Attack#run} over the chosen samples in batch order.
     */
    double[][] adversarial(List<? extends Sample> batch, NetworkClassifier network) {
        double[][] out = new double[batch.size()][];
        if (onTheFly == null) {
            return out;
        }
        List<Integer> chosen = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            Sample s = batch.get(k);
            Choice choice = onTheFlyChoice(s.getId(), s.getLabel());
            if (choice != null) {
                chosen.add(k);
                choices.add(choice);
            }
        }
        if (chosen.isEmpty()) {
            return out;
        }
        int n = chosen.size();
        double[][] images = new double[n][];
        int[] labels = new int[n], goals = new int[n];
        long[] starts = onTheFly.randomStart() ? new long[n] : null;
        for (int j = 0; j < n; j++) {
            Sample s = batch.get(chosen.get(j));
            images[j] = s.getValues();
            labels[j] = s.getLabel();
            goals[j] = choices.get(j).target();
            if (starts != null) {
                starts[j] = choices.get(j).startSeed();
            }
        }
        Attack.Result r = onTheFly.attack().run(attacked(network), images, labels, goals, starts);
        for (int j = 0; j < n; j++) {
            out[chosen.get(j)] = r.adversarial()[j];
        }
        return out;
    }

    @Override
    public void addTo(List<Sample> batch, Object[] networks, double[] sum) {
        NetworkClassifier network = (NetworkClassifier) networks[0];
        int b = batch.size();
        double[][] adversarial = adversarial(batch, network);
        Standardizer standardizer = standardizer();
        double[][] inputs = new double[b][];
        int[] labels = new int[b];
        int attacked = 0;
        for (int k = 0; k < b; k++) {
            ClassifierSample s = (ClassifierSample) batch.get(k);
            labels[k] = s.getLabel();
            if (adversarial[k] != null) {
                attacked++;
                inputs[k] = recipe.topModel() ? standardizer.apply(map().features(adversarial[k])) : adversarial[k];
            } else {
                inputs[k] = recipe.topModel() ? standardizer.apply(s.getFeatures()) : s.getValues();
            }
        }
        NetworkClassifier.ParameterGradient g = network.parameterGradient(inputs, labels);
        int p = sum.length - SLOTS;
        double[] gradient = g.gradient();
        for (int i = 0; i < p; i++) {
            sum[i] += gradient[i];
        }
        sum[p + TASK_LOSS] += g.loss();
        sum[p + ADVERSARIAL] += attacked;
        sum[p + SAMPLES] += b;
    }
}
