package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgmReaderTest {
    @TempDir
    Path dir;

    private Path pgm(String header, byte... data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return Files.write(dir.resolve("img.pgm"), out.toByteArray());
    }

    private String problem(Path file) {
        BadInputException e = assertThrows(BadInputException.class, () -> PgmReader.read(file));
        return e.problem();
    }

    @Test
    void binaryEightBit() throws IOException {
        Grid g = PgmReader.read(pgm("P5\n# made by hand\n3 2\n255\n", (byte) 0, (byte) 1, (byte) 2, (byte) 250, (byte) 128, (byte) 255));
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertArrayEquals(new double[] {0, 1, 2, 250, 128, 255}, g.values());
    }

    @Test
    void binarySixteenBitIsBigEndian() throws IOException {
        Grid g = PgmReader.read(pgm("P5 2 1 65535\n", (byte) 0x01, (byte) 0x02, (byte) 0xFF, (byte) 0xFE));
        assertArrayEquals(new double[] {0x0102, 0xFFFE}, g.values());
    }

    @Test
    void plainTextWithComments() throws IOException {
        Grid g = PgmReader.read(pgm("P2\n2 2 # width height\n1000\n0 999\n# a comment\n1000 5\n"));
        assertArrayEquals(new int[] {2, 2}, g.shape());
        assertArrayEquals(new double[] {0, 999, 1000, 5}, g.values());
    }

    @Test
    void truncatedDataIsAnError() throws IOException {
        assertEquals("truncated: the header promises 4 pixels but the data ends after 3",
                problem(pgm("P5 2 2 255\n", (byte) 1, (byte) 2, (byte) 3)));
        assertEquals("truncated: the header promises 4 pixels but the data ends after 1",
                problem(pgm("P5 2 2 300\n", (byte) 0, (byte) 1, (byte) 0)));
        assertEquals("truncated: the header promises 4 pixels but the rest of the file holds at most 3",
                problem(pgm("P2 2 2 9\n1 2\n")));
        assertEquals("truncated: the header promises 4 pixels but the data ends after 3", problem(pgm("P2 2 2 9\n1 2 3  ")));
    }

    @Test
    void malformedFilesAreErrors() throws IOException {
        assertEquals("not a PGM image (expected it to start with P5 or P2)", problem(pgm("P6 1 1 255\n", (byte) 0, (byte) 0, (byte) 0)));
        assertEquals("not a PGM image (expected it to start with P5 or P2)", problem(pgm("")));
        assertEquals("truncated or malformed header: missing maxval", problem(pgm("P5 2 2")));
        assertEquals("pixel (0, 1) has level 12, above maxval 10", problem(pgm("P2 2 1 10 3 12")));
    }
}
