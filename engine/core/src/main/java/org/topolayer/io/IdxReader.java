package org.topolayer.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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
     * @throws BadInputException naming the file and the problem (missing or unreadable file, bad
     *     magic, unsupported type, truncated or corrupt data)
     */
    public static Tensor read(Path file) throws IOException {
        String source = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return readTensor(source, in, gzip ? -1 : Files.size(file));
            }
        } catch (BadInputException e) {
            throw e;
        } catch (EOFException e) {
            throw new BadInputException(source, "truncated IDX file (it ends inside the header)");
        } catch (ZipException e) {
            throw new BadInputException(source, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(source, FileProblems.describe(e));
        }
    }

    /** @param fileSize the size of an uncompressed file, or -1 for gzip, whose data is only known by reading it */
    private static Tensor readTensor(String source, DataInputStream in, long fileSize) throws IOException {
        if (in.readUnsignedByte() != 0 || in.readUnsignedByte() != 0) {
            throw new BadInputException(source, "not an IDX file (magic number must start with two zero bytes)");
        }
        int type = in.readUnsignedByte();
        if (type != UNSIGNED_BYTE) {
            throw new BadInputException(source, String.format("IDX data type 0x%02x is not supported; "
                    + "only unsigned bytes (0x08) are", type));
        }
        int dims = in.readUnsignedByte();
        if (dims < 1 || dims > 4) {
            throw new BadInputException(source, "IDX file with " + dims + " dimensions; expected 1 to 4");
        }
        int[] shape = new int[dims];
        long total = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = in.readInt();
            if (shape[d] < 0) {
                throw new BadInputException(source, "negative IDX dimension " + shape[d]);
            }
            total *= shape[d]; // at most 4 factors below 2^31: no overflow check needed before the size test
            if (total > Integer.MAX_VALUE - 8) {
                throw new BadInputException(source, "IDX header declares over 2^31 values; the file is corrupt or too large");
            }
        }
        long headerBytes = 4 + 4L * dims;
        if (fileSize >= 0 && fileSize - headerBytes < total) {
            throw new BadInputException(source, "truncated: the header declares " + total + " values but "
                    + (fileSize - headerBytes) + " bytes follow");
        }
        // readNBytes grows its buffer with the data actually read, so a corrupt gzip header cannot allocate 2 GB
        byte[] data = in.readNBytes((int) total);
        if (data.length < total) {
            throw new BadInputException(source, "truncated: the header declares " + total + " values but the data ends after "
                    + data.length);
        }
        return new Tensor(shape, data);
    }
}
