package org.topolayer.apps.generate;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;

/**
 * A GAN on images (the baseline of the generative application): the authors' MLP generator (with
 * batch normalisation, {@link MlpNetwork#paperGenerator}) and an MLP discriminator, trained by
 * alternating Adam steps on the non-saturating logistic GAN loss. Topological fine-tuning comes
 * in two forms: {@link #step} with a topology weight λ &gt; 0 adds λ × the mean
 * {@link ComponentPrior} loss of the generator's batch to its GAN loss (the discriminator keeps
 * training), and {@link #topologyStep} moves the generator on the mean prior loss alone (the
 * paper's setup as its text describes it).
 *
 * <p>The losses' gradients with respect to the networks' outputs are computed here, outside the
 * SameDiff graphs, and pushed back through {@link MlpNetwork#backward} (the placeholder
 * surrogate). {@link #discriminatorGradient} and {@link #generatorGradient} are the two steps'
 * gradients as pure functions of the networks and the batches (no state of the trainer), for
 * reuse by distributed jobs.
 * Reproducible from the seed. Not thread-safe.
 */
public final class GanTrainer {
    /** The losses of one step. */
    public record StepLosses(double discriminator, double generator, double topological) {}

    /** The generator's flat parameter gradient and its batch's losses. */
    public record GeneratorGradient(INDArray parameters, double ganLoss, double topologicalLoss) {}

    /** The discriminator's flat parameter gradient and its loss. */
    public record DiscriminatorGradient(INDArray parameters, double loss) {}

    private final MlpNetwork generator;
    private final MlpNetwork discriminator;
    private final INDArray generatorParameters;
    private final INDArray discriminatorParameters;
    private final double learningRate;
    private final double beta1;
    private AdamOptimizer generatorOptimizer;
    private AdamOptimizer discriminatorOptimizer;
    private final RealImages real;
    private final int batchSize;
    private SplittableRandom random;

    /**
     * @param realImages training images in [0, 1] (row-major), scaled here to the generator's [-1, 1]
     * @param seed       seeds the networks' initialization, the batches and the latent draws
     */
    public GanTrainer(double[][] realImages, int batchSize, double learningRate, double beta1, long seed) {
        this(realImages, batchSize, learningRate, beta1, true, seed);
    }

    /**
     * @param batchNorm the authors' generator with batch normalisation (true), or the same MLP
     *                  without it (false: the architecture the Spark train job's generator workload uses)
     */
    public GanTrainer(double[][] realImages, int batchSize, double learningRate, double beta1, boolean batchNorm,
                      long seed) {
        this.real = new RealImages(realImages);
        this.batchSize = batchSize;
        this.random = new SplittableRandom(seed);
        this.generator = batchNorm ? MlpNetwork.paperGenerator(seed * 31 + 1)
                : new MlpNetwork(MlpNetwork.paperGeneratorSizes(), MlpNetwork.Output.TANH, seed * 31 + 1);
        if (generator.outputSize() != real.size()) {
            throw new IllegalArgumentException("the generator makes " + generator.outputSize() + " pixels, images have "
                    + real.size());
        }
        this.discriminator = MlpNetwork.discriminator(real.size(), seed * 31 + 2);
        this.generatorParameters = generator.parameterVector();
        this.discriminatorParameters = discriminator.parameterVector();
        this.learningRate = learningRate;
        this.beta1 = beta1;
        restart(seed);
    }

    /**
     * Fresh Adam states and a random stream from {@code seed}: a phase that starts with this
     * (the topological fine-tuning) gives the same result whether the networks were just trained
     * or loaded with {@link #setParameters}.
     */
    public void restart(long seed) {
        this.generatorOptimizer = new AdamOptimizer(learningRate, beta1, 0.999);
        this.discriminatorOptimizer = new AdamOptimizer(learningRate, beta1, 0.999);
        this.random = new SplittableRandom(seed);
    }

    /** Loads both networks' flat parameters (e.g. a saved baseline). */
    public void setParameters(float[] generatorFlat, float[] discriminatorFlat) {
        generator.setParameters(generatorFlat);
        discriminator.setParameters(discriminatorFlat);
        generatorParameters.assign(generator.parameterVector());
        discriminatorParameters.assign(discriminator.parameterVector());
    }

    public MlpNetwork generator() {
        return generator;
    }

    public MlpNetwork discriminator() {
        return discriminator;
    }

