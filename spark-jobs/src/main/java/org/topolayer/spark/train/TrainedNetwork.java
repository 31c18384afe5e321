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
    private final ModelShape<?> shape;
    private final double learningRate;
    private final double beta1;
    private double[] parameters;
    private AdamOptimizer adam;
    private Object onDriver;
    private boolean changed;

    /** @param initial a network on the driver holding the initial parameters (kept, for {@link #network}) */
    TrainedNetwork(String name, MlpNetwork initial, double learningRate, double beta1) {
        this(name, new NetworkShape(initial.sizes(), initial.outputActivation()), initial.parameters(), learningRate,
                beta1);
        this.onDriver = initial;
    }

    /** A model of the given shape starting from the given parameters. */
    TrainedNetwork(String name, ModelShape<?> shape, float[] initial, double learningRate, double beta1) {
        this.name = name;
        this.shape = shape;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.parameters = new double[initial.length];
        for (int i = 0; i < initial.length; i++) {
            parameters[i] = initial[i];
        }
        this.adam = new AdamOptimizer(learningRate, beta1, 0.999);
    }

    String name() {
        return name;
    }

    ModelShape<?> shape() {
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
        return (MlpNetwork) model();
    }

    /** The model on the driver (of the type the shape builds), holding the current parameters. */
    Object model() {
        if (onDriver == null) {
            onDriver = shape.build(floats());
        } else if (changed) {
            load(shape, onDriver, floats());
        }
        changed = false;
        return onDriver;
    }

    @SuppressWarnings("unchecked") // onDriver was built by this shape
    private static <M> void load(ModelShape<M> shape, Object model, float[] parameters) {
        shape.load((M) model, parameters);
    }
}
