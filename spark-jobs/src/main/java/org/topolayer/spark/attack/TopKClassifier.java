package org.topolayer.spark.attack;

import java.io.Serializable;
import java.util.List;
import org.topolayer.spark.train.Adam;
import org.topolayer.spark.io.Sample;

/**
 * A softmax classifier on standardised {@link TopologicalFeatures} (TopK bar lengths by default):
 * the model the attack job evaluates. Trained on the driver by full-batch Adam on the cross
 * entropy; gives the cross entropy's gradient with respect to the input pixels through the
 * topology layer. Plain arrays, so Kryo ships it in one broadcast.
 */
public final class TopKClassifier implements Serializable {
    private static final long serialVersionUID = 1L;
    private TopologicalFeatures features;
    private double[][] weights; // classes × features
    private double[] bias;
    private double[] mean;
    private double[] scale;

    TopKClassifier() {} // Kryo

    private TopKClassifier(TopologicalFeatures features, double[][] weights, double[] bias, double[] mean,
                           double[] scale) {
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Fits the classifier to labelled images.
     *
     * @throws IllegalArgumentException if a sample has no label or no values
     */
    public static TopKClassifier train(List<Sample> samples, TopologicalFeatures features, int classes,
                                       int iterations, double learningRate) {
        int n = samples.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            if (s.getLabel() == null || s.getValues() == null) {
                throw new IllegalArgumentException("sample " + s.getId() + " has no label or no values; the attack"
                        + " job needs labelled images");
            }
            x[i] = features.forward(s.getValues(), s.effectiveShape()).values();
            y[i] = s.getLabel();
        }
        int f = x[0].length;
        double[] mean = new double[f], scale = new double[f];
        for (double[] row : x) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < f; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < f; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-6;
        }
        TopKClassifier model = new TopKClassifier(features, new double[classes][f], new double[classes], mean, scale);
        model.fit(x, y, iterations, learningRate);
        return model;
    }

    private void fit(double[][] x, int[] y, int iterations, double learningRate) {
        int classes = bias.length, f = mean.length;
        Adam adam = new Adam(classes * (f + 1), learningRate);
        double[] params = new double[classes * (f + 1)], grad = new double[params.length];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < x.length; i++) {
                double[] z = standardised(x[i]);
                double[] p = softmax(logitsOfStandardised(z));
                p[y[i]] -= 1;
                for (int c = 0; c < classes; c++) {
                    for (int j = 0; j < f; j++) {
                        grad[c * (f + 1) + j] += p[c] * z[j] / x.length;
                    }
                    grad[c * (f + 1) + f] += p[c] / x.length;
                }
            }
            adam.step(params, grad);
            for (int c = 0; c < classes; c++) {
                System.arraycopy(params, c * (f + 1), weights[c], 0, f);
                bias[c] = params[c * (f + 1) + f];
            }
        }
    }

    /** The predicted class of an image. */
    public int predict(double[] image, int[] shape) {
        return argmax(logitsOfStandardised(standardised(features.forward(image, shape).values())));
    }

    /** The cross entropy of the true label (the loss the attacks increase). */
    public double crossEntropy(double[] image, int[] shape, int label) {
        return -Math.log(softmax(logitsOfStandardised(standardised(features.forward(image, shape).values())))[label]);
    }

    /** d(cross entropy of the true label)/d(image). */
    public double[] lossGradient(double[] image, int[] shape, int label) {
        TopologicalFeatures.Pass pass = features.forward(image, shape);
        double[] p = softmax(logitsOfStandardised(standardised(pass.values())));
        p[label] -= 1;
        double[] upstream = new double[mean.length];
        for (int c = 0; c < p.length; c++) {
            for (int j = 0; j < upstream.length; j++) {
                upstream[j] += p[c] * weights[c][j] / scale[j];
            }
        }
        return features.backward(pass, upstream);
    }

    private double[] standardised(double[] values) {
        double[] z = new double[values.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (values[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private double[] logitsOfStandardised(double[] z) {
        double[] logits = bias.clone();
        for (int c = 0; c < logits.length; c++) {
            for (int j = 0; j < z.length; j++) {
                logits[c] += weights[c][j] * z[j];
            }
        }
        return logits;
    }

    private static double[] softmax(double[] logits) {
        double max = logits[argmax(logits)], sum = 0;
        double[] p = new double[logits.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(logits[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
