package org.topolayer.spark.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.topolayer.spark.BadJobInputException;

/**
 * Reads a run of rows from an IDX file (plain or gzip) without loading the rest: the header, then
 * skip to the first row. Each task reads only its own chunk, so no image passes through the driver.
 */
final class IdxRows {
    private IdxRows() {}

    /** The header's first dimension (the number of rows). */
    static int count(Path file) {
        try (DataInputStream in = open(file)) {
            return header(file, in)[0];
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Rows start .. start+count as unsigned bytes, row-major; each row has the product of the other dimensions. */
    static byte[] read(Path file, int start, int count) {
        try (DataInputStream in = open(file)) {
            int[] shape = header(file, in);
            int rowBytes = 1;
            for (int i = 1; i < shape.length; i++) {
                rowBytes *= shape[i];
            }
            if (start + count > shape[0]) {
                throw new BadJobInputException(file + " has " + shape[0] + " rows, rows up to " + (start + count)
                        + " were asked for; is the file truncated? Re-install the dataset");
            }
            in.skipNBytes((long) start * rowBytes);
            byte[] rows = new byte[count * rowBytes];
            in.readFully(rows);
            return rows;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static int[] header(Path file, DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0 || in.readUnsignedByte() != 0 || in.readUnsignedByte() != 0x08) {
            throw new BadJobInputException(file + " is not an IDX file of unsigned bytes; give the MNIST-layout"
                    + " *-idx3-ubyte / *-idx1-ubyte files (plain or .gz)");
        }
        int[] shape = new int[in.readUnsignedByte()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readInt();
        }
        return shape;
    }

    private static BadJobInputException unreadable(Path file, IOException e) {
        String why = e instanceof EOFException ? "is truncated" : "cannot be read (" + e + ")";
        return new BadJobInputException(file + " " + why + "; check the path and the file's permissions");
    }
}
