package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a PGM (Netpbm grayscale) image, binary P5 or plain-text P2, as a height × width grid of
 * raw gray levels (0..maxval). Levels take one byte when maxval &lt; 256 and two big-endian bytes
 * otherwise (16-bit). Header comments ('#' to end of line) are allowed; only the first image of a
 * multi-image file is read.
 */
public final class PgmReader {
    private PgmReader() {
    }

    public static Grid read(Path file) throws IOException {
        Cursor in = new Cursor(FileBytes.readAll(file, "PGM image"), file.toString());
        boolean binary = in.readMagicIsBinary();
        int width = in.headerInt("width");
        int height = in.headerInt("height");
        int maxval = in.headerInt("maxval");
        if (width < 1 || height < 1) {
            throw new BadInputException(in.source, "empty image (" + width + "×" + height + ")");
        }
        if (maxval < 1 || maxval > 65535) {
            throw new BadInputException(in.source, "maxval " + maxval + " is outside 1..65535");
        }
        if ((long) width * height > Integer.MAX_VALUE) {
            throw new BadInputException(in.source, "image of " + width + "×" + height + " pixels is too large");
        }
        if (binary) {
            in.skipOneWhitespace();
        }
        in.requireRoomFor(width * height, binary, maxval > 255 ? 2 : 1); // before allocating for them
        double[] values = new double[width * height];
        for (int i = 0; i < values.length; i++) {
            int level = binary ? in.binaryLevel(maxval > 255, i, values.length) : in.textLevel(i, values.length);
            if (level > maxval) {
                throw new BadInputException(in.source, "pixel (" + i / width + ", " + i % width + ") has level "
                        + level + ", above maxval " + maxval);
            }
            values[i] = level;
        }
        return Grid.owning(values, height, width);
    }

    /** A cursor over the file's bytes that knows the PGM token rules. */
    private static final class Cursor {
        final byte[] bytes;
        final String source;
        int pos;

        Cursor(byte[] bytes, String source) {
            this.bytes = bytes;
            this.source = source;
        }

        /** True for binary P5, false for plain P2. */
        boolean readMagicIsBinary() throws BadInputException {
            if (bytes.length < 2 || bytes[0] != 'P' || (bytes[1] != '5' && bytes[1] != '2')) {
                throw new BadInputException(source, "not a PGM image (expected it to start with P5 or P2)");
            }
            pos = 2;
            return bytes[1] == '5';
        }

        int headerInt(String field) throws BadInputException {
            Integer value = nextInt();
            if (value == null) {
                throw new BadInputException(source, "truncated or malformed header: missing " + field);
            }
            return value;
        }

        int textLevel(int pixel, int pixels) throws BadInputException {
            Integer value = nextInt();
            if (value == null) {
                throw truncated(pixel, pixels);
            }
            return value;
        }

        int binaryLevel(boolean twoBytes, int pixel, int pixels) throws BadInputException {
            int needed = twoBytes ? 2 : 1;
            if (pos + needed > bytes.length) {
                throw truncated(pixel, pixels);
            }
            int level = bytes[pos++] & 0xFF;
            if (twoBytes) {
                level = (level << 8) | (bytes[pos++] & 0xFF); // 16-bit PGM is big-endian
            }
            return level;
        }

        /**
         * Refuses a header that promises more pixels than the rest of the file can hold (binary:
         * bytesPerLevel bytes each; plain text: a digit each and a separator between), so a corrupt
         * header cannot make the reader allocate gigabytes.
         */
        void requireRoomFor(int pixels, boolean binary, int bytesPerLevel) throws BadInputException {
            long room = bytes.length - (long) pos;
            long fit = binary ? room / bytesPerLevel : (room + 1) / 2;
            if (fit < pixels) {
                throw binary ? truncated((int) fit, pixels) : new BadInputException(source, "truncated: the header"
                        + " promises " + pixels + " pixels but the rest of the file holds at most " + fit);
            }
        }

        void skipOneWhitespace() {
            pos++; // exactly one whitespace byte separates maxval from binary data
        }

        /** The next decimal token after whitespace and comments, or null at the end of the file or on junk. */
        private Integer nextInt() throws BadInputException {
            skipWhitespaceAndComments();
            int start = pos;
            long value = 0;
            while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9' && value <= Integer.MAX_VALUE) {
                value = value * 10 + (bytes[pos++] - '0');
            }
            if (pos == start) {
                if (pos < bytes.length) {
                    throw new BadInputException(source, "unexpected byte " + (bytes[pos] & 0xFF) + " at offset " + pos
                            + " (expected a decimal number)");
                }
                return null;
            }
            if (value > Integer.MAX_VALUE) {
                throw new BadInputException(source, "number too large at offset " + start);
            }
            return (int) value;
        }

        private void skipWhitespaceAndComments() {
            while (pos < bytes.length) {
                byte b = bytes[pos];
                if (b == '#') {
                    while (pos < bytes.length && bytes[pos] != '\n' && bytes[pos] != '\r') {
                        pos++;
                    }
                } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private BadInputException truncated(int pixel, int pixels) {
            return new BadInputException(source, "truncated: the header promises " + pixels + " pixels but the data ends after "
                    + pixel);
        }
    }
}
