package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ArrayWriter output read back by the project's own readers. */
class ArrayWriterTest {
    @TempDir
    Path dir;

    @Test
    void npyRoundTripsAnyRank() throws IOException {
        double[] values = {1.5, -2, 0.1, 3e-300, 7, 8, 9, 10, 11, 12, 13, 14};
        for (int[] shape : new int[][] {{12}, {3, 4}, {2, 3, 2}}) {
            Path file = dir.resolve("a" + shape.length + ".npy");
            ArrayWriter.writeNpy(file, values, shape);
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(0, (10 + (bytes[8] & 0xff) + ((bytes[9] & 0xff) << 8)) % 64, "header aligned to 64 bytes");
            Grid back = Inputs.storedGrid(file.toString());
            assertArrayEquals(shape, back.shape());
            assertArrayEquals(values, back.values());
        }
    }

    @Test
    void textWritesRowsInFullPrecision() throws IOException {
        Path file = dir.resolve("g.csv");
        ArrayWriter.writeText(file, new double[] {0.1, -2, 1e-17, 4}, new int[] {2, 2});
        assertEquals("0.1,-2.0\n1.0E-17,4.0\n", Files.readString(file));
        Grid back = Inputs.storedGrid(file.toString());
        assertArrayEquals(new double[] {0.1, -2, 1e-17, 4}, back.values());
        ArrayWriter.writeText(file, new double[] {1, 2}, new int[] {2});
        assertEquals("1.0\n2.0\n", Files.readString(file));
        assertThrows(IllegalArgumentException.class, () -> ArrayWriter.writeText(file, new double[8], new int[] {2, 2, 2}));
        assertThrows(IllegalArgumentException.class, () -> ArrayWriter.writeNpy(file, new double[3], new int[] {2, 2}));
    }
}
