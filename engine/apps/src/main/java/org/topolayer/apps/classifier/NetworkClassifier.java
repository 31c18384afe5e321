package org.topolayer.apps.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.topolayer.data.ImageDataset;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.ReproducibleZip;
import org.topolayer.nn.DifferentiableClassifier;

/**
 * A trainable softmax classifier on a DL4J {@link MultiLayerNetwork}: a multinomial logistic
 * regression, an MLP, or a CNN of two convolutions on images, with prediction, input gradients of the
 * cross-entropy loss (DL4J's backprop to the input, checked against finite differences in the
 * tests), penultimate-layer embeddings, and save/load.
 *
 * <p>Typical use (a Fashion-MNIST classifier):
 * <pre>{@code
 * NetworkClassifier cnn = NetworkClassifier.cnn(28, 28, 10, seed);
 * cnn.fit(train, NetworkClassifier.Training.defaults(seed), (epoch, loss) -> System.out.println(epoch + " " + loss));
 * double acc = cnn.accuracy(test.images(), test.labels());
 * double[][] p = cnn.probabilities(generated);          // an inception-style score reads these
 * double[][] g = cnn.lossGradient(x, labels).gradients(); // d(-log p(label|x)) / dx
 * }</pre>
 * Inputs are rows of doubles (images flattened row-major, values as trained, e.g. [0, 1]).
 * Not thread-safe: one instance per thread. No batch normalisation, and dropout only where a
 * {@link CnnShape} asks for it: without it, training and inference modes compute the same function
 * and input gradients are those of {@link #probabilities}.
 */
public final class NetworkClassifier implements DifferentiableClassifier {
    private static final int CHUNK = 512;

    private final MultiLayerNetwork network;
    private final int inputSize;
    private final int numClasses;
    private final DataType dataType;

    /**
     * Training options: epochs over the data, minibatch size, Adam's learning rate, shuffling seed,
     * and {@code maxShift}: when positive, every training image of every epoch is translated by a
     * random (dy, dx) in [−maxShift, maxShift]², the uncovered pixels set to 0 (data augmentation
     * for small image sets; needs the image shape, so only {@link #fit(ImageDataset, Training, Progress)}).
     */
    public record Training(int epochs, int batchSize, double learningRate, long seed, int maxShift) {
        public Training {
            if (epochs < 0 || batchSize < 1 || !(learningRate > 0) || maxShift < 0) {
                throw new IllegalArgumentException("training needs epochs ≥ 0, batchSize ≥ 1, learningRate > 0 and "
                        + "maxShift ≥ 0, got " + epochs + ", " + batchSize + ", " + learningRate + ", " + maxShift);
            }
        }

        /** Without augmentation. */
        public Training(int epochs, int batchSize, double learningRate, long seed) {
            this(epochs, batchSize, learningRate, seed, 0);
        }

        /** 3 epochs of minibatches of 64 at learning rate 1e-3. */
        public static Training defaults(long seed) {
            return new Training(3, 64, 1e-3, seed);
        }
    }

    /** Called after every epoch with the epoch number (from 1) and the mean minibatch loss. */
    @FunctionalInterface
    public interface Progress {
        void epochDone(int epoch, double meanLoss);

        Progress SILENT = (epoch, loss) -> { };
    }

    private NetworkClassifier(MultiLayerNetwork network, int inputSize, int numClasses) {
        this.network = network;
        this.inputSize = inputSize;
        this.numClasses = numClasses;
        this.dataType = network.getLayerWiseConfigurations().getDataType();
    }

    /** Multinomial logistic regression (one softmax layer), float32. */
    public static NetworkClassifier logistic(int inputs, int classes, long seed) {
        return mlp(inputs, new int[0], classes, seed, DataType.FLOAT);
    }

    /** An MLP with ReLU hidden layers of the given widths (none: logistic regression), float32. */
    public static NetworkClassifier mlp(int inputs, int[] hidden, int classes, long seed) {
        return mlp(inputs, hidden, classes, seed, DataType.FLOAT);
    }

