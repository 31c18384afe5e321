package org.topolayer.apps.attack;

import org.topolayer.layer.SampleParallel;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.Standardizer;

/**
 * The paper's TopModel: a classifier that sees an image only through its persistence features
 * ({@link TopFeatureMap}), standardized, then a small head (logistic regression or MLP). Its input
 * is the image itself, and its input gradient is the chain rule through the head, the
 * standardization and the topology layers down to the pixels, so gradient attacks on pixels
 * apply to it as to any pixel-space classifier.
 *
 * <p>Feature maps and their backward passes run in parallel over the samples of a batch; the
 * head sees the whole batch. Not thread-safe when the head is not (DL4J heads are not).
 */
public final class TopModel implements DifferentiableClassifier {
    private final TopFeatureMap map;
    private final Standardizer standardizer;
    private final DifferentiableClassifier head;

    /**
     * @param head a classifier of standardized features ({@code map.size()} inputs)
     */
    public TopModel(TopFeatureMap map, Standardizer standardizer, DifferentiableClassifier head) {
        if (standardizer.size() != map.size() || head.inputSize() != map.size()) {
            throw new IllegalArgumentException("the map gives " + map.size() + " features, the standardizer takes "
                    + standardizer.size() + " and the head " + head.inputSize());
        }
        this.map = map;
        this.standardizer = standardizer;
        this.head = head;
    }

    public TopFeatureMap featureMap() {
        return map;
    }

    public Standardizer standardizer() {
        return standardizer;
    }

    public DifferentiableClassifier head() {
        return head;
    }

    @Override
    public int inputSize() {
        return map.height() * map.width();
    }

    @Override
    public int numClasses() {
        return head.numClasses();
    }

    @Override
    public double[][] probabilities(double[][] images) {
        return head.probabilities(standardizer.apply(map.features(images)));
    }

    @Override
    public LossGradient lossGradient(double[][] images, int[] labels) {
        int n = images.length;
        TopFeatureMap.Evaluation[] evaluations = new TopFeatureMap.Evaluation[n];
        SampleParallel.forEach(n, i -> evaluations[i] = map.evaluate(images[i]));
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardizer.apply(evaluations[i].features());
        }
        LossGradient headGradient = head.lossGradient(z, labels);
        double[][] dx = new double[n][];
        SampleParallel.forEach(n, i -> dx[i] = map.backward(evaluations[i],
                standardizer.backward(headGradient.gradients()[i])));
        return new LossGradient(headGradient.losses(), dx, headGradient.probabilities());
    }
}
