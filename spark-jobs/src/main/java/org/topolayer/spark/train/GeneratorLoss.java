package org.topolayer.spark.train;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.apps.generate.GanTrainer;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.io.Sample;

/**
 * The generator workload's loss, the generative application's generator step: for latent codes z,
 * the non-saturating GAN loss of the generator's images G(z) under the discriminator, plus λ × the
 * topological prior "one component" ({@link ComponentPrior}) of each image, through
 * {@link GanTrainer#generatorGradient}. The networks are the generator and then the discriminator.
 */
final class GeneratorLoss implements BatchGradient {
    private static final long serialVersionUID = 1L;
    private final int height;
    private final int width;
    private final int skip;
    private final double weight;
    private transient ComponentPrior prior;

    /** @param skip finite H0 bars the prior spares besides the essential one (0: one component) */
    GeneratorLoss(int height, int width, int skip, double weight) {
        this.height = height;
        this.width = width;
        this.skip = skip;
        this.weight = weight;
    }

    @Override
    public void addTo(List<Sample> batch, Object[] networks, double[] sum) {
        MlpNetwork generator = (MlpNetwork) networks[0];
        int b = batch.size();
        INDArray z = BatchGradient.rows(batch, generator.inputSize());
        // the gradient of the batch's mean loss, times b: the gradient of its sum
        GanTrainer.GeneratorGradient g = GanTrainer.generatorGradient(generator, (MlpNetwork) networks[1], z, prior(), weight);
        double[] gradient = g.parameters().toDoubleVector();
        int p = sum.length - SLOTS;
        for (int i = 0; i < p; i++) {
            sum[i] += b * gradient[i];
        }
        sum[p + TASK_LOSS] += b * g.ganLoss();
        sum[p + TOPOLOGICAL_LOSS] += weight > 0 ? b * g.topologicalLoss() : 0;
        sum[p + SAMPLES] += b;
    }

    private ComponentPrior prior() {
        if (prior == null) {
            prior = new ComponentPrior(height, width, skip);
        }
        return prior;
    }
}
