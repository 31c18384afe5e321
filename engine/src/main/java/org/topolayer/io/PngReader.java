package org.topolayer.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;

/**
 * Reads a PNG image (through {@code javax.imageio}) as a height × width grid of gray levels.
 * Grayscale images give their raw sample values (0..255 for 8-bit, 0..65535 for 16-bit).
 * <b>Colour images are converted to luminance</b> Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601)
 * of the raw samples, so a colour PNG gives non-integer levels; pixels with R = G = B keep their
 * exact level. Palette images use their palette's 8-bit colours. Alpha is ignored.
 */
public final class PngReader {
    private PngReader() {
    }

    public static Grid read(Path file) throws IOException {
        String source = file.toString();
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IIOException e) {
            throw new BadInputException(source, "not a readable PNG image (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new BadInputException(source, "not a PNG image (no image decoder recognises it)");
        }
        int height = image.getHeight();
        int width = image.getWidth();
        double[] values = new double[height * width];
        Raster raster = image.getRaster();
        ColorModel colours = image.getColorModel();
        boolean palette = colours instanceof IndexColorModel;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double level;
                if (palette) {
                    int rgb = image.getRGB(c, r);
                    level = luminance((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
                } else if (colours.getNumColorComponents() == 1) {
                    level = raster.getSample(c, r, 0);
                } else {
                    level = luminance(raster.getSample(c, r, 0), raster.getSample(c, r, 1), raster.getSample(c, r, 2));
                }
                values[r * width + c] = level;
            }
        }
        return Grid.owning(values, height, width);
    }

    private static double luminance(int red, int green, int blue) {
        if (red == green && green == blue) {
            return red; // the weighted sum would round a gray level to e.g. 127.99999999999999
        }
        return 0.299 * red + 0.587 * green + 0.114 * blue;
    }
}
