package org.topolayer.apps.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.io.AtomicFiles;

/**
 * Trained scorer CNNs kept between runs of {@code topo generate}, so that a re-run gets the very same
 * scorer without training it again. An entry is found by its key, a text naming everything the
 * trained network depends on (the training images themselves by a SHA-256 of their values and
 * labels, the architecture, seeds and training options); its file is
 * {@code <dataset>-<first 16 hex digits of the key's SHA-256>.scorer} in the cache folder and holds
 * the whole key, which must match exactly, the training seconds, and {@link NetworkClassifier#toBytes}.
 * A file that cannot be read is reported in one line and treated as absent (the caller retrains and
 * overwrites it). Files are written atomically. The default folder is
 * {@code $XDG_CACHE_HOME/topolayer/scorers}, else {@code ~/.cache/topolayer/scorers}.
 */
final class ScorerCache {
    private static final String MAGIC = "topolayer scorer cache 1";

    /** A cached scorer and the seconds its training took when it was trained. */
    record Entry(NetworkClassifier classifier, double trainingSeconds) {}

    private final Path dir;

    ScorerCache(Path dir) {
        this.dir = dir;
    }

    /** The per-user cache folder. */
    static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("topolayer").resolve("scorers");
    }

    /**
     * The key of a scorer trained on {@code train}: its source, a digest of its images and labels,
     * and {@code recipe} (architecture, seeds, training options, one per line).
     */
    static String key(ImageDataset train, String recipe) {
        MessageDigest digest = sha256();
        ByteBuffer row = ByteBuffer.allocate(4 * train.pixels());
        for (double[] image : train.images()) {
            row.clear();
            for (double v : image) {
                row.putFloat((float) v);
            }
            digest.update(row.array(), 0, row.position());
        }
        ByteBuffer labels = ByteBuffer.allocate(4 * train.size());
        for (int label : train.labels()) {
            labels.putInt(label);
        }
        digest.update(labels.array());
        return "data " + train.source() + ", " + train.size() + " images " + train.height() + "x" + train.width()
                + ", sha256 " + HexFormat.of().formatHex(digest.digest()) + "\n" + recipe;
    }

    /** The file of a key. */
    Path file(String dataset, String key) {
        String safe = dataset.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(safe + "-" + HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16) + ".scorer");
    }

    /**
     * The scorer cached under exactly this key, or null: when there is no file, when its file holds
     * another key, or when it cannot be read ({@code warning} then gets one line naming the file).
     */
    Entry load(String dataset, String key, Consumer<String> warning) {
        Path file = file(dataset, key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            warning.accept("cannot read the cached scorer " + file + " (" + e.getMessage() + "); training a new one");
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not a scorer cache file");
            }
            if (!key.equals(in.readUTF())) {
                return null; // another scorer under the same 64-bit name: a miss, overwritten after training
            }
            double seconds = in.readDouble();
            byte[] model = new byte[in.readInt()];
            in.readFully(model);
            return new Entry(NetworkClassifier.fromBytes(model), seconds);
        } catch (IOException | RuntimeException e) {
            warning.accept("the cached scorer " + file + " is corrupt (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ")) + "); training a new "
                    + "one and replacing it");
            return null;
        }
    }

    /** Writes an entry under this key, atomically (creating the folder). */
    void save(String dataset, String key, Entry entry) throws IOException {
        byte[] model = entry.classifier().toBytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + key.length() + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeDouble(entry.trainingSeconds());
            out.writeInt(model.length);
            out.write(model);
        }
        Files.createDirectories(dir);
        AtomicFiles.write(file(dataset, key), bytes.toByteArray());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
