package org.topolayer.spark.train;

import java.io.Serializable;

/** Adam (Kingma and Ba) on a flat parameter vector, with its moment estimates: the driver's optimiser. */
public final class Adam implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;
    private double learningRate;
    private double[] m;
    private double[] v;
    private long steps;

    private Adam() {}

    public Adam(int size, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** params -= lr · m̂ / (√v̂ + ε), after updating the moments with the gradient. */
    public void step(double[] params, double[] gradient) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps), c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < params.length; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
            params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
    }

    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeDouble(learningRate);
        out.writeLong(steps);
        Checkpoints.write(out, m);
        Checkpoints.write(out, v);
    }

    static Adam readFrom(java.io.DataInputStream in) throws java.io.IOException {
        Adam adam = new Adam();
        adam.learningRate = in.readDouble();
        adam.steps = in.readLong();
        adam.m = Checkpoints.read(in);
        adam.v = Checkpoints.read(in);
        return adam;
    }
}
