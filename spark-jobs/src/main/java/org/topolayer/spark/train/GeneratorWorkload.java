package org.topolayer.spark.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.apps.generate.GanTrainer;
import org.topolayer.apps.generate.RealImages;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.io.Sample;

/**
 * The generative application's GAN with the topological prior, trained as {@code topo generate}
 * trains it (one discriminator step, then one generator step on the updated discriminator), with
 * the generator's step distributed. The partitions hold latent codes z, drawn from the seed and
 * each code's id; the generator's loss on them is {@link GeneratorLoss} (GAN loss + λ × the
 * "one component" prior). The discriminator is trained on the driver, one Adam step per step on
 * a batch of real images from a pool collected from the input and as many generated ones, as in
 * the application's {@link GanTrainer#step}: small batches that do not need a cluster.
 */
final class GeneratorWorkload implements Workload {
    /** Latent codes per partition (a fixed number, so the partitions are the same on any cluster). */
    static final int CODES_PER_PARTITION = 2500;
    private final JavaRDD<Sample> codes;
    private final TrainedNetwork generator;
    private final TrainedNetwork discriminator;
    private final RealImages real;
    private final int discriminatorBatch;
    private final long seed;
    private final GeneratorLoss loss;

    /**
     * @param initial the generator's and discriminator's parameters to start from, or null for
     *                the application's initialisation from the seed
     */
    GeneratorWorkload(JavaSparkContext jsc, RealImages real, int latents, GeneratorLoss loss, int discriminatorBatch,
                      long seed, float[][] initial, double learningRate, double beta1) {
        // GanTrainer's seeds, so that --train-seed S draws the weights topo generate --seed S draws. The
        // generator here has no batch normalisation (unlike topo generate's): codes are evaluated
        // partition by partition, so batch statistics would depend on the partitioning.
        this.generator = new TrainedNetwork("generator", initial != null
                ? MlpNetwork.of(MlpNetwork.paperGeneratorSizes(), MlpNetwork.Output.TANH, initial[0])
                : new MlpNetwork(MlpNetwork.paperGeneratorSizes(), MlpNetwork.Output.TANH, seed * 31 + 1),
                learningRate, beta1);
        this.discriminator = new TrainedNetwork("discriminator", initial != null
                ? MlpNetwork.of(MlpNetwork.discriminatorSizes(real.size()), MlpNetwork.Output.LINEAR, initial[1])
                : MlpNetwork.discriminator(real.size(), seed * 31 + 2), learningRate, beta1);
        this.real = real;
        this.discriminatorBatch = discriminatorBatch;
        this.seed = seed;
        this.loss = loss;
        List<Long> starts = new ArrayList<>();
        for (long start = 0; start < latents; start += CODES_PER_PARTITION) {
            starts.add(start);
        }
        this.codes = jsc.parallelize(starts, starts.size()).flatMap(start -> latentCodes(start,
                Math.min(latents, start + CODES_PER_PARTITION), seed));
    }

    /** Codes with ids [from, to), each drawn from the seed and its id alone. */
    private static Iterator<Sample> latentCodes(long from, long to, long seed) {
        return LongStream.range(from, to).mapToObj(id -> {
            double[] z = GanTrainer.latent(1, MiniBatches.random(seed, id, MiniBatches.Stream.LATENT)).toDoubleVector();
            return new Sample(id, null, z, new int[] {z.length});
        }).iterator();
    }

    @Override
    public String name() {
        return "generator";
    }

    @Override
    public JavaRDD<Sample> samples() {
        return codes;
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(generator, discriminator);
    }

    @Override
    public BatchGradient gradient() {
        return loss;
    }

    /** The discriminator's step: real images labelled 1, the current generator's images labelled 0. */
    @Override
    public double beforeStep(long step) {
        SplittableRandom random = MiniBatches.random(seed, step, MiniBatches.Stream.DISCRIMINATOR);
        INDArray realBatch = real.batch(discriminatorBatch, random);
        INDArray fake = generator.network().output(GanTrainer.latent(discriminatorBatch, random));
        GanTrainer.DiscriminatorGradient d = GanTrainer.discriminatorGradient(discriminator.network(), realBatch, fake);
        discriminator.step(d.parameters().toDoubleVector());
        return d.loss();
    }
}
