package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.FullDiskFileSystem;

/** Checkpoints survive a write cut short (killed driver, full disk) and damaged files. */
class CheckpointsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void emptyTheDisk() {
        FullDiskFileSystem.allow(Long.MAX_VALUE);
    }

    @Test
    void aFailedOrCutShortWriteLeavesTheLastCompleteCheckpoint() throws Exception {
        Configuration hadoop = new Configuration();
        FullDiskFileSystem.register(hadoop);
        Checkpoints checkpoints = new Checkpoints(hadoop, FullDiskFileSystem.uri(tmp.resolve("ck")));
        TrainedNetwork two = trained(2);
        checkpoints.save(2, "test", List.of(two));
        FullDiskFileSystem.allow(1000); // the next checkpoint (~3 kB) stops part way
        BadJobInputException e = assertThrows(BadJobInputException.class,
                () -> checkpoints.save(4, "test", List.of(trained(4))));
        assertTrue(e.getMessage().startsWith("cannot write a checkpoint to fullfs:" + tmp.resolve("ck")
                + ": No space left on device; free space or choose another --checkpoint-dir"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("ck/_step-4.tmp")), "the failed write removed its partial file");
        FullDiskFileSystem.allow(Long.MAX_VALUE);
        assertRestores(2, two, checkpoints);
        // a driver killed mid-write leaves the partial file under its temporary name: not a checkpoint
        Files.write(tmp.resolve("ck/_step-4.tmp"), new byte[] {0, 0, 0, 3, 1, 2});
        assertRestores(2, two, checkpoints);
    }

    @Test
    void aDamagedCheckpointIsSkippedForTheEarlierOne() throws Exception {
        Checkpoints checkpoints = new Checkpoints(new Configuration(), tmp.toString());
        TrainedNetwork two = trained(2);
        checkpoints.save(2, "test", List.of(two));
        checkpoints.save(4, "test", List.of(trained(4)));
        Path four = tmp.resolve("step-4.ckpt");
        byte[] bytes = Files.readAllBytes(four);
        bytes[bytes.length / 2] ^= 1;
        Files.write(four, bytes);
        assertRestores(2, two, checkpoints);
        Files.write(four, java.util.Arrays.copyOf(bytes, 5));
        assertRestores(2, two, checkpoints);
        Files.delete(tmp.resolve("step-2.ckpt"));
        assertEquals(0, checkpoints.restoreLatest("test", List.of(trained(0))));
    }

    @Test
    void aCheckpointResumesOnlyWithTheOptionsThatMadeIt() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--model", "pixel-cnn");
        options.put("--adversarial-eps", "0.05");
        options.put("--train-seed", "7");
        TrainedNetwork two = trained(2);
        new Checkpoints(new Configuration(), tmp.toString(), options).save(2, "test", List.of(two));
        assertRestores(2, two, new Checkpoints(new Configuration(), tmp.toString(), Map.copyOf(options)));

        Map<String, String> other = new LinkedHashMap<>(options);
        other.put("--adversarial-eps", "0.1");
        other.put("--train-seed", "8");
        BadJobInputException e = assertThrows(BadJobInputException.class, () -> new Checkpoints(new Configuration(),
                tmp.toString(), other).restoreLatest("test", List.of(trained(0))));
        assertTrue(e.getMessage().matches("checkpoint \\S*step-2\\.ckpt was made with other options"
                + " \\(--adversarial-eps was 0\\.05, is 0\\.1\\): rerun with the checkpoint's options to resume it,"
                + " or give a fresh --output or --checkpoint-dir to train from scratch"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        // an option the checkpoint does not know (added since) differs too
        Map<String, String> added = new LinkedHashMap<>(options);
        added.put("--adversarial-random-start", "true");
        e = assertThrows(BadJobInputException.class, () -> new Checkpoints(new Configuration(), tmp.toString(), added)
                .restoreLatest("test", List.of(trained(0))));
        assertTrue(e.getMessage().contains("(--adversarial-random-start was (none), is true)"), e.getMessage());
    }

    /** A small network after {@code steps} Adam steps on random gradients. */
    private static TrainedNetwork trained(int steps) {
        TrainedNetwork n = new TrainedNetwork("net", new MlpNetwork(new int[] {8, 6, 8}, MlpNetwork.Output.LINEAR, 1),
                0.01, 0.9);
        SplittableRandom rnd = new SplittableRandom(steps);
        for (int i = 0; i < steps; i++) {
            n.step(rnd.doubles(n.parameterCount(), -1, 1).toArray());
        }
        return n;
    }

    private static void assertRestores(long step, TrainedNetwork expected, Checkpoints checkpoints) throws Exception {
        TrainedNetwork restored = trained(0);
        assertEquals(step, checkpoints.restoreLatest("test", List.of(restored)));
        assertArrayEquals(expected.parameters(), restored.parameters(), 0);
        assertEquals(expected.optimiser().steps(), restored.optimiser().steps());
        assertArrayEquals(expected.optimiser().firstMoment(), restored.optimiser().firstMoment(), 0);
        assertArrayEquals(expected.optimiser().secondMoment(), restored.optimiser().secondMoment(), 0);
    }
}
