package org.topolayer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.BadInputException;

class FashionMnistTest {
    @TempDir
    Path dir;

    private static void writeIdx(Path file, int[] shape, byte[] data, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(8);
            out.writeByte(shape.length);
            for (int s : shape) {
                out.writeInt(s);
            }
            out.write(data);
        }
        Files.write(file, bytes.toByteArray());
    }

    @Test
    void readsGzipIdxImagesAndLabels() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {2, 2, 3},
                new byte[] {0, (byte) 255, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6}, true);
        writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {2}, new byte[] {9, 0}, true);
        ImageDataset d = FashionMnist.read(dir, "train", 10);
        assertEquals(2, d.size());
        assertEquals(1.0, d.images()[0][1]);
        assertEquals(6 / 255.0, d.images()[1][5]);
        assertEquals(9, d.labels()[0]);
        assertEquals("fashion-mnist", d.source());
    }

    @Test
    void rejectsMismatchedCountsAndTruncation() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {2, 1, 1}, new byte[] {1, 2}, true);
        writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {3}, new byte[] {1, 2, 3}, true);
        BadInputException e = assertThrows(BadInputException.class, () -> FashionMnist.read(dir, "train", 10));
        assertTrue(e.getMessage().endsWith("3 labels for 2 images in train-images-idx3-ubyte.gz"), e.getMessage());
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {5, 1, 1}, new byte[] {1, 2}, false);
        e = assertThrows(BadInputException.class, () -> FashionMnist.read(dir, "train", 10));
        assertTrue(e.getMessage().endsWith("truncated: the header declares 5 values but 2 bytes follow"), e.getMessage());
    }

    @Test
    void readsTheDebianPackageWhenInstalled() throws IOException {
        Path debian = Path.of(FashionMnist.DEBIAN_DIR);
        Assumptions.assumeTrue(FashionMnist.isPresent(debian), "dataset-fashion-mnist not installed");
        ImageDataset.Splits s = DatasetChoice.parse("fashion-mnist").load(100, 100, 1, line -> { });
        assertEquals("fashion-mnist", s.source());
        assertEquals(28, s.train().height());
        assertEquals(9, s.train().labels()[0]); // the first training image is an ankle boot
        assertEquals("Ankle boot", s.train().classNames()[9]);
    }
}
