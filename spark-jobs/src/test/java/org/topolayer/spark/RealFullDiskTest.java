package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk, not a simulated one ({@link FullDiskFileSystem}): a small tmpfs is mounted
 * (root only; the test is skipped with the reason elsewhere), a first run fits on it, then the disk
 * is shrunk to a little more than it holds and a larger run fails in one line, leaving the first
 * run's files byte for byte and no staging or temporary file behind.
 */
@Tag("slow") // mounts a tmpfs and runs jobs (verify only)
class RealFullDiskTest {
    /** Room left on the disk for the second run: a few pages, far less than it writes. */
    private static final long SLACK = 64 * 1024;

    @TempDir
    Path tmp;

    @Test
    void thePersistenceJobFailsInOneLineAndLeavesThePreviousOutput() throws Exception {
        Path disk = mount("64m");
        try {
            String out = disk.resolve("out").toString();
            String[] job = {"persistence", "--input", "synthetic", "--feature", "topk:dim=0,k=2", "--output", out,
                "--overwrite", "--synthetic-count"};
            SparkJobsTest.Run first = SparkJobsTest.run(LocalSpark.with(job, "20"));
            assertEquals(0, first.status(), first.err());
            Map<String, String> before = digests(disk);
            shrinkTo(disk, used(disk) + SLACK);

            SparkJobsTest.Run run = SparkJobsTest.run(LocalSpark.with(job, "2000"));

            assertEquals(1, run.status(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("cannot write output " + out + ": No space left on device"), run.err());
            assertEquals(before, digests(disk), "the previous output, byte for byte, and nothing else");
            assertEquals(List.of("out"), names(disk), "no staging folder is left");
        } finally {
            unmount(disk);
        }
    }

    @Test
    void theTrainJobFailsInOneLineAndKeepsItsEarlierCheckpoints() throws Exception {
        Path disk = mount("64m");
        try {
            Path checkpoints = disk.resolve("checkpoints");
            Path out = tmp.resolve("trained");
            String[] job = {"train", "--input", "synthetic", "--synthetic-count", "48", "--hidden", "8",
                "--checkpoint-every", "2", "--checkpoint-dir", checkpoints.toString(), "--output", out.toString(),
                "--overwrite", "--steps"};
            SparkJobsTest.Run first = SparkJobsTest.run(LocalSpark.with(job, "4"));
            assertEquals(0, first.status(), first.err());
            Map<String, String> before = digests(disk);
            Map<String, String> output = digests(out);
            long checkpoint = Files.size(checkpoints.resolve("step-4.ckpt"));
            shrinkTo(disk, used(disk) + checkpoint / 2);

            // resumes from step 4 and cannot write the checkpoint of step 6
            SparkJobsTest.Run run = SparkJobsTest.run(LocalSpark.with(job, "8"));

            assertEquals(1, run.status(), run.err());
            assertEquals(1, run.err().strip().lines().filter(l -> !l.startsWith("[train] step ")).count(),
                    "one line besides the progress lines: " + run.err());
            assertTrue(run.err().contains("cannot write a checkpoint to " + checkpoints + ": No space left on device"),
                    run.err());
            assertEquals(before, digests(disk), "the earlier checkpoints, byte for byte, and no temporary file");
            assertEquals(output, digests(out), "the previous output");
        } finally {
            unmount(disk);
        }
    }

    /** Mounts a tmpfs of this size at tmp/disk, or skips the test saying why it cannot. */
    private Path mount(String size) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("disk"));
        String said;
        int status;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            status = p.waitFor();
        } catch (IOException e) {
            said = e.getMessage();
            status = -1;
        }
        assumeTrue(status == 0, "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + said);
        return dir;
    }

    /** Resizes the mounted tmpfs (no smaller than what it holds). */
    private static void shrinkTo(Path disk, long bytes) throws Exception {
        long kib = (bytes + 1023) / 1024;
        Process p = new ProcessBuilder("mount", "-o", "remount,size=" + kib + "k", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "cannot resize the tmpfs: " + said);
    }

    private static void unmount(Path disk) throws Exception {
        Process p = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) { // a file still open (a Spark thread): detach it, it goes when closed
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    private static long used(Path disk) throws IOException {
        FileStore store = Files.getFileStore(disk);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    /** Every file under dir (hidden ones too) by relative path, with the SHA-256 of its bytes. */
    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
