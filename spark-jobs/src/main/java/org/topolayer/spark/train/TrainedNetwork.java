package org.topolayer.spark.train;

import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;

/**
 * A network the train job optimises on the driver: its shape, its parameters (the master copy in
 * double precision; networks compute with them rounded to float) and its Adam state. Checkpoints
 * save and restore all three.
 */
final class TrainedNetwork {
    private final String name;
    private final NetworkShape shape;
    private final double learningRate;
    private final double beta1;
    private double[] parameters;
    private AdamOptimizer adam;
    private MlpNetwork onDriver;
    private boolean changed;

    /** @param initial a network on the driver holding the initial parameters (kept, for {@link #network}) */
    TrainedNetwork(String name, MlpNetwork initial, double learningRate, double beta1) {
        this.name = name;
        this.shape = new NetworkShape(initial.sizes(), initial.outputActivation());
        this.learningRate = learningRate;
        this.beta1 = beta1;
        float[] floats = initial.parameters();
        this.parameters = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            parameters[i] = floats[i];
        }
        this.adam = new AdamOptimizer(learningRate, beta1, 0.999);
        this.onDriver = initial;
    }

    String name() {
        return name;
    }

    NetworkShape shape() {
        return shape;
    }

    int parameterCount() {
        return parameters.length;
    }

    double[] parameters() {
        return parameters.clone();
    }

    AdamOptimizer optimiser() {
        return adam;
    }

    /** The parameters as the networks use them. */
    float[] floats() {
        float[] out = new float[parameters.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) parameters[i];
        }
        return out;
    }

    /** One Adam step against the mean gradient. */
    void step(double[] gradient) {
        adam.step(parameters, gradient);
        changed = true;
    }

    /** Continues from a checkpoint: its parameters and Adam state (the options' learning rate and β₁ apply). */
    void restore(double[] saved, long adamSteps, double[] firstMoment, double[] secondMoment) {
        if (saved.length != parameters.length) {
            throw new IllegalArgumentException("the checkpoint holds " + saved.length + " parameters for the " + name
                    + ", which has " + parameters.length);
        }
        parameters = saved.clone();
        adam = AdamOptimizer.resume(learningRate, beta1, 0.999, adamSteps, firstMoment, secondMoment);
        changed = true;
    }

    /** The network on the driver, holding the current parameters. */
    MlpNetwork network() {
        if (changed) {
            onDriver.setParameters(floats());
            changed = false;
        }
        return onDriver;
    }
}
