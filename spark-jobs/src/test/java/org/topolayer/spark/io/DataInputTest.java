package org.topolayer.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.data.Mnist;
import org.topolayer.io.IdxWriter;
import org.topolayer.io.Json;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.output.JobSummary;
import org.topolayer.spark.persistence.PersistenceJob;

/**
 * The jobs' --input/--data takes the engine's values: mnist (the cache at $TOPO_MNIST_DIR, which
 * Maven points under target/; a small hand-made one here, the conversion is tested in the apps
 * module) and a folder of IDX files.
 */
class DataInputTest {
    @TempDir
    Path tmp;

    @Test
    void dataMnistReadsTheCacheWithItsIds() throws Exception {
        fakeMnistCache();
        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), "--data", "mnist", "--split", "test",
                "--limit", "4", "--output", out, "--feature", "topk:dim=0,k=2");
        assertEquals(4L, summary.get("samples"));
        assertTrue(String.valueOf(summary.get("input")).startsWith("mnist " + Mnist.defaultDir() + " (t10k, first 4)"),
                String.valueOf(summary.get("input")));
        List<Row> rows = LocalSpark.session().read().parquet(out).orderBy("id").collectAsList();
        for (int i = 0; i < 4; i++) {
            assertEquals((long) i, rows.get(i).getLong(0), "the test split alone: ids from 0");
            assertEquals((i * 3) % 10, rows.get(i).getInt(1));
        }
    }

    @Test
    void aMissingFolderIsOneLineNamingIt() {
        InputOptions options = new InputOptions();
        options.input = tmp.resolve("none").toString();
        options.format = "idx";
        options.split = "all";
        BadJobInputException e = assertThrows(BadJobInputException.class, () -> options.source().load(LocalSpark.session()));
        assertTrue(e.getMessage().contains("no readable train-images-idx3-ubyte[.gz] in " + tmp.resolve("none")),
                e.getMessage());
    }

    /** 6 training and 4 test images at $TOPO_MNIST_DIR, labelled 3i mod 10, with the manifest MnistCache writes. */
    private static void fakeMnistCache() throws Exception {
        String variable = System.getenv(Mnist.DIR_VARIABLE);
        Assumptions.assumeTrue(variable != null && variable.contains("target"), Mnist.DIR_VARIABLE
                + " is not set to a test folder (run through Maven)");
        Path cache = Files.createDirectories(Path.of(variable));
        Map<String, String> sums = new LinkedHashMap<>();
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? 6 : 4;
            byte[] pixels = new byte[n * 784], labels = new byte[n];
            for (int i = 0; i < n; i++) {
                pixels[i * 784 + 300 + i] = (byte) 200;
                labels[i] = (byte) ((i * 3) % 10);
            }
            sums.put(split + "-images-idx3-ubyte", write(cache.resolve(split + "-images-idx3-ubyte"),
                    IdxWriter.encode(new int[] {n, 28, 28}, pixels)));
            sums.put(split + "-labels-idx1-ubyte", write(cache.resolve(split + "-labels-idx1-ubyte"),
                    IdxWriter.encode(new int[] {n}, labels)));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("dataset", "mnist");
        manifest.put("format", 1);
        manifest.put("sha256", sums);
        Files.writeString(cache.resolve("manifest.json"), Json.object(manifest));
    }

    private static String write(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