    /** As {@link #mlp(int, int[], int, long)} in the given floating-point type (DOUBLE for gradient checks). */
    public static NetworkClassifier mlp(int inputs, int[] hidden, int classes, long seed, DataType dataType) {
        checkSizes(inputs, classes);
        var list = builder(seed, dataType).list();
        int layer = 0;
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden layer widths must be ≥ 1, got " + Arrays.toString(hidden));
            }
            list.layer(layer++, new DenseLayer.Builder().nOut(width).activation(Activation.RELU)
                    .weightInit(WeightInit.RELU).build());
        }
        list.layer(layer, outputLayer(classes));
        list.setInputType(InputType.feedForward(inputs));
        return build(list.build(), inputs, classes);
    }

    /**
     * The shape of {@link #cnn}'s network: conv 5×5×{@code filters1}, ReLU, max-pool 2, conv
     * 5×5×{@code filters2}, ReLU, max-pool 2, dense {@code dense} ReLU (its output dropped with
     * probability {@code dropout} in training), softmax.
     */
    public record CnnShape(int filters1, int filters2, int dense, double dropout) {
        /** 16, 32, 64, no dropout: the attack application's {@code pixel-cnn}. */
        public static final CnnShape SMALL = new CnnShape(16, 32, 64, 0);

        public CnnShape {
            if (filters1 < 1 || filters2 < 1 || dense < 1 || !(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("a CNN needs filters and dense width ≥ 1 and dropout in [0, 1), got "
                        + filters1 + ", " + filters2 + ", " + dense + ", " + dropout);
            }
        }

        /** E.g. "conv 5x5x16, max-pool 2, conv 5x5x32, max-pool 2, dense 64, softmax". */
        public String describe() {
            return "conv 5x5x" + filters1 + ", max-pool 2, conv 5x5x" + filters2 + ", max-pool 2, dense " + dense
                    + (dropout > 0 ? ", dropout " + dropout : "") + ", softmax";
        }
    }

    /** {@link CnnShape#SMALL}'s CNN for grayscale images given as flattened rows, float32. */
    public static NetworkClassifier cnn(int height, int width, int classes, long seed) {
        return cnn(height, width, classes, seed, CnnShape.SMALL, DataType.FLOAT);
    }

    /** {@link CnnShape#SMALL}'s CNN in the given floating-point type. */
    public static NetworkClassifier cnn(int height, int width, int classes, long seed, DataType dataType) {
        return cnn(height, width, classes, seed, CnnShape.SMALL, dataType);
    }

    /**
     * A CNN of the given shape for grayscale images given as flattened rows. With dropout, training
     * ({@link #fit}) and the gradients ({@link #lossGradient}, {@link #parameterGradient}) see a
     * randomly thinned network while {@link #probabilities} uses the whole one: where input gradients
     * must be those of the probabilities (attacks), use dropout 0.
     */
    public static NetworkClassifier cnn(int height, int width, int classes, long seed, CnnShape shape,
                                        DataType dataType) {
        checkSizes(height * width, classes);
        if (height < 16 || width < 16) {
            throw new IllegalArgumentException("the CNN needs images of at least 16×16, got " + height + "×" + width);
        }
        DenseLayer.Builder dense = new DenseLayer.Builder().nOut(shape.dense()).activation(Activation.RELU)
                .weightInit(WeightInit.RELU);
        if (shape.dropout() > 0) {
            dense.dropOut(1 - shape.dropout()); // DL4J takes the probability of keeping an activation
        }
        MultiLayerConfiguration conf = builder(seed, dataType).list()
                .layer(0, new ConvolutionLayer.Builder(5, 5).nOut(shape.filters1()).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build())
                .layer(1, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(2, new ConvolutionLayer.Builder(5, 5).nOut(shape.filters2()).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build())
                .layer(3, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(4, dense.build())
                .layer(5, outputLayer(classes))
                .setInputType(InputType.convolutionalFlat(height, width, 1))
                .build();
        return build(conf, height * width, classes);
    }

    private static NeuralNetConfiguration.Builder builder(long seed, DataType dataType) {
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("networks compute in a floating-point type, got " + dataType);
        }
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER);
    }

    private static OutputLayer outputLayer(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER).build();
    }

    private static NetworkClassifier build(MultiLayerConfiguration conf, int inputs, int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new NetworkClassifier(net, inputs, classes);
    }

    private static void checkSizes(int inputs, int classes) {
        if (inputs < 1 || classes < 2) {
            throw new IllegalArgumentException("a classifier needs ≥ 1 input and ≥ 2 classes, got " + inputs + " and "
                    + classes);
        }
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** The underlying DL4J network (for inspection or further training with DL4J's own tools). */
    public MultiLayerNetwork network() {
        return network;
    }

    public long parameterCount() {
        return network.numParams();
    }

    /** Trains on an image dataset (images as rows, labels); the only fit that can shift images. */
    public NetworkClassifier fit(ImageDataset data, Training training, Progress progress) {
        return fit(data.images(), data.labels(), data.height(), data.width(), training, progress);
    }

    /**
     * Trains with Adam on cross-entropy, shuffling the samples every epoch with the training seed.
     *
     * @return this
     * @throws IllegalArgumentException if the training shifts images (use the {@link ImageDataset} fit)
     */
    public NetworkClassifier fit(double[][] inputs, int[] labels, Training training, Progress progress) {
        if (training.maxShift() > 0) {
            throw new IllegalArgumentException("random shifts need the image shape: fit an ImageDataset");
        }
        return fit(inputs, labels, 0, 0, training, progress);
    }

    private NetworkClassifier fit(double[][] inputs, int[] labels, int height, int width, Training training,
                                  Progress progress) {
        checkBatch(inputs, labels);
        if (training.maxShift() > 0 && height * width != inputSize) {
            throw new IllegalArgumentException(height + "×" + width + " images for a classifier of " + inputSize
                    + " inputs");
        }
        network.setLearningRate(training.learningRate());
        SplittableRandom random = new SplittableRandom(training.seed());
        int n = inputs.length, shift = training.maxShift();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < n; start += training.batchSize()) {
                int end = Math.min(n, start + training.batchSize());
                double[][] x = new double[end - start][];
                int[] y = new int[end - start];
                for (int i = start; i < end; i++) {
                    x[i - start] = shift == 0 ? inputs[order[i]] : shifted(inputs[order[i]], height, width,
                            random.nextInt(2 * shift + 1) - shift, random.nextInt(2 * shift + 1) - shift);
                    y[i - start] = labels[order[i]];
                }
                network.fit(new DataSet(matrix(x), oneHot(y)));
                lossSum += network.score();
                batches++;
            }
            progress.epochDone(epoch, batches == 0 ? Double.NaN : lossSum / batches);
        }
        return this;
    }

    /** The row-major image moved down by dy and right by dx pixels, zeros where nothing moved in. */
    static double[] shifted(double[] image, int height, int width, int dy, int dx) {
        double[] out = new double[image.length];
        for (int y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
            int from = Math.max(0, dx), to = Math.min(width, width + dx);
            if (from < to) {
                System.arraycopy(image, (y - dy) * width + from - dx, out, y * width + from, to - from);
            }
        }
        return out;
    }

    @Override
    public double[][] probabilities(double[][] inputs) {
        checkInputs(inputs);
        double[][] out = new double[inputs.length][];
        for (int start = 0; start < inputs.length; start += CHUNK) {
            int end = Math.min(inputs.length, start + CHUNK);
            double[][] p = network.output(matrix(Arrays.copyOfRange(inputs, start, end)), false).toDoubleMatrix();
            System.arraycopy(p, 0, out, start, p.length);
        }
        return out;
    }

    /**
     * Activations of the last hidden layer (the penultimate layer), one row per input: an
     * embedding for Fréchet-style distances. Logistic regression has none: its inputs are returned.
     */
    public double[][] embeddings(double[][] inputs) {
        checkInputs(inputs);
        int layer = network.getnLayers() - 2;
        if (layer < 0) {
            return Arrays.stream(inputs).map(double[]::clone).toArray(double[][]::new);
        }
        double[][] out = new double[inputs.length][];
        for (int start = 0; start < inputs.length; start += CHUNK) {
            int end = Math.min(inputs.length, start + CHUNK);
            var activations = network.feedForwardToLayer(layer, matrix(Arrays.copyOfRange(inputs, start, end)), false);
            INDArray last = activations.get(activations.size() - 1);
            double[][] e = last.reshape(last.size(0), last.length() / last.size(0)).toDoubleMatrix();
            System.arraycopy(e, 0, out, start, e.length);
        }
        return out;
    }

    @Override
    public LossGradient lossGradient(double[][] inputs, int[] labels) {
        checkBatch(inputs, labels);
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is not a class (0.." + (numClasses - 1) + ")");
            }
        }
        int n = inputs.length;
        double[] losses = new double[n];
        double[][] gradients = new double[n][];
        double[][] probabilities = new double[n][];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            INDArray x = matrix(Arrays.copyOfRange(inputs, start, end));
            int[] y = Arrays.copyOfRange(labels, start, end);
            double[][] p = network.output(x, false).toDoubleMatrix();
            // DL4J's backprop gives the gradient of the summed (not averaged) loss: row i is d loss_i / d x_i
            Pair<Gradient, INDArray> g = network.calculateGradients(x, oneHot(y), null, null);
            double[][] dx = g.getSecond().reshape(end - start, inputSize).toDoubleMatrix();
            for (int i = start; i < end; i++) {
                probabilities[i] = p[i - start];
                gradients[i] = dx[i - start];
                losses[i] = -Math.log(Math.max(p[i - start][labels[i]], Double.MIN_NORMAL));
            }
        }
        return new LossGradient(losses, gradients, probabilities);
    }

    /** The network's parameters as one flat vector (DL4J's order, the order of {@link #parameterGradient}). */
    public float[] parameters() {
        return network.params().castTo(DataType.FLOAT).toFloatVector();
    }

    /** Replaces the parameters with a vector of {@link #parameters()}' length and order. */
    public void setParameters(float[] parameters) {
        if (parameters.length != network.numParams()) {
            throw new IllegalArgumentException(parameters.length + " parameters for a network of "
                    + network.numParams());
        }
        network.setParams(Nd4j.create(parameters, new long[] {1, parameters.length}, 'c').castTo(dataType));
    }

    /** The summed cross-entropy of a batch and its gradient with respect to the parameters. */
    public record ParameterGradient(double loss, double[] gradient) {
    }

    /**
     * Σᵢ −log p(labelᵢ | xᵢ) over the batch and its gradient with respect to {@link #parameters()}
     * (one backward pass over the whole batch; no parameter changes, no updater).
     */
    public ParameterGradient parameterGradient(double[][] inputs, int[] labels) {
        checkBatch(inputs, labels);
        if (inputs.length == 0) {
            return new ParameterGradient(0, new double[(int) network.numParams()]);
        }
        network.setInput(matrix(inputs));
        network.setLabels(oneHot(labels));
        network.computeGradientAndScore();
        // DL4J's backprop gives the summed loss's gradient (its updater divides by the batch size
        // later); its score is the batch mean (no regularization is configured)
        double[] gradient = network.gradient().gradient().castTo(DataType.DOUBLE).toDoubleVector();
        double loss = network.score() * inputs.length;
        network.clear();
        return new ParameterGradient(loss, gradient);
    }

    /**
     * The classifier as bytes (for shipping to other processes or saving): its input and class
     * counts, then DL4J's model zip without the updater state, rewritten with fixed entry times so
     * that the same network always gives the same bytes. {@link #fromBytes} reads them.
     */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, model, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(inputSize);
            out.writeInt(numClasses);
            out.write(ReproducibleZip.rewrite(model.toByteArray()));
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes}' output. */
    public static NetworkClassifier fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int inputs = in.readInt(), classes = in.readInt();
            return new NetworkClassifier(ModelSerializer.restoreMultiLayerNetwork(in, false), inputs, classes);
        }
    }

    /** Writes {@link #toBytes} to a file, atomically (creating its folder). */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, toBytes());
    }

    /** Reads a classifier written by {@link #save}. */
    public static NetworkClassifier load(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }

    private INDArray matrix(double[][] rows) {
        int n = rows.length;
        if (dataType == DataType.DOUBLE) {
            double[] flat = new double[n * inputSize];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows[i], 0, flat, i * inputSize, inputSize);
            }
            return Nd4j.create(flat, new long[] {n, inputSize}, DataType.DOUBLE);
        }
        float[] flat = new float[n * inputSize];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputSize; j++) {
                flat[i * inputSize + j] = (float) rows[i][j];
            }
        }
        return Nd4j.create(flat, new long[] {n, inputSize}, 'c').castTo(dataType);
    }

    private INDArray oneHot(int[] labels) {
        INDArray y = Nd4j.zeros(dataType, labels.length, numClasses);
        for (int i = 0; i < labels.length; i++) {
            y.putScalar(i, labels[i], 1.0);
        }
        return y;
    }

    private void checkInputs(double[][] inputs) {
        Objects.requireNonNull(inputs, "inputs");
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != inputSize) {
                throw new IllegalArgumentException("input " + i + " has " + inputs[i].length + " values, the classifier takes "
                        + inputSize);
            }
        }
    }

    private void checkBatch(double[][] inputs, int[] labels) {
        checkInputs(inputs);
        if (labels.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
    }
}
