package org.topolayer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a row-major array of doubles (e.g. a gradient with its input's shape) in the formats the
 * readers take: text (rank 1: one value per line; rank 2: one comma-separated row per line) or
 * .npy (version 1.0, little-endian float64, C order, any rank). Values in full precision
 * ({@code Double.toString}). Atomic: a failed write leaves no partial file.
 */
public final class ArrayWriter {
    private ArrayWriter() {
    }

    public static void writeText(Path target, double[] values, int[] shape) throws IOException {
        checkShape(values, shape);
        if (shape.length > 2) {
            throw new IllegalArgumentException("text holds 1-D or 2-D arrays, got shape " + Arrays.toString(shape)
                    + "; write .npy instead");
        }
        int columns = shape.length == 2 ? shape[1] : 1;
        AtomicFiles.write(target, out -> {
            for (int i = 0; i < values.length; i++) {
                out.write(Double.toString(values[i]));
                out.write((i + 1) % columns == 0 ? "\n" : ",");
            }
        });
    }

    public static void writeNpy(Path target, double[] values, int[] shape) throws IOException {
        checkShape(values, shape);
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "")
                + "), }";
        // magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in \n
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(10 + headerBytes.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) headerBytes.length).put(headerBytes);
        for (double v : values) {
            buffer.putDouble(v);
        }
        AtomicFiles.write(target, buffer.array());
    }

    private static void checkShape(double[] values, int[] shape) {
        long size = 1;
        for (int len : shape) {
            size *= len;
        }
        if (shape.length == 0 || size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length
                    + " values");
        }
    }
}
