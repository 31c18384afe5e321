package org.topolayer.io;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {
    @TempDir
    Path dir;

    private Path npy(int version, String descr, boolean fortran, String shape, byte[] data) throws IOException {
        return NpyFiles.write(dir.resolve("a.npy"), version, descr, fortran, shape, data);
    }

    private String problem(Path file) {
        BadInputException e = assertThrows(BadInputException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.problem();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsFloat64MatrixInEveryFormatVersion(int version) throws IOException {
        Grid g = NpyReader.read(npy(version, "<f8", false, "(2, 3)", NpyFiles.doubles(LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6.25)));
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6.25}, g.values());
    }

    @Test
    void readsFloat32Signal() throws IOException {
        Grid g = NpyReader.read(npy(1, "<f4", false, "(3,)", NpyFiles.floats(LITTLE_ENDIAN, 0.5f, -1f, 0.1f)));
        assertArrayEquals(new int[] {3}, g.shape());
        assertArrayEquals(new double[] {0.5, -1, 0.1f}, g.values());
    }

    @Test
    void readsBigEndian() throws IOException {
        assertArrayEquals(new double[] {1.5, -2, 3, 4},
                NpyReader.read(npy(1, ">f8", false, "(2, 2)", NpyFiles.doubles(BIG_ENDIAN, 1.5, -2, 3, 4))).values());
        assertArrayEquals(new double[] {7, -8},
                NpyReader.read(npy(1, ">i4", false, "(2,)", NpyFiles.ints(BIG_ENDIAN, 7, -8))).values());
    }

    @Test
    void fortranOrderMatrixComesBackRowMajor() throws IOException {
        // [[1, 2, 3], [4, 5, 6]] stored column by column
        Grid g = NpyReader.read(npy(1, "<f8", true, "(2, 3)", NpyFiles.doubles(LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6)));
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, g.values());
    }

    @Test
    void fortranOrderVolumeComesBackRowMajor() throws IOException {
        int[] shape = {2, 3, 4};
        double[] fortran = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    fortran[i + 2 * (j + 3 * k)] = 100 * i + 10 * j + k;
                }
            }
        }
        Grid g = NpyReader.read(npy(1, "<f8", true, "(2, 3, 4)", NpyFiles.doubles(LITTLE_ENDIAN, fortran)));
        assertArrayEquals(shape, g.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(100 * i + 10 * j + k, g.get((i * 3 + j) * 4 + k));
                }
            }
        }
    }

    @Test
    void integerTypesBecomeDoubles() throws IOException {
        assertArrayEquals(new double[] {0, 200, 255},
                NpyReader.read(npy(1, "|u1", false, "(3,)", new byte[] {0, (byte) 200, (byte) 255})).values());
        assertArrayEquals(new double[] {-1, 5},
                NpyReader.read(npy(1, "<i4", false, "(2,)", NpyFiles.ints(LITTLE_ENDIAN, -1, 5))).values());
        byte[] u8 = ByteBuffer.allocate(8).order(LITTLE_ENDIAN).putLong(-1L).array();
        assertArrayEquals(new double[] {18446744073709551615.0},
                NpyReader.read(npy(1, "<u8", false, "(1,)", u8)).values());
    }

    @Test
    void truncatedDataIsAnError() throws IOException {
        Path f = npy(1, "<f8", false, "(2, 3)", NpyFiles.doubles(LITTLE_ENDIAN, 1, 2, 3, 4, 5));
        assertEquals("truncated: the header promises 2×3 values (48 bytes) but only 40 bytes follow", problem(f));
    }

    @Test
    void truncatedHeaderIsAnError() throws IOException {
        Path full = npy(1, "<f8", false, "(2,)", NpyFiles.doubles(LITTLE_ENDIAN, 1, 2));
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(Files.readAllBytes(full), 30));
        assertEquals("truncated .npy header", problem(cut));
    }

    @Test
    void nanEntryIsNamedByItsIndex() throws IOException {
        Path f = npy(1, "<f8", false, "(2, 2)", NpyFiles.doubles(LITTLE_ENDIAN, 1, 2, Double.NaN, 4));
        assertEquals("entry (1, 0) is NaN (values must be finite)", problem(f));
        Path g = npy(1, "<f4", false, "(3,)", NpyFiles.floats(LITTLE_ENDIAN, 1, Float.NEGATIVE_INFINITY, 3));
        assertEquals("entry (1) is -Infinity (values must be finite)", problem(g));
    }

    @Test
    void unsupportedShapesAndTypesAreErrors() throws IOException {
        assertEquals("a 4-D array; expected 1-D, 2-D or 3-D",
                problem(npy(1, "<f8", false, "(1, 1, 1, 1)", NpyFiles.doubles(LITTLE_ENDIAN, 1))));
        assertEquals("a 0-D array; expected 1-D, 2-D or 3-D", problem(npy(1, "<f8", false, "()", NpyFiles.doubles(LITTLE_ENDIAN, 1))));
        assertEquals("the array is empty (shape (0, 3))", problem(npy(1, "<f8", false, "(0, 3)", new byte[0])));
        assertTrue(problem(npy(1, "<c16", false, "(1,)", new byte[16])).startsWith("unsupported dtype '<c16'"));
        assertTrue(problem(npy(1, "<f2", false, "(1,)", new byte[2])).startsWith("unsupported dtype '<f2'"));
    }

    @Test
    void notAnNpyFile() throws IOException {
        assertEquals("not a .npy file (too short, 0 bytes)", problem(Files.write(dir.resolve("e.npy"), new byte[0])));
        assertEquals("not a .npy file (it does not start with \\x93NUMPY)",
                problem(Files.writeString(dir.resolve("t.npy"), "1,2,3\n4,5,6\n")));
    }
}
