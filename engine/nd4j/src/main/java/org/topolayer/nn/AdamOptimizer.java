package org.topolayer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma &amp; Ba) on one flat parameter vector, with bias correction and ε = 1e-8: the
 * optimizer of every loop in the project (the applications' fits, the GAN, latent codes, the
 * Spark train job's driver). Used with {@link MlpNetwork#backward} and
 * {@link MlpNetwork#setParameters}, or on any array optimized directly.
 *
 * <p>The moments are kept in double precision whatever the parameters' type. The state can be
 * exported ({@link #steps}, {@link #firstMoment}, {@link #secondMoment}) and {@link #resume}d, so a
 * trainer can checkpoint it or move between processes. Not thread-safe.
 */
public final class AdamOptimizer {
    private static final double EPSILON = 1e-8;
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private double[] m;
    private double[] v;
    private long steps;

    public AdamOptimizer(double learningRate, double beta1, double beta2) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam needs learning rate > 0 and betas in [0, 1), got " + learningRate
                    + ", " + beta1 + ", " + beta2);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    /** Adam with the usual β₁ = 0.9, β₂ = 0.999. */
    public static AdamOptimizer standard(double learningRate) {
        return new AdamOptimizer(learningRate, 0.9, 0.999);
    }

    /**
     * An optimizer that continues from an exported state (moments of equal length, or both null
     * before the first step).
     */
    public static AdamOptimizer resume(double learningRate, double beta1, double beta2, long steps,
                                       double[] firstMoment, double[] secondMoment) {
        if ((firstMoment == null) != (secondMoment == null)
                || (firstMoment != null && firstMoment.length != secondMoment.length) || steps < 0) {
            throw new IllegalArgumentException("an Adam state needs two moments of one length and steps ≥ 0");
        }
        AdamOptimizer adam = new AdamOptimizer(learningRate, beta1, beta2);
        adam.steps = steps;
        adam.m = firstMoment == null ? null : firstMoment.clone();
        adam.v = secondMoment == null ? null : secondMoment.clone();
        return adam;
    }

    /** Changes the step size of the following steps (for a decaying schedule). */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("Adam needs a learning rate > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Updates {@code parameters} in place by one step against {@code gradient} (same length). */
    public void step(double[] parameters, double[] gradient) {
        if (gradient.length != parameters.length) {
            throw new IllegalArgumentException(parameters.length + " parameters but a gradient of " + gradient.length);
        }
        if (m == null) {
            m = new double[parameters.length];
            v = new double[parameters.length];
        } else if (m.length != parameters.length) {
            throw new IllegalArgumentException("this optimizer holds the state of " + m.length + " parameters, got "
                    + parameters.length);
        }
        steps++;
        double c1 = 1 - Math.pow(beta1, steps), c2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            parameters[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
    }

    /**
     * {@link #step(double[], double[])} on an array of any shape and floating-point type (the
     * gradient is read in the parameters' element order; the update is rounded to their type).
     */
    public void step(INDArray parameters, INDArray gradient) {
        double[] p = parameters.reshape(parameters.length()).toDoubleVector();
        step(p, gradient.reshape(gradient.length()).toDoubleVector());
        parameters.assign(Nd4j.createFromArray(p).castTo(parameters.dataType()).reshape(parameters.shape()));
    }

    public long steps() {
        return steps;
    }

    /** A copy of the first-moment estimate (null before the first step). */
    public double[] firstMoment() {
        return m == null ? null : m.clone();
    }

    /** A copy of the second-moment estimate (null before the first step). */
    public double[] secondMoment() {
        return v == null ? null : v.clone();
    }
}
