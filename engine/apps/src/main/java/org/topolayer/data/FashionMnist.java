package org.topolayer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.topolayer.io.BadInputException;
import org.topolayer.io.IdxReader;

/**
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist} package (gzip IDX files under
 * {@value #DEBIAN_DIR}), or the built-in {@link SyntheticImages} when the package is absent.
 */
public final class FashionMnist {
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    /** Train and test splits. */
    public record Splits(ImageDataset train, ImageDataset test) {
        public String source() {
            return train.source();
        }
    }

    private FashionMnist() {}

    /** True if the IDX files are in {@code dir}. */
    public static boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /**
     * Fashion-MNIST from {@code dir} if present, else the synthetic set of the same size bounds.
     *
     * @param maxTrain at most this many training images (the first ones of the file)
     * @param maxTest  at most this many test images
     */
    public static Splits loadOrSynthetic(Path dir, int maxTrain, int maxTest, long seed) throws IOException {
        if (isPresent(dir)) {
            return new Splits(read(dir, "train", maxTrain), read(dir, "t10k", maxTest));
        }
        return new Splits(SyntheticImages.generate(maxTrain, seed), SyntheticImages.generate(maxTest, seed + 1));
    }

    /** One split ("train" or "t10k") from the IDX files in {@code dir}. */
    public static ImageDataset read(Path dir, String split, int max) throws IOException {
        Path imagesFile = dir.resolve(split + "-images-idx3-ubyte.gz");
        Path labelsFile = dir.resolve(split + "-labels-idx1-ubyte.gz");
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
            if (y[i] >= CLASS_NAMES.length) {
                throw new BadInputException(labelsFile.toString(), "label " + y[i] + " at index " + i
                        + " is not a Fashion-MNIST class (0-9)");
            }
        }
        return new ImageDataset("fashion-mnist", h, w, x, y, CLASS_NAMES);
    }
}
