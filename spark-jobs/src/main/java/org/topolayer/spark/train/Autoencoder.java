package org.topolayer.spark.train;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.topolayer.spark.attack.TopologicalFeatures;

/**
 * The train job's workload: a one-hidden-layer autoencoder r = σ(W2·tanh(W1·x + b1) + b2) with the
 * loss mean((r − x)²) + λ·Σ topological features of r (the reconstruction seen as an image, both
 * level sets; e.g. partialsum:dim=0,skip=1 penalises all components but the largest). Parameters
 * are one flat array [W1 (hidden×inputs), b1, W2 (inputs×hidden), b2], so a step's gradient is one
 * array to aggregate. Hand-written backward pass; the topological term's gradient comes from the
 * engine's level-set layers.
 */
public final class Autoencoder implements Serializable {
    private static final long serialVersionUID = 1L;
    private int inputs;
    private int hidden;
    private double lambda;
    private TopologicalFeatures regularizer;

    Autoencoder() {} // Kryo

    public Autoencoder(int inputs, int hidden, double lambda, TopologicalFeatures regularizer) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.lambda = lambda;
        this.regularizer = regularizer;
    }

    public int parameterCount() {
        return 2 * inputs * hidden + hidden + inputs;
    }

    /** Small random weights (uniform ±1/√fan-in), zero biases, reproducible from the seed. */
    public double[] initialParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[parameterCount()];
        double a1 = 1 / Math.sqrt(inputs), a2 = 1 / Math.sqrt(hidden);
        for (int i = 0; i < inputs * hidden; i++) {
            p[i] = rnd.nextDouble(-a1, a1);
        }
        int w2 = inputs * hidden + hidden;
        for (int i = 0; i < inputs * hidden; i++) {
            p[w2 + i] = rnd.nextDouble(-a2, a2);
        }
        return p;
    }

    /**
     * Adds one sample's loss gradient to {@code gradient} and returns its loss.
     *
     * @throws IllegalArgumentException if the sample does not have {@code inputs} values
     */
    public double addGradient(double[] p, double[] x, int[] shape, double[] gradient) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("the autoencoder takes " + inputs + " values per sample, got " + x.length);
        }
        int b1 = inputs * hidden, w2 = b1 + hidden, b2 = w2 + inputs * hidden;
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double s = p[b1 + j];
            for (int i = 0; i < inputs; i++) {
                s += p[j * inputs + i] * x[i];
            }
            h[j] = Math.tanh(s);
        }
        double[] r = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            double s = p[b2 + i];
            for (int j = 0; j < hidden; j++) {
                s += p[w2 + i * hidden + j] * h[j];
            }
            r[i] = 1 / (1 + Math.exp(-s));
        }
        double loss = 0;
        double[] dr = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            double e = r[i] - x[i];
            loss += e * e / inputs;
            dr[i] = 2 * e / inputs;
        }
        if (lambda != 0) {
            TopologicalFeatures.Pass pass = regularizer.forward(r, shape);
            double[] ones = new double[pass.values().length];
            java.util.Arrays.fill(ones, lambda);
            double[] dTopo = regularizer.backward(pass, ones);
            for (int i = 0; i < inputs; i++) {
                dr[i] += dTopo[i];
            }
            for (double v : pass.values()) {
                loss += lambda * v;
            }
        }
        double[] dh = new double[hidden];
        for (int i = 0; i < inputs; i++) {
            double ds = dr[i] * r[i] * (1 - r[i]);
            gradient[b2 + i] += ds;
            for (int j = 0; j < hidden; j++) {
                gradient[w2 + i * hidden + j] += ds * h[j];
                dh[j] += ds * p[w2 + i * hidden + j];
            }
        }
        for (int j = 0; j < hidden; j++) {
            double ds = dh[j] * (1 - h[j] * h[j]);
            gradient[b1 + j] += ds;
            for (int i = 0; i < inputs; i++) {
                gradient[j * inputs + i] += ds * x[i];
            }
        }
        return loss;
    }
}
