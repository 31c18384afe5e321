package org.topolayer.apps.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.BadInputException;
import org.topolayer.io.OutputException;
import org.topolayer.nn.DifferentiableClassifier;

/**
 * A trained classifier of the attack application ({@code topo attack}, the Spark attack job) with
 * what it takes to use it again elsewhere: its model kind and input shape. Saved as one classifier
 * file ({@link ClassifierFile} has the format), so that a trained model can be attacked again, in
 * another run or on a cluster, without training it again.
 */
public final class SavedClassifier {
    /** The model kinds, in the order {@code topo attack} trains them. */
    public static final List<String> MODELS = List.of("pixel-mlp", "pixel-cnn", "pixel-mlp-matched", "topmodel-logistic",
            "topmodel-mlp");
    /** The file name ending {@code topo attack --save-models} gives each model's file. */
    public static final String EXTENSION = ".classifier";

    private final String model;
    private final int[] shape;
    private final DifferentiableClassifier classifier;
    private final String source;

    private SavedClassifier(String model, int[] shape, DifferentiableClassifier classifier, String source) {
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown model '" + model + "'; use one of " + String.join(", ", MODELS));
        }
        this.model = model;
        this.shape = shape.clone();
        this.classifier = classifier;
        this.source = source;
    }

    /** A pixel-space network ({@code pixel-mlp} or {@code pixel-cnn}) of inputs of the given shape. */
    public static SavedClassifier pixel(String model, int[] shape, NetworkClassifier network) {
        if (isTopModel(model) || Arrays.stream(shape).reduce(1, (a, b) -> a * b) != network.inputSize()) {
            throw new IllegalArgumentException("a pixel model of " + shapeText(shape) + " inputs, got " + model
                    + " with " + network.inputSize() + " inputs");
        }
        return new SavedClassifier(model, shape, network, "the trained " + model);
    }

    /** A TopModel ({@code topmodel-logistic} or {@code topmodel-mlp}) with a DL4J head. */
    public static SavedClassifier topModel(String model, TopModel topModel) {
        if (!isTopModel(model) || !(topModel.head() instanceof NetworkClassifier)) {
            throw new IllegalArgumentException("a TopModel kind and a network head, got " + model + " with "
                    + topModel.head().getClass().getSimpleName());
        }
        TopFeatureMap map = topModel.featureMap();
        return new SavedClassifier(model, new int[] {map.height(), map.width()}, topModel, "the trained " + model);
    }

    /** Rebuilt from a file's contents, named by where it was read. */
    static SavedClassifier read(String model, int[] shape, DifferentiableClassifier classifier, String source) {
        return new SavedClassifier(model, shape, classifier, source);
    }

    /** Whether the model kind classifies persistence features (a TopModel) rather than pixels. */
    public static boolean isTopModel(String model) {
        return model.startsWith("topmodel");
    }

    /** One of {@link #MODELS}. */
    public String model() {
        return model;
    }

    /** The input shape, e.g. {28, 28}. */
    public int[] shape() {
        return shape.clone();
    }

    public int classes() {
        return classifier.numClasses();
    }

    /** The classifier, ready to predict and to be attacked (a {@link TopModel} or a {@link NetworkClassifier}). */
    public DifferentiableClassifier classifier() {
        return classifier;
    }

    /** The file it was read from, or "the trained MODEL". */
    public String source() {
        return source;
    }

    /** Model, input shape, classes and, for a TopModel, the feature map's parameters: for summaries. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("input", shapeText(shape));
        out.put("classes", classes());
        if (classifier instanceof TopModel top) {
            TopFeatureMap.Spec s = top.featureMap().spec();
            Map<String, Object> features = new LinkedHashMap<>();
            features.put("directions", s.directions());
            features.put("darkness", s.darkness());
            features.put("topk", s.topK());
            features.put("extent", s.extent());
            features.put("intensity", s.intensity());
            out.put("features", features);
        }
        return out;
    }

    /** The classifier file's bytes (what {@link #save} writes and {@link #fromBytes} reads). */
    public byte[] toBytes() throws IOException {
        return ClassifierFile.encode(this);
    }

    /**
     * Writes the classifier file atomically, creating its folder.
     *
     * @return the bytes written (the same classifier always gives the same bytes)
     */
    public byte[] save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException(parent, e);
        }
        byte[] bytes = toBytes();
        AtomicFiles.write(file, bytes);
        return bytes;
    }

    /**
     * Reads a classifier file's bytes ({@code Inputs.bytes(file, "classifier file")}); {@code source}
     * names them in messages.
     *
     * @throws BadInputException naming the source: not a classifier file, another format version,
     *     truncated, corrupt or inconsistent
     */
    public static SavedClassifier fromBytes(byte[] bytes, String source) throws BadInputException {
        return ClassifierFile.decode(bytes, source);
    }

    /** The SHA-256 of a classifier file's bytes, in hex: which file a run used. */
    public static String checksum(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Refuses data of another number of classes; {@code data} names it ("the job (--classes)"). */
    public void requireClasses(int dataClasses, String data) throws BadInputException {
        if (dataClasses != classes()) {
            throw new BadInputException(source, "a " + model + " of " + classes() + " classes, but " + data + " has "
                    + dataClasses + "; use it on data of the classes it was trained on");
        }
    }

    /** Refuses inputs of another shape; {@code data} names them ("sample 12", "the attacked images"). */
    public void requireShape(int[] dataShape, String data) throws BadInputException {
        if (!Arrays.equals(dataShape, shape)) {
            throw new BadInputException(source, "a " + model + " of " + shapeText(shape) + " inputs, but " + data
                    + " is " + shapeText(dataShape) + "; use it on inputs of the shape it was trained on");
        }
    }

    /** "28x28". */
    static String shapeText(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
