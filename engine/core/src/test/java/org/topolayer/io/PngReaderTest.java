package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngReaderTest {
    @TempDir
    Path dir;

    private Path png(BufferedImage image) throws IOException {
        Path file = dir.resolve("img.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void eightBitGrayGivesRawLevelsRowMajor() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] levels = {0, 10, 255, 128, 7, 99};
        image.getRaster().setPixels(0, 0, 3, 2, levels);
        Grid g = PngReader.read(png(image));
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertArrayEquals(new double[] {0, 10, 255, 128, 7, 99}, g.values());
    }

    @Test
    void sixteenBitGrayKeepsFullRange() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setPixels(0, 0, 2, 1, new int[] {65535, 300});
        assertArrayEquals(new double[] {65535, 300}, PngReader.read(png(image)).values());
    }

    @Test
    void colourBecomesLuminanceAndGrayPixelsStayExact() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (200 << 16) | (100 << 8) | 50);
        image.setRGB(1, 0, (77 << 16) | (77 << 8) | 77);
        double[] values = PngReader.read(png(image)).values();
        assertEquals(0.299 * 200 + 0.587 * 100 + 0.114 * 50, values[0], 1e-12);
        assertEquals(77.0, values[1]);
    }

    @Test
    void notAnImageIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("fake.png"), "hello");
        BadInputException e = assertThrows(BadInputException.class, () -> PngReader.read(file));
        assertEquals(file + ": not a PNG image (it does not start with the PNG signature and header)", e.getMessage());
    }
}
