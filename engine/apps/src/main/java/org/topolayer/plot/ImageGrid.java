package org.topolayer.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.topolayer.io.AtomicFiles;

/**
 * Writes grayscale images (row-major, values in [lo, hi]) as one PNG grid, each image scaled up
 * by an integer factor, with a one-pixel gap. For before/after panels and sample grids.
 */
public final class ImageGrid {
    private ImageGrid() {}

    /**
     * @param images  images of height×width values each
     * @param columns images per row of the grid
     * @param scale   pixels per image pixel
     */
    public static void write(Path file, double[][] images, int height, int width, int columns, int scale,
                             double lo, double hi) throws IOException {
        if (images.length == 0) {
            throw new IllegalArgumentException("no images to draw");
        }
        int cols = Math.min(columns, images.length);
        int rows = (images.length + cols - 1) / cols;
        int cellW = width * scale + 1, cellH = height * scale + 1;
        BufferedImage out = new BufferedImage(cols * cellW + 1, rows * cellH + 1, BufferedImage.TYPE_BYTE_GRAY);
        var raster = out.getRaster();
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != height * width) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values, expected "
                        + height * width);
            }
            int x0 = 1 + (i % cols) * cellW, y0 = 1 + (i / cols) * cellH;
            for (int r = 0; r < height * scale; r++) {
                for (int c = 0; c < width * scale; c++) {
                    double v = (images[i][(r / scale) * width + c / scale] - lo) / (hi - lo);
                    raster.setSample(x0 + c, y0 + r, 0, (int) Math.round(255 * Math.min(1, Math.max(0, v))));
                }
            }
        }
        writePng(file, out);
    }

    /** Writes any image as PNG, atomically. */
    public static void writePng(Path file, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
