package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds thousands of mutated files ({@link Mutations}, fixed seeds) to every reader. Each must
 * either give a well-formed result or throw a {@link BadInputException} whose one-line message
 * names the file: never another exception type, never a hang (a preemptive time limit), and never
 * a large allocation that a corrupted header asked for (the bytes each read allocates are
 * measured and bounded).
 */
class ReaderFuzzTest {
    private static final int MUTANTS = 2000;
    /** Far above what any mutant of the small seeds holds, far below what a corrupt header can ask for. */
    private static final long ALLOCATION_LIMIT = 64L << 20;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private interface Reader {
        /** Reads the file and checks the result is well formed (by assertions). */
        void readAndCheck(Path file) throws IOException;
    }

    @Test
    void textMatrices() throws Exception {
        fuzz("m.csv", path -> wellFormed(CsvMatrixReader.read(path)), 1,
                text("1,2,3\n4,5,6\n"),
                text("# points\n0.5 -1e-3 2E+2\n1\t2\t3\n\n"),
                text(randomCsv()));
    }

    @Test
    void npyArrays() throws Exception {
        fuzz("a.npy", path -> wellFormed(NpyReader.read(path)), 2,
                npy(1, "<f8", false, "(2, 3)", NpyFiles.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6)),
                npy(2, ">f4", false, "(2, 1, 2)", NpyFiles.floats(ByteOrder.BIG_ENDIAN, 1, 2, 3, 4)),
                npy(1, "<i4", true, "(2, 2)", NpyFiles.ints(ByteOrder.LITTLE_ENDIAN, 1, -2, 3, 4)),
                npy(3, "|u1", false, "(5,)", new byte[] {1, 2, 3, (byte) 200, 5}));
    }

    @Test
    void pngImages() throws Exception {
        fuzz("i.png", path -> wellFormed(PngReader.read(path)), 3,
                png(BufferedImage.TYPE_BYTE_GRAY, 12, 9),
                png(BufferedImage.TYPE_USHORT_GRAY, 5, 7),
                png(BufferedImage.TYPE_INT_RGB, 6, 6),
                png(BufferedImage.TYPE_BYTE_INDEXED, 8, 3));
    }

    @Test
    void pgmImages() throws Exception {
        fuzz("i.pgm", path -> wellFormed(PgmReader.read(path)), 4,
                concat(text("P5\n# a comment\n4 3\n255\n"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255}),
                concat(text("P5 2 2 65535\n"), new byte[] {0, 1, 2, 3, (byte) 255, (byte) 255, 1, 0}),
                text("P2\n3 2\n# levels\n15\n0 1 2\n15 14 13\n"));
    }

    @Test
    void idxFilesRawAndGzipped() throws Exception {
        byte[] images = concat(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3}, new byte[18]);
        byte[] labels = new byte[] {0, 0, 8, 1, 0, 0, 0, 4, 1, 2, 3, 9};
        fuzz("t-idx3-ubyte", path -> {
            IdxReader.Tensor t = IdxReader.read(path);
            long size = 1;
            for (int extent : t.shape()) {
                assertTrue(extent >= 0);
                size *= extent;
            }
            assertEquals(size, t.data().length);
        }, 5, images, labels, gzip(images), gzip(labels));
    }

    @Test
    void complexFiles() throws Exception {
        fuzz("c.txt", path -> {
            Simplices s = ComplexReader.read(path);
            assertTrue(s.size() > 0);
            for (int i = 0; i < s.size(); i++) {
                int[] simplex = s.get(i);
                assertTrue(simplex.length > 0);
                for (int v : simplex) {
                    assertTrue(v >= 0 && v < s.vertexCount());
                }
            }
        }, 6, text("0 1 2\n1 2 3\n# a comment\n3,4\n5\n"), text("0 1\n1 2\n2 0\n"));
    }

    @Test
    void vertexValueFiles() throws Exception {
        Reader values = path -> {
            double[] v = Inputs.vertexValues(path.toString());
            assertTrue(v.length > 0);
            for (double x : v) {
                assertTrue(Double.isFinite(x));
            }
        };
        fuzz("v.txt", values, 7, text("1\n2.5\n-3e2\n0\n"), text("# heights\n1, 2, 3\n"));
        fuzz("v.npy", values, 8, npy(1, "<f8", false, "(4,)", NpyFiles.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4)));
    }

    /** Writes MUTANTS mutants of the seeds to one file in turn and reads each. */
    private void fuzz(String name, Reader reader, long seed, byte[]... seeds) throws Exception {
        Path file = dir.resolve(name);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(TIME_LIMIT, () -> {
            for (byte[] valid : seeds) { // the seeds themselves are valid
                Files.write(file, valid);
                reader.readAndCheck(file);
            }
            Mutations mutations = new Mutations(seed);
            for (int i = 0; i < MUTANTS; i++) {
                StringBuilder log = new StringBuilder("mutant " + i + " of seed " + (i % seeds.length) + ":");
                byte[] mutant = mutations.mutate(seeds[i % seeds.length], log);
                Files.write(file, mutant);
                long before = threads.getCurrentThreadAllocatedBytes();
                try {
                    reader.readAndCheck(file);
                    outcomes[0]++;
                } catch (BadInputException e) {
                    assertEquals(file.toString(), e.source(), log + ": the message names the file");
                    assertTrue(!e.getMessage().contains("\n"), log + ": one line: " + e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail(log + ": " + t, t);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < ALLOCATION_LIMIT, log + ": allocated " + allocated + " bytes for a file of "
                        + mutant.length);
            }
        });
        // both outcomes occur, so the mutants neither all break the format nor all leave it intact
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, name + ": read " + outcomes[0] + ", refused " + outcomes[1]);
    }

    /** A grid is well formed: 1 to 3 axes, as many values as the shape says, all finite. */
    private static void wellFormed(Grid grid) {
        int[] shape = grid.shape();
        assertTrue(shape.length >= 1 && shape.length <= 3);
        long size = 1;
        for (int extent : shape) {
            assertTrue(extent >= 1);
            size *= extent;
        }
        assertEquals(size, grid.size());
        for (double v : grid.values()) {
            assertTrue(Double.isFinite(v));
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomCsv() {
        java.util.Random r = new java.util.Random(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(r.nextGaussian()).append(',').append(r.nextGaussian()).append(',').append(r.nextInt(100)).append('\n');
        }
        return sb.toString();
    }

    private byte[] npy(int version, String descr, boolean fortran, String shape, byte[] data) throws IOException {
        return Files.readAllBytes(NpyFiles.write(dir.resolve("seed.npy"), version, descr, fortran, shape, data));
    }

    private static byte[] png(int type, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 37 + y * 91) * 0x010203);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "png", out));
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
