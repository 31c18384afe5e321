package org.topolayer.apps.attack;

import java.util.SplittableRandom;
import org.topolayer.nn.DifferentiableClassifier;

/**
 * A classifier seen by a gradient-free attacker: its probabilities are the model's, but its loss
 * gradient is an SPSA estimate (Spall 1992; as an attack, Uesato et al. 2018) from the model's
 * outputs alone, never from its backward pass. For each input x and each of {@code pairs} random
 * directions v with entries ±1,
 * <pre>   g = mean over v of (L(x + δv) − L(x − δv)) / (2δ) · v,   L = −log p(label | ·),</pre>
 * an unbiased estimate (up to O(δ²)) of the gradient of a smooth L smoothed at scale δ. Given to
 * {@link Attack#run} in place of the model, it turns every gradient attack into the same attack
 * driven by function values only: if such an attack succeeds where the true gradient fails, the
 * true gradient was misleading (gradient masking); if it does no better, the model's resistance
 * is not an artefact of its gradient.
 *
 * <p>The points x ± δv are not clamped to the pixel range (the models are defined outside it).
 * Each {@link #lossGradient} call costs 2·pairs + 1 forward passes per input. Directions come
 * from one seeded generator, so a run (a fixed sequence of calls) is reproducible. Not
 * thread-safe.
 */
public final class SpsaGradient implements DifferentiableClassifier {
    /** Inputs whose perturbed copies are evaluated in one forward batch (bounds memory). */
    private static final int CHUNK = 16;

    private final DifferentiableClassifier model;
    private final int pairs;
    private final double delta;
    private final SplittableRandom random;

    /**
     * @param pairs directions per estimate (each costs two forward passes)
     * @param delta the finite-difference step δ
     */
    public SpsaGradient(DifferentiableClassifier model, int pairs, double delta, long seed) {
        if (pairs < 1 || !(delta > 0)) {
            throw new IllegalArgumentException("SPSA needs pairs ≥ 1 and δ > 0, got " + pairs + " and " + delta);
        }
        this.model = model;
        this.pairs = pairs;
        this.delta = delta;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int inputSize() {
        return model.inputSize();
    }

    @Override
    public int numClasses() {
        return model.numClasses();
    }

    @Override
    public double[][] probabilities(double[][] inputs) {
        return model.probabilities(inputs);
    }

    @Override
    public LossGradient lossGradient(double[][] inputs, int[] labels) {
        int n = inputs.length;
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " inputs but " + labels.length + " labels");
        }
        double[][] probabilities = model.probabilities(inputs);
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = crossEntropy(probabilities[i], labels[i]);
        }
        double[][] gradients = new double[n][];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            int d = inputs[from].length;
            double[][] signs = new double[(to - from) * pairs][d];
            double[][] points = new double[2 * signs.length][d];
            for (int i = from; i < to; i++) {
                for (int k = 0; k < pairs; k++) {
                    int row = (i - from) * pairs + k;
                    for (int p = 0; p < d; p++) {
                        double s = random.nextBoolean() ? 1 : -1;
                        signs[row][p] = s;
                        points[2 * row][p] = inputs[i][p] + delta * s;
                        points[2 * row + 1][p] = inputs[i][p] - delta * s;
                    }
                }
            }
            double[][] out = model.probabilities(points);
            for (int i = from; i < to; i++) {
                double[] g = new double[d];
                for (int k = 0; k < pairs; k++) {
                    int row = (i - from) * pairs + k;
                    double slope = (crossEntropy(out[2 * row], labels[i]) - crossEntropy(out[2 * row + 1], labels[i]))
                            / (2 * delta * pairs);
                    for (int p = 0; p < d; p++) {
                        g[p] += slope * signs[row][p];
                    }
                }
                gradients[i] = g;
            }
        }
        return new LossGradient(losses, gradients, probabilities);
    }

    /** −log p, with p floored so that a saturated softmax gives a large finite loss. */
    private static double crossEntropy(double[] probabilities, int label) {
        return -Math.log(Math.max(probabilities[label], 1e-300));
    }
}
