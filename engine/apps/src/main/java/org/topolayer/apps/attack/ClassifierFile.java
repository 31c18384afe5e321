package org.topolayer.apps.attack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.io.BadInputException;
import org.topolayer.io.ReproducibleZip;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.Standardizer;

/**
 * The classifier file format of {@link SavedClassifier}: a zip archive of two entries,
 * <ul>
 *   <li>{@code manifest.properties}, first: {@code format = topolayer-classifier}, {@code version = 1},
 *       {@code model} (one of {@link SavedClassifier#MODELS}), {@code input} (the
 *       input shape, {@code 28x28}), {@code classes}, and for a TopModel the feature map's
 *       parameters ({@code features.directions}, {@code .darkness}, {@code .topk}, {@code .extent},
 *       {@code .intensity}: the config keys {@code directions}, ... of {@code topo attack} and the
 *       attack job, grouped as {@link SavedClassifier#describe} groups them) and the standardization of
 *       the features ({@code standardizer.mean}, {@code standardizer.std}, comma-separated, exact);</li>
 *   <li>{@code network.bin}: the DL4J network, as {@link NetworkClassifier#toBytes} writes it.</li>
 * </ul>
 * A zip, so that {@code unzip -p FILE manifest.properties} shows what a file holds. Reading checks
 * every part and refuses in one line that names the file, what is wrong and what to do.
 */
final class ClassifierFile {
    static final String FORMAT = "topolayer-classifier";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.properties";
    static final String NETWORK = "network.bin";
    private static final String SAVE_AGAIN = "save the classifier again (topo attack --save-models, topo-submit"
            + " attack --save-classifier)";
    /** The signatures that begin a zip archive's first entry and its end record. */
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;

    private ClassifierFile() {
    }

