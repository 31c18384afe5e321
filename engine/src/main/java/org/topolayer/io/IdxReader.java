package org.topolayer.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed: a big-endian
 * header (two zero bytes, a type byte, the number of dimensions, then each dimension as an int)
 * followed by the data. Only unsigned bytes (type 0x08) are supported, which is what the
 * image and label files use.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The contents of one IDX file: its shape and its values as unsigned bytes. */
    public record Tensor(int[] shape, byte[] data) {
        public int count() {
            return shape[0];
        }

        /** Value i as 0..255. */
        public int unsigned(int i) {
            return data[i] & 0xFF;
        }
    }

    private IdxReader() {}

    /**
     * @throws BadInputException naming the file and the problem (bad magic, unsupported type,
     *     truncated data)
     */
    public static Tensor read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return readTensor(file, in);
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "no such file");
        } catch (EOFException e) {
            throw new BadInputException(file.toString(), "truncated IDX file");
        }
    }

    private static Tensor readTensor(Path file, DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0 || in.readUnsignedByte() != 0) {
            throw new BadInputException(file.toString(), "not an IDX file (magic number must start with two zero bytes)");
        }
        int type = in.readUnsignedByte();
        if (type != UNSIGNED_BYTE) {
            throw new BadInputException(file.toString(), String.format("IDX data type 0x%02x is not supported; "
                    + "only unsigned bytes (0x08) are", type));
        }
        int dims = in.readUnsignedByte();
        if (dims < 1 || dims > 4) {
            throw new BadInputException(file.toString(), "IDX file with " + dims + " dimensions; expected 1 to 4");
        }
        int[] shape = new int[dims];
        long total = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = in.readInt();
            if (shape[d] < 0) {
                throw new BadInputException(file.toString(), "negative IDX dimension " + shape[d]);
            }
            total *= shape[d];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new BadInputException(file.toString(), "IDX file too large: " + total + " values");
        }
        byte[] data = new byte[(int) total];
        in.readFully(data);
        return new Tensor(shape, data);
    }
}
