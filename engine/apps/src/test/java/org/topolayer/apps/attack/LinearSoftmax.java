package org.topolayer.apps.attack;

import org.topolayer.nn.DifferentiableClassifier;

/**
 * A hand-made classifier with a known gradient, for known-answer tests of the attacks: logits
 * z = W x (no bias), softmax, and d CE(label)/dx = Wᵀ (p − e_label) exactly. Counts its forward
 * passes (rows given to {@link #probabilities} or {@link #lossGradient}).
 */
final class LinearSoftmax implements DifferentiableClassifier {
    private final double[][] weights;
    long rowsEvaluated;

    LinearSoftmax(double[][] weights) {
        this.weights = weights;
    }

    @Override
    public int inputSize() {
        return weights[0].length;
    }

    @Override
    public int numClasses() {
        return weights.length;
    }

    @Override
    public double[][] probabilities(double[][] inputs) {
        rowsEvaluated += inputs.length;
        double[][] out = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            double[] z = new double[weights.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < z.length; k++) {
                for (int p = 0; p < inputs[i].length; p++) {
                    z[k] += weights[k][p] * inputs[i][p];
                }
                max = Math.max(max, z[k]);
            }
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            for (int k = 0; k < z.length; k++) {
                z[k] /= sum;
            }
            out[i] = z;
        }
        return out;
    }

    @Override
    public LossGradient lossGradient(double[][] inputs, int[] labels) {
        double[][] p = probabilities(inputs);
        double[] losses = new double[inputs.length];
        double[][] gradients = new double[inputs.length][inputs[0].length];
        for (int i = 0; i < inputs.length; i++) {
            losses[i] = -Math.log(p[i][labels[i]]);
            for (int k = 0; k < weights.length; k++) {
                double coefficient = p[i][k] - (k == labels[i] ? 1 : 0);
                for (int q = 0; q < inputs[i].length; q++) {
                    gradients[i][q] += coefficient * weights[k][q];
                }
            }
        }
        return new LossGradient(losses, gradients, p);
    }
}