    static byte[] encode(SavedClassifier saved) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        saved.describe().forEach((key, value) -> {
            if (value instanceof Map<?, ?> group) {
                group.forEach((name, v) -> manifest.put(key + "." + name, v));
            } else {
                manifest.put(key, value);
            }
        });
        NetworkClassifier network;
        if (saved.classifier() instanceof TopModel top) {
            manifest.put("standardizer.mean", join(top.standardizer().mean()));
            manifest.put("standardizer.std", join(top.standardizer().std()));
            network = (NetworkClassifier) top.head();
        } else {
            network = (NetworkClassifier) saved.classifier();
        }
        StringBuilder text = new StringBuilder("# a trained classifier of topolayer's attack application\n");
        manifest.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ReproducibleZip.put(zip, MANIFEST, text.toString().getBytes(StandardCharsets.UTF_8));
            ReproducibleZip.put(zip, NETWORK, network.toBytes());
        }
        return bytes.toByteArray();
    }

    /** Doubles as Java prints them: the shortest text that reads back as the same double. */
    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    static SavedClassifier decode(byte[] bytes, String source) throws BadInputException {
        if (bytes.length < 4 || littleEndianInt(bytes, 0) != LOCAL_HEADER) {
            throw notAClassifierFile(source, "not a zip archive");
        }
        if (!endsWithEndRecord(bytes)) {
            throw new BadInputException(source, "truncated (the zip archive has no end record); " + SAVE_AGAIN);
        }
        Map<String, byte[]> entries = entries(bytes, source);
        if (entries.isEmpty() || !entries.keySet().iterator().next().equals(MANIFEST)) {
            throw notAClassifierFile(source, "a zip archive that does not begin with " + MANIFEST);
        }
        Manifest manifest = new Manifest(entries.get(MANIFEST), source);
        if (!FORMAT.equals(manifest.properties.getProperty("format"))) {
            throw notAClassifierFile(source, MANIFEST + " does not say format = " + FORMAT);
        }
        int version = manifest.integer("version", 1);
        if (version != VERSION) {
            throw new BadInputException(source, "classifier file format version " + version + ", this build reads"
                    + " version " + VERSION + "; save the classifier again with this build");
        }
        String model = manifest.text("model");
        if (!SavedClassifier.MODELS.contains(model)) {
            throw manifest.bad("model", "one of " + String.join(", ", SavedClassifier.MODELS));
        }
        int[] shape = manifest.shape("input");
        int classes = manifest.integer("classes", 2);
        byte[] networkBytes = entries.get(NETWORK);
        if (networkBytes == null) {
            throw new BadInputException(source, "incomplete (no " + NETWORK + " entry); " + SAVE_AGAIN);
        }
        NetworkClassifier network;
        try {
            network = NetworkClassifier.fromBytes(networkBytes);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source, "corrupt " + NETWORK + " (" + e.getMessage() + "); " + SAVE_AGAIN);
        }
        if (network.numClasses() != classes) {
            throw inconsistent(source, "the network has " + network.numClasses() + " classes, the manifest "
                    + classes);
        }
        DifferentiableClassifier classifier = SavedClassifier.isTopModel(model)
                ? topModel(manifest, shape, network, source) : network;
        long inputs = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (classifier.inputSize() != inputs) {
            throw inconsistent(source, "the network takes " + classifier.inputSize() + " inputs, the manifest's"
                    + " input " + SavedClassifier.shapeText(shape) + " has " + inputs);
        }
        return SavedClassifier.read(model, shape, classifier, source);
    }

    private static TopModel topModel(Manifest manifest, int[] shape, NetworkClassifier head, String source)
            throws BadInputException {
        if (shape.length != 2) {
            throw manifest.bad("input", "an image shape HxW (a TopModel's input)");
        }
        TopFeatureMap map;
        try {
            map = new TopFeatureMap(shape[0], shape[1], new TopFeatureMap.Spec(manifest.integer("features.directions", 0),
                    manifest.number("features.darkness"), manifest.integer("features.topk", 1),
                    manifest.bool("features.extent"), manifest.bool("features.intensity")));
        } catch (IllegalArgumentException e) {
            throw inconsistent(source, e.getMessage());
        }
        double[] mean = manifest.numbers("standardizer.mean"), std = manifest.numbers("standardizer.std");
        if (mean.length != map.size() || std.length != map.size() || head.inputSize() != map.size()) {
            throw inconsistent(source, "the features give " + map.size() + " values, the standardizer has "
                    + mean.length + " means and " + std.length + " deviations, the network takes " + head.inputSize());
        }
        if (Arrays.stream(std).anyMatch(s -> !(s > 0))) {
            throw manifest.bad("standardizer.std", "deviations > 0");
        }
        return new TopModel(map, new Standardizer(mean, std), head);
    }

    /** The entries by name, in the archive's order; a damaged archive (bad CRC, cut data) is refused. */
    private static Map<String, byte[]> entries(byte[] bytes, String source) throws BadInputException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new BadInputException(source, "corrupt (" + e.getMessage() + "); " + SAVE_AGAIN);
        }
        return entries;
    }

    /** Whether the bytes end with a zip end record (and its comment): a cut file does not. */
    private static boolean endsWithEndRecord(byte[] bytes) {
        int last = bytes.length - END_RECORD_SIZE;
        for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
            int commentLength = (bytes[at + 20] & 0xFF) | (bytes[at + 21] & 0xFF) << 8;
            if (littleEndianInt(bytes, at) == END_RECORD && at + END_RECORD_SIZE + commentLength == bytes.length) {
                return true;
            }
        }
        return false;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
    }

    private static BadInputException notAClassifierFile(String source, String why) {
        return new BadInputException(source, "not a classifier file (" + why + "); give a file written by topo attack"
                + " --save-models or topo-submit attack --save-classifier");
    }

    private static BadInputException inconsistent(String source, String what) {
        return new BadInputException(source, "inconsistent (" + what + "); " + SAVE_AGAIN);
    }

    /** The manifest's values, each read with a check that names the key. */
    private static final class Manifest {
        private final Properties properties = new Properties();
        private final String source;

        Manifest(byte[] text, String source) throws BadInputException {
            this.source = source;
            try {
                properties.load(new StringReader(new String(text, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException(source, "corrupt " + MANIFEST + " (" + e.getMessage() + "); " + SAVE_AGAIN);
            }
        }

        BadInputException bad(String key, String expected) {
            return new BadInputException(source, MANIFEST + ": " + key + " must be " + expected + ", got '"
                    + properties.getProperty(key) + "'; " + SAVE_AGAIN);
        }

        String text(String key) throws BadInputException {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new BadInputException(source, MANIFEST + " has no " + key + "; " + SAVE_AGAIN);
            }
            return value.strip();
        }

        int integer(String key, int min) throws BadInputException {
            try {
                int v = Integer.parseInt(text(key));
                if (v >= min) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(key, "an integer ≥ " + min);
        }

        double number(String key) throws BadInputException {
            double[] values = numbers(key);
            if (values.length != 1) {
                throw bad(key, "one number");
            }
            return values[0];
        }

        /** Comma-separated finite numbers. */
        double[] numbers(String key) throws BadInputException {
            return parts(key, ",", Double::isFinite, "finite numbers");
        }

        boolean bool(String key) throws BadInputException {
            String v = text(key).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw bad(key, "true or false");
            }
            return v.equals("true");
        }

        /** "28x28": sizes ≥ 1. */
        int[] shape(String key) throws BadInputException {
            double[] sizes = parts(key, "x", v -> v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v),
                    "a shape such as 28x28");
            return Arrays.stream(sizes).mapToInt(v -> (int) v).toArray();
        }

        /** The value's parts between separators, as numbers, each of which must pass the check. */
        private double[] parts(String key, String separator, DoublePredicate check, String expected)
                throws BadInputException {
            String[] parts = text(key).split(java.util.regex.Pattern.quote(separator));
            double[] out = new double[parts.length];
            for (int i = 0; i < out.length; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    out[i] = Double.NaN;
                }
                if (!check.test(out[i])) {
                    throw bad(key, expected);
                }
            }
            return out;
        }
    }
}
