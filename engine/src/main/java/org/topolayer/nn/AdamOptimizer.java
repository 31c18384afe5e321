package org.topolayer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma &amp; Ba) on one flat parameter vector, with its moment estimates as state. Used with
 * {@link MlpNetwork#backward} and {@link MlpNetwork#setParameters}, or on any array optimized
 * directly (latent codes). The state can be exported ({@link #firstMoment}, {@link #secondMoment},
 * {@link #steps}) for a trainer that moves between processes.
 */
public final class AdamOptimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private INDArray m;
    private INDArray v;
    private long steps;

    public AdamOptimizer(double learningRate, double beta1, double beta2) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam needs learning rate > 0 and betas in [0, 1), got " + learningRate
                    + ", " + beta1 + ", " + beta2);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = 1e-8;
    }

    /** Updates {@code parameters} in place by one step against {@code gradient} (same shape). */
    public void step(INDArray parameters, INDArray gradient) {
        INDArray g = gradient.reshape(parameters.shape()).castTo(parameters.dataType());
        if (m == null) {
            m = Nd4j.zeros(parameters.dataType(), parameters.shape());
            v = Nd4j.zeros(parameters.dataType(), parameters.shape());
        }
        steps++;
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, steps), correction2 = 1 - Math.pow(beta2, steps);
        INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(epsilon);
        parameters.subi(m.div(denominator).muli(learningRate / correction1));
    }

    public long steps() {
        return steps;
    }

    public INDArray firstMoment() {
        return m == null ? null : m.dup();
    }

    public INDArray secondMoment() {
        return v == null ? null : v.dup();
    }
}
