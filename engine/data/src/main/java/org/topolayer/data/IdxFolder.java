package org.topolayer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.topolayer.io.BadInputException;
import org.topolayer.io.IdxReader;

/**
 * A folder of labelled images in the MNIST layout: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte},
 * each plain or gzip ({@code .gz}, preferred when both exist). Pixels are unsigned bytes, read as
 * value / 255; labels must be below the number of class names.
 */
public final class IdxFolder {
    /** The names expected, for error messages. */
    public static final String EXPECTED = "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte"
            + " and t10k-labels-idx1-ubyte (each plain or .gz)";

    private IdxFolder() {}

    /** The file of a split ("train" or "t10k") and kind ("images-idx3-ubyte" or "labels-idx1-ubyte"): .gz if present. */
    public static Path file(Path dir, String split, String kind) {
        Path gz = dir.resolve(split + "-" + kind + ".gz");
        return Files.exists(gz) ? gz : dir.resolve(split + "-" + kind);
    }

    /** True if the four files are in {@code dir}. */
    public static boolean isPresent(Path dir) {
        for (String split : new String[] {"train", "t10k"}) {
            for (String kind : new String[] {"images-idx3-ubyte", "labels-idx1-ubyte"}) {
                if (!Files.isRegularFile(file(dir, split, kind))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The first {@code max} images of one split.
     *
     * @param split  "train" or "t10k"
     * @param source what {@link ImageDataset#source()} reports
     * @throws BadInputException naming the file: missing, not IDX, counts that differ, a label out of range
     */
    public static ImageDataset read(Path dir, String split, int max, String source, String[] classNames)
            throws IOException {
        Path imagesFile = file(dir, split, "images-idx3-ubyte");
        Path labelsFile = file(dir, split, "labels-idx1-ubyte");
        if (!Files.exists(imagesFile) || !Files.exists(labelsFile)) {
            throw new BadInputException(dir.toString(), "no " + (Files.exists(imagesFile) ? labelsFile : imagesFile)
                    .getFileName() + "[.gz]; an IDX folder holds " + EXPECTED);
        }
        IdxReader.Tensor images = IdxReader.read(imagesFile);
        IdxReader.Tensor labels = IdxReader.read(labelsFile);
        if (images.shape().length != 3 || labels.shape().length != 1) {
            throw new BadInputException(imagesFile.toString(), "expected N×H×W images and N labels");
        }
        if (images.count() != labels.count()) {
            throw new BadInputException(labelsFile.toString(), labels.count() + " labels for " + images.count()
                    + " images in " + imagesFile.getFileName());
        }
        int n = Math.min(max, images.count()), h = images.shape()[1], w = images.shape()[2];
        double[][] x = new double[n][h * w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                x[i][p] = images.unsigned(i * h * w + p) / 255.0;
            }
            y[i] = labels.unsigned(i);
            if (y[i] >= classNames.length) {
                throw new BadInputException(labelsFile.toString(), "label " + y[i] + " at index " + i
                        + " is not a class of " + source + " (0-" + (classNames.length - 1) + ")");
            }
        }
        return new ImageDataset(source, h, w, x, y, classNames);
    }
}
