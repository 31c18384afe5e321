package org.topolayer.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes .npy files byte by byte, as NumPy lays them out, for the reader tests. */
public final class NpyFiles {
    private NpyFiles() {
    }

    /** A file with the given header fields and raw data bytes, padded as NumPy pads (to 64 bytes). */
    public static Path write(Path file, int version, String descr, boolean fortranOrder, String shape, byte[] data)
            throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + shape + ", }";
        int lengthBytes = version == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthBytes + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        ByteBuffer length = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (version == 1) {
            length.putShort((short) header.length());
        } else {
            length.putInt(header.length());
        }
        out.write(length.array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        return Files.write(file, out.toByteArray());
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] ints(ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
