package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void aWriteCutShortLeavesTheLastCompleteCheckpoint() throws Exception {
        Configuration hadoop = new Configuration();
        FullDiskFileSystem.register(hadoop);
        Checkpoints checkpoints = new Checkpoints(hadoop, FullDiskFileSystem.uri(tmp.resolve("ck")));
        Checkpoints.State two = state(2, 1);
        checkpoints.save(two);
        FullDiskFileSystem.allow(1000); // the next checkpoint (~5 kB) stops part way, as if the driver died there
        BadJobInputException e = assertThrows(BadJobInputException.class, () -> checkpoints.save(state(4, 2)));
        assertTrue(e.getMessage().startsWith("cannot write a checkpoint to fullfs:" + tmp.resolve("ck")
                + ": No space left on device; free space or choose another --checkpoint-dir"), e.getMessage());
        assertTrue(Files.size(tmp.resolve("ck/_step-4.tmp")) > 0, "the cut write left its partial file");
        FullDiskFileSystem.allow(Long.MAX_VALUE);
        assertSame(two, checkpoints.latest());
    }

    @Test
    void aDamagedCheckpointIsSkippedForTheEarlierOne() throws Exception {
        Checkpoints checkpoints = new Checkpoints(new Configuration(), tmp.toString());
        Checkpoints.State two = state(2, 1);
        checkpoints.save(two);
        checkpoints.save(state(4, 2));
        Path four = tmp.resolve("step-4.ckpt");
        byte[] bytes = Files.readAllBytes(four);
        bytes[bytes.length / 2] ^= 1;
        Files.write(four, bytes);
        assertSame(two, checkpoints.latest());
        Files.write(four, java.util.Arrays.copyOf(bytes, 5));
        assertSame(two, checkpoints.latest());
        Files.delete(tmp.resolve("step-2.ckpt"));
        assertNull(checkpoints.latest());
    }

    /** A checkpoint of step {@code step} with random parameters and an optimiser that has taken steps. */
    private static Checkpoints.State state(long step, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] params = rnd.doubles(300, -1, 1).toArray();
        Adam adam = new Adam(params.length, 0.01);
        for (int i = 0; i < step; i++) {
            adam.step(params, rnd.doubles(params.length, -1, 1).toArray());
        }
        return new Checkpoints.State(step, params, adam);
    }

    private static void assertSame(Checkpoints.State expected, Checkpoints.State actual) throws IOException {
        assertEquals(expected.step(), actual.step());
        assertArrayEquals(expected.parameters(), actual.parameters(), 0);
        assertArrayEquals(bytes(expected.optimiser()), bytes(actual.optimiser()));
    }

    private static byte[] bytes(Adam adam) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            adam.writeTo(data);
        }
        return out.toByteArray();
    }
}