    /**
     * One discriminator step then one generator step; the generator's loss adds
     * {@code topologyWeight} × the mean prior loss of its batch when the weight is positive.
     */
    public StepLosses step(ComponentPrior prior, double topologyWeight) {
        INDArray realBatch = real.batch(batchSize, random); // drawn before the latent codes, as always
        INDArray fake = generator.output(latent(batchSize, random));
        DiscriminatorGradient d = discriminatorGradient(discriminator, realBatch, fake);
        discriminatorOptimizer.step(discriminatorParameters, d.parameters());
        discriminator.setParameters(discriminatorParameters);

        GeneratorGradient g = generatorGradient(generator, discriminator, latent(batchSize, random), prior,
                topologyWeight);
        generatorOptimizer.step(generatorParameters, g.parameters());
        generator.setParameters(generatorParameters);
        return new StepLosses(d.loss(), g.ganLoss(), g.topologicalLoss());
    }

    /**
     * One generator step on the mean prior loss of a batch of fresh latent codes alone (no GAN
     * loss, the discriminator untouched); the returned GAN losses are NaN.
     */
    public StepLosses topologyStep(ComponentPrior prior) {
        GeneratorGradient g = topologyGradient(generator, latent(batchSize, random), prior);
        generatorOptimizer.step(generatorParameters, g.parameters());
        generator.setParameters(generatorParameters);
        return new StepLosses(Double.NaN, Double.NaN, g.topologicalLoss());
    }

    /**
     * The gradient of the mean prior loss of G(z) over a latent batch z [B, latent] with respect
     * to the generator's parameters (GAN loss reported as NaN). Pure.
     */
    public static GeneratorGradient topologyGradient(MlpNetwork generator, INDArray z, ComponentPrior prior) {
        int b = (int) z.size(0);
        ComponentPrior.Result r = prior.evaluate(generator.output(z));
        INDArray parameters = generator.backward(z, ComponentPrior.gradientArray(r, b).muli(1.0 / b)).parameters();
        return new GeneratorGradient(parameters, Double.NaN, r.mean());
    }

    /**
     * The discriminator's loss gradient on a real batch (labelled 1) and a generated batch
     * (labelled 0), both [B, pixels] in [-1, 1]: the logistic loss, the mean over each batch
     * summed, in one backward pass. Pure: reads the network, changes nothing.
     */
    public static DiscriminatorGradient discriminatorGradient(MlpNetwork discriminator, INDArray real, INDArray fake) {
        int r = (int) real.size(0), f = (int) fake.size(0);
        INDArray both = Nd4j.vstack(real, fake);
        double[] logits = discriminator.output(both).toDoubleVector();
        double[] dLogits = new double[logits.length];
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            boolean isReal = i < r;
            int n = isReal ? r : f;
            loss += softplus(isReal ? -logits[i] : logits[i]) / n;
            dLogits[i] = (sigmoid(logits[i]) - (isReal ? 1 : 0)) / n;
        }
        return new DiscriminatorGradient(discriminator.backward(both, column(dLogits)).parameters(), loss);
    }

    /**
     * The generator's loss gradient for a latent batch z [B, latent]: the non-saturating GAN loss
     * mean(softplus(−D(G(z)))) plus {@code topologyWeight} × the mean prior loss (skipped, and
     * reported as NaN, when the weight is 0 or the prior null). Pure: reads the networks,
     * changes nothing.
     */
    public static GeneratorGradient generatorGradient(MlpNetwork generator, MlpNetwork discriminator, INDArray z,
                                                      ComponentPrior prior, double topologyWeight) {
        int b = (int) z.size(0);
        INDArray fake = generator.output(z);
        double[] logits = discriminator.output(fake).toDoubleVector();
        double[] dLogits = new double[b];
        double ganLoss = 0;
        for (int i = 0; i < b; i++) {
            ganLoss += softplus(-logits[i]) / b;
            dLogits[i] = (sigmoid(logits[i]) - 1) / b;
        }
        INDArray dFake = discriminator.backward(fake, column(dLogits)).input();
        double topological = Double.NaN;
        if (topologyWeight > 0 && prior != null) {
            ComponentPrior.Result r = prior.evaluate(fake);
            topological = r.mean();
            dFake = dFake.add(ComponentPrior.gradientArray(r, b).muli(topologyWeight / b));
        }
        INDArray parameters = generator.backward(z, dFake).parameters();
        return new GeneratorGradient(parameters, ganLoss, topological);
    }

    /** A [n, 100] batch of standard normal latent codes drawn from {@code random}. */
    public static INDArray latent(int n, SplittableRandom random) {
        float[] z = new float[n * 100];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) MlpNetwork.gaussian(random);
        }
        return Nd4j.create(z, new long[] {n, 100}, 'c');
    }

    private static INDArray column(double[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.FLOAT);
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** log(1 + e^x), stable. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
