package org.topolayer.nn;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense network (SameDiff) with LeakyReLU(0.2) hidden layers, optional batch normalisation
 * after chosen hidden linear layers, and a chosen output activation: the GAN's generator (the
 * authors' MLP 100→128→256→512→1024→784 with batch normalisation and tanh) and discriminator.
 *
 * <p>Training is done from outside through {@link #backward}: given the input and dL/d(output)
 * (fed through a placeholder, docs/design.md §5), it returns dL/d(parameters) as one flat vector
 * and dL/d(input). So any loss computed outside the graph (the GAN's logistic losses, a
 * topological loss) trains the network by the chain rule, and the optimizer ({@link AdamOptimizer})
 * works on flat vectors.
 *
 * <p>Parameters are exportable and importable as one flat float array ({@link #parameters},
 * {@link #setParameters}) in the order W₀, b₀, W₁, b₁, [γ₁, β₁,] … (each W row-major [in, out];
 * γ, β follow the bias of a batch-normalised layer); a network rebuilt with the same architecture
 * from such an array computes the same function (for Spark workers). Initialization is seeded
 * (He-normal weights, zero biases, γ = 1, β = 0) and uses no global random state. Not thread-safe
 * (SameDiff is not): one instance per thread.
 *
 * <p>Batch normalisation always uses the statistics of the batch being computed (training mode),
 * as the authors' generator does: their code never switches it to evaluation mode, and there are
 * no running averages here. So an output depends on the other rows of its batch; evaluate
 * generators on batches of typical codes (tens of rows or more). A batch of one row has zero
 * variance and outputs β for every unit of such a layer.
 */
public final class MlpNetwork {
    /** Output activation. */
    public enum Output {
        TANH, LINEAR
    }

    private static final String INPUT = "input";
    private static final String UPSTREAM = "upstream";
    private static final String OUTPUT = "output";
    private static final String SURROGATE = "surrogate";

    /**
     * Batch normalisation y = γ (a − mean) / √(var + ε) + β (batch mean and biased variance per
     * unit) applied to the output a of each linear layer in {@code layers} (0-based, hidden layers
     * only), before the activation.
     */
    public record BatchNorm(int[] layers, double epsilon) {
        /** No batch normalisation. */
        public static final BatchNorm NONE = new BatchNorm(new int[0], 1e-5);

        public BatchNorm {
            layers = layers.clone();
            Arrays.sort(layers);
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("batch normalisation needs epsilon > 0, got " + epsilon);
            }
        }

        boolean normalises(int layer) {
            return Arrays.binarySearch(layers, layer) >= 0;
        }

        @Override
        public int[] layers() {
            return layers.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BatchNorm b && Arrays.equals(layers, b.layers) && epsilon == b.epsilon;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(layers) + Double.hashCode(epsilon);
        }

        @Override
        public String toString() {
            return "BatchNorm" + Arrays.toString(layers) + "(eps " + epsilon + ")";
        }
    }

    private final int[] sizes;
    private final Output outputActivation;
    private final BatchNorm batchNorm;
    private final SameDiff graph;
    private final List<String> parameterNames = new ArrayList<>();
    private final long parameterCount;

    /**
     * @param sizes layer widths, input first, e.g. {100, 128, 256, 512, 1024, 784}
     * @param seed  seed of the He-normal weight initialization
     */
    public MlpNetwork(int[] sizes, Output outputActivation, long seed) {
        this(sizes, outputActivation, BatchNorm.NONE, seed);
    }

    /**
     * @param sizes     layer widths, input first
     * @param batchNorm which hidden linear layers are batch-normalised ({@link BatchNorm#NONE}: none)
     * @param seed      seed of the He-normal weight initialization
     */
    public MlpNetwork(int[] sizes, Output outputActivation, BatchNorm batchNorm, long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output size");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        for (int layer : batchNorm.layers()) {
            if (layer < 0 || layer + 2 >= sizes.length) {
                throw new IllegalArgumentException("batch normalisation applies to hidden linear layers 0.."
                        + (sizes.length - 3) + ", got layer " + layer);
            }
        }
        this.sizes = sizes.clone();
        this.outputActivation = outputActivation;
        this.batchNorm = batchNorm;
        this.graph = SameDiff.create();
        SplittableRandom random = new SplittableRandom(seed);
        SDVariable h = graph.placeHolder(INPUT, DataType.FLOAT, -1, sizes[0]);
        for (int layer = 0; layer + 1 < sizes.length; layer++) {
            int in = sizes[layer], out = sizes[layer + 1];
            float[] w = new float[in * out];
            double scale = Math.sqrt(2.0 / in);
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (gaussian(random) * scale);
            }
            SDVariable weights = graph.var("w" + layer, Nd4j.create(w, new long[] {in, out}, 'c'));
            SDVariable bias = graph.var("b" + layer, Nd4j.zeros(DataType.FLOAT, out));
            parameterNames.add(weights.name());
            parameterNames.add(bias.name());
            h = h.mmul(weights).add(bias);
            if (batchNorm.normalises(layer)) {
                SDVariable gamma = graph.var("gamma" + layer, Nd4j.ones(DataType.FLOAT, out));
                SDVariable beta = graph.var("beta" + layer, Nd4j.zeros(DataType.FLOAT, out));
                parameterNames.add(gamma.name());
                parameterNames.add(beta.name());
                SDVariable centred = h.sub(h.mean(true, 0));
                SDVariable variance = centred.mul(centred).mean(true, 0);
                h = centred.div(graph.math().sqrt(variance.add(batchNorm.epsilon()))).mul(gamma).add(beta);
            }
            if (layer + 2 < sizes.length) {
                h = graph.nn().leakyRelu(h, 0.2);
            } else if (outputActivation == Output.TANH) {
                h = graph.math().tanh(h);
            }
        }
        SDVariable output = h.rename(OUTPUT);
        SDVariable upstream = graph.placeHolder(UPSTREAM, DataType.FLOAT, -1, sizes[sizes.length - 1]);
        output.mul(upstream).sum().rename(SURROGATE);
        graph.setLossVariables(SURROGATE);
        this.parameterCount = countParameters(sizes, batchNorm);
        buildGradientFunction();
    }

    /**
     * Builds the backward graph now. SameDiff 1.0.0-M2.1 prints a line per differentiated op to
     * System.out while doing so, which would mix with a command's output: System.out is silenced
     * for the duration (one network at a time; output of other threads in that moment is lost).
     */
    private void buildGradientFunction() {
        synchronized (MlpNetwork.class) {
            PrintStream saved = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                graph.createGradFunction(INPUT);
            } finally {
                System.setOut(saved);
            }
        }
    }

    /**
     * The authors' generator (TopologyLayer's examples/generator, as in PyTorch-GAN's gan.py):
     * 100→128→256→512→1024→784, LeakyReLU(0.2) hidden layers, batch normalisation after the
     * 2nd–4th linear layers with ε = 0.8 (their {@code BatchNorm1d(n, 0.8)}: the 0.8 is ε),
     * tanh output in [-1, 1].
     */
    public static MlpNetwork paperGenerator(long seed) {
        return new MlpNetwork(paperGeneratorSizes(), Output.TANH, paperGeneratorBatchNorm(), seed);
    }

    /** The batch normalisation of {@link #paperGenerator}: linear layers 1, 2, 3 (0-based), ε = 0.8. */
    public static BatchNorm paperGeneratorBatchNorm() {
        return new BatchNorm(new int[] {1, 2, 3}, 0.8);
    }

    /** The number of parameters (weights and biases) of a network with these layer sizes, without batch normalisation. */
    public static long countParameters(int[] sizes) {
        return countParameters(sizes, BatchNorm.NONE);
    }

    /** The number of parameters (weights, biases, γ and β) of a network with this architecture. */
    public static long countParameters(int[] sizes, BatchNorm batchNorm) {
        long count = 0;
        for (int layer = 0; layer + 1 < sizes.length; layer++) {
            count += (long) sizes[layer] * sizes[layer + 1] + sizes[layer + 1];
            count += batchNorm.normalises(layer) ? 2L * sizes[layer + 1] : 0;
        }
        return count;
    }

    /** The layer sizes of {@link #paperGenerator}. */
    public static int[] paperGeneratorSizes() {
        return new int[] {100, 128, 256, 512, 1024, 784};
    }

    /** The discriminator used here: 784→512→256→1, LeakyReLU hidden layers, a logit output. */
    public static MlpNetwork discriminator(int inputSize, long seed) {
        return new MlpNetwork(discriminatorSizes(inputSize), Output.LINEAR, seed);
    }

    /** The layer sizes of {@link #discriminator}. */
    public static int[] discriminatorSizes(int inputSize) {
        return new int[] {inputSize, 512, 256, 1};
    }

    /** A network of the same architecture (no batch normalisation) holding the given flat parameters. */
    public static MlpNetwork of(int[] sizes, Output outputActivation, float[] parameters) {
        return of(sizes, outputActivation, BatchNorm.NONE, parameters);
    }

    /** A network of the given architecture holding the given flat parameters. */
    public static MlpNetwork of(int[] sizes, Output outputActivation, BatchNorm batchNorm, float[] parameters) {
        MlpNetwork net = new MlpNetwork(sizes, outputActivation, batchNorm, 0);
        net.setParameters(parameters);
        return net;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public Output outputActivation() {
        return outputActivation;
    }

    public BatchNorm batchNorm() {
        return batchNorm;
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    public long parameterCount() {
        return parameterCount;
    }

    /** The output [B, out] for an input [B, in]. */
    public INDArray output(INDArray input) {
        checkInput(input);
        return graph.outputSingle(Map.of(INPUT, asFloat(input)), OUTPUT);
    }

    /** dL/d(parameters) (flat, in {@link #parameters}' order) and dL/d(input) of one backward pass. */
    public record Gradients(INDArray parameters, INDArray input) {}

    /**
     * The gradients of a loss L whose gradient with respect to this network's output at
     * {@code input} is {@code dOutput} (both [B, ·]). L's value is not needed: the graph
     * differentiates the surrogate Σ output·dOutput.
     */
    public Gradients backward(INDArray input, INDArray dOutput) {
        checkInput(input);
        if (dOutput.rank() != 2 || dOutput.size(0) != input.size(0) || dOutput.size(1) != outputSize()) {
            throw new IllegalArgumentException("dL/d(output) must be [" + input.size(0) + ", " + outputSize()
                    + "], got " + Arrays.toString(dOutput.shape()));
        }
        Map<String, INDArray> placeholders = new HashMap<>();
        placeholders.put(INPUT, asFloat(input));
        placeholders.put(UPSTREAM, asFloat(dOutput));
        List<String> wanted = new ArrayList<>(parameterNames);
        wanted.add(INPUT);
        Map<String, INDArray> grads = graph.calculateGradients(placeholders, wanted);
        INDArray[] pieces = new INDArray[parameterNames.size()];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = grads.get(parameterNames.get(i));
        }
        return new Gradients(Nd4j.toFlattened('c', pieces), grads.get(INPUT));
    }

    /** A flat copy of the parameters (W₀, b₀, W₁, b₁, …, each row-major), as an INDArray [1, n]. */
    public INDArray parameterVector() {
        INDArray[] pieces = new INDArray[parameterNames.size()];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = graph.getVariable(parameterNames.get(i)).getArr();
        }
        return Nd4j.toFlattened('c', pieces);
    }

    /** The parameters as a flat float array (for export, broadcast, checkpoints). */
    public float[] parameters() {
        return parameterVector().toFloatVector();
    }

    /** Replaces the parameters with a flat vector in {@link #parameters}' order. */
    public void setParameters(INDArray flat) {
        if (flat.length() != parameterCount) {
            throw new IllegalArgumentException("this network has " + parameterCount + " parameters, got "
                    + flat.length());
        }
        INDArray row = asFloat(flat).reshape('c', new long[] {flat.length()});
        long offset = 0;
        for (String name : parameterNames) {
            INDArray target = graph.getVariable(name).getArr();
            long n = target.length();
            target.assign(row.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n))
                    .reshape('c', target.shape()));
            offset += n;
        }
    }

    /** Replaces the parameters with a flat array in {@link #parameters}' order. */
    public void setParameters(float[] flat) {
        setParameters(Nd4j.create(flat, new long[] {flat.length}, 'c'));
    }

    /** A copy with the same architecture and parameters (its own graph). */
    public MlpNetwork copy() {
        return of(sizes, outputActivation, batchNorm, parameters());
    }

    private void checkInput(INDArray input) {
        if (input.rank() != 2 || input.size(1) != inputSize()) {
            throw new IllegalArgumentException("input must be [B, " + inputSize() + "], got "
                    + Arrays.toString(input.shape()));
        }
    }

    private static INDArray asFloat(INDArray a) {
        return a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
    }

    /** A standard normal deviate (Box–Muller) from a seeded generator. */
    public static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // in (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
