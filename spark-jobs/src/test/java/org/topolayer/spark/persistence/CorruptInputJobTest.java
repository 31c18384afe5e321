package org.topolayer.spark.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.output.JobSummary;

/**
 * Corrupted inputs through the whole persistence job under {@code --on-bad-sample reject}: every
 * truncation and many byte corruptions of a .npy file in one directory, and a CSV table of rows
 * with junk tokens. The job must finish, and every sample must be either processed or rejected
 * with a reason, an unreadable file's naming the file.
 */
@Tag("slow") // runs the job on many corrupted inputs (verify only)
class CorruptInputJobTest {
    @TempDir
    Path tmp;

    @Test
    void everyCorruptedNpyFileIsProcessedOrRejectedNamingIt() throws Exception {
        byte[] valid = npy(new double[] {0, 1, 0, 2, 0, 1, 3, 1, 0, 1, 0, 2}, "(4, 3)");
        Path dir = Files.createDirectories(tmp.resolve("arrays"));
        List<byte[]> files = new ArrayList<>();
        for (int length = 0; length < valid.length; length += 3) { // truncated everywhere, header and data
            files.add(Arrays.copyOf(valid, length));
        }
        Random random = new Random(12);
        for (int i = 0; i < 80; i++) { // a byte of the header or data replaced
            byte[] bad = valid.clone();
            bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            files.add(bad);
        }
        files.add(npy(new double[] {0, Double.NaN, 1, 2}, "(2, 2)"));
        files.add(npy(new double[] {}, "(0, 3)"));
        for (int i = 0; i < files.size(); i++) {
            Files.write(dir.resolve(String.format("%03d.npy", i)), files.get(i));
        }
        String out = tmp.resolve("out").toString();
        JobSummary summary = assertTimeoutPreemptively(Duration.ofSeconds(300), () -> LocalSpark.run(
                new PersistenceJob(), "--input", dir.toString(), "--filtration", "sublevel", "--feature",
                "topk:dim=0,k=2", "--on-bad-sample", "reject", "--output", out));
        assertEquals((long) files.size(), summary.get("samples"));
        List<Row> rejected = LocalSpark.session().read().parquet(out + "/_rejected").collectAsList();
        assertEquals((long) rejected.size(), summary.get("rejected"));
        assertTrue(rejected.size() >= (valid.length + 2) / 3 && (Long) summary.get("processed") > 0, summary.toJson());
        for (Row r : rejected) {
            String reason = r.getString(1);
            String file = dir.resolve(String.format("%03d.npy", r.getLong(0))).toString();
            assertTrue(reason.startsWith(file + ": ") || reason.startsWith("value "), r.toString());
            assertEquals(1, reason.lines().count(), reason);
        }
    }

    @Test
    void aCsvTableOfJunkRowsIsProcessedOrRejectedRowByRow() throws Exception {
        String[] tokens = {"1", "-2.5", "3e2", "NaN", "inf", "-Infinity", "x", "", "1e400", "0x10", "--1", "1,5"};
        Random random = new Random(4);
        StringBuilder csv = new StringBuilder("id,values\n");
        for (int row = 0; row < 150; row++) {
            StringBuilder values = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                values.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            csv.append(row).append(",\"").append(values.toString().strip()).append("\"\n");
        }
        Path table = Files.writeString(tmp.resolve("junk.csv"), csv, StandardCharsets.UTF_8);
        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), "--input", table.toString(), "--id-column", "id",
                "--filtration", "sublevel", "--feature", "topk:dim=0,k=1", "--on-bad-sample", "reject", "--output", out);
        assertEquals(150L, summary.get("samples"));
        assertTrue((Long) summary.get("processed") > 0 && (Long) summary.get("rejected") > 0, summary.toJson());
    }

    private static byte[] npy(double[] values, String shape) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n"; // padded as NumPy pads
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
