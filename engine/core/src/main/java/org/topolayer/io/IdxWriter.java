package org.topolayer.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes unsigned-byte IDX files (the MNIST format {@link IdxReader} reads): two zero bytes, the
 * type 0x08, the number of dimensions, each dimension as a big-endian int, then the bytes.
 */
public final class IdxWriter {
    private IdxWriter() {}

    /**
     * The bytes of an uncompressed IDX file.
     *
     * @throws IllegalArgumentException if the shape has no dimension, more than 4 (IdxReader's limit), a
     *     negative one, or does not match the data's length
     */
    public static byte[] encode(int[] shape, byte[] data) {
        if (shape.length < 1 || shape.length > 4) {
            throw new IllegalArgumentException("IDX files have 1 to 4 dimensions, got " + shape.length);
        }
        long total = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative IDX dimension " + s);
            }
            total *= s;
        }
        if (total != data.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs " + total
                    + " values, got " + data.length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + 4 * shape.length + data.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(0x08);
            out.writeByte(shape.length);
            for (int s : shape) {
                out.writeInt(s);
            }
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }
}
