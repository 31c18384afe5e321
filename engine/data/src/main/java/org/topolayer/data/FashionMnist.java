package org.topolayer.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist} package: gzip IDX files (see
 * {@link IdxFolder}) under {@value #DEBIAN_DIR}. {@link DatasetChoice} falls back to the built-in
 * {@link SyntheticImages} when the package is absent.
 */
public final class FashionMnist {
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {}

    /** True if the IDX files are in {@code dir}. */
    public static boolean isPresent(Path dir) {
        return IdxFolder.isPresent(dir);
    }

    /** One split ("train" or "t10k") from the IDX files in {@code dir}, named as Fashion-MNIST. */
    public static ImageDataset read(Path dir, String split, int max) throws IOException {
        return IdxFolder.read(dir, split, max, "fashion-mnist", CLASS_NAMES);
    }
}
