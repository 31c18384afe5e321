package org.topolayer.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

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

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Deflate cannot compress better than about 1032:1, which bounds the pixels a file of n bytes can hold. */
    private static final long DEFLATE_MAX_RATIO = 1032;
    /** Signature, IHDR length and type, and the IHDR data. */
    private static final int HEADER_BYTES = 33;

    public static Grid read(Path file) throws IOException {
        String source = file.toString();
        byte[] bytes = FileBytes.readAll(file, "PNG image"); // PNGs are compressed: the file is small beside its pixels
        requirePlausibleHeader(bytes, source);
        BufferedImage image;
        try { // a memory cache, not ImageIO's default temporary file; ImageIO.read closes it
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) { // the JDK decoder fails on corrupt data in many ways
            throw new BadInputException(source, "not a readable PNG image (" + oneLine(e) + ")");
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

    /** The height and width the header declares, read without decoding (to check a size limit before loading). */
    public static int[] declaredShape(Path file) throws IOException {
        byte[] start;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            start = in.readNBytes(HEADER_BYTES);
        }
        requireSignature(start, file.toString());
        ByteBuffer header = ByteBuffer.wrap(start, 16, 8);
        long width = Integer.toUnsignedLong(header.getInt()), height = Integer.toUnsignedLong(header.getInt());
        return new int[] {(int) Math.min(height, Integer.MAX_VALUE), (int) Math.min(width, Integer.MAX_VALUE)};
    }

    private static void requireSignature(byte[] bytes, String source) throws BadInputException {
        if (bytes.length < HEADER_BYTES || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new BadInputException(source, "not a PNG image (it does not start with the PNG signature and header)");
        }
    }

    /**
     * Checks the signature and the size the IHDR chunk declares before decoding, so that a corrupt
     * header cannot make the decoder allocate gigabytes: the raw scanlines must fit the file at
     * deflate's best ratio, and the pixels one Java array.
     */
    private static void requirePlausibleHeader(byte[] bytes, String source) throws BadInputException {
        requireSignature(bytes, source);
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 10); // IHDR data: width, height, bit depth, colour type
        long width = Integer.toUnsignedLong(header.getInt()), height = Integer.toUnsignedLong(header.getInt());
        int bitDepth = header.get(), colourType = header.get();
        int channels = switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        long rawBytes = height * (1 + (width * channels * Math.max(bitDepth, 1) + 7) / 8);
        if (width == 0 || height == 0 || rawBytes > DEFLATE_MAX_RATIO * bytes.length) {
            throw new BadInputException(source, "corrupt PNG header: " + width + "×" + height + " pixels cannot be"
                    + " stored in " + bytes.length + " bytes");
        }
        if (width * height > Integer.MAX_VALUE - 8) {
            throw new BadInputException(source, "image of " + width + "×" + height + " pixels is too large (over 2^31)");
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    private static double luminance(int red, int green, int blue) {
        if (red == green && green == blue) {
            return red; // the weighted sum would round a gray level to e.g. 127.99999999999999
        }
        return 0.299 * red + 0.587 * green + 0.114 * blue;
    }
}
