package org.topolayer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} file (format versions 1, 2 and 3) holding a 1-D, 2-D or 3-D array.
 * Supported dtypes: float32 and float64, and the integer types int8..int64 and uint8..uint64,
 * converted to double (64-bit integers above 2^53 are rounded); either byte order. Arrays in
 * Fortran order are returned in C (row-major) order. Float arrays must be finite.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DTYPE = Pattern.compile("([<>|=])([fiu])([1248])");

    private NpyReader() {
    }

    public static Grid read(Path file) throws IOException {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            Header header = readHeader(in, source);
            // checked before reading, so a corrupt header cannot make the reader allocate gigabytes
            long following = Files.size(file) - header.dataOffset;
            if (following < header.dataBytes()) {
                throw new BadInputException(source, "truncated: the header promises " + Grid.shapeText(header.shape)
                        + " values (" + header.dataBytes() + " bytes) but only " + following + " bytes follow");
            }
            byte[] data = in.readNBytes(header.dataBytes());
            if (data.length < header.dataBytes()) {
                throw new BadInputException(source, "truncated while reading (the file shrank?)");
            }
            double[] values = header.decode(ByteBuffer.wrap(data).order(header.order));
            if (header.fortranOrder) {
                values = fortranToC(values, header.shape);
            }
            if (header.kind == 'f') {
                requireFinite(values, header.shape, source);
            }
            return Grid.owning(values, header.shape);
        }
    }

    /** The shape the header declares, read without the data (to check a size limit before loading). */
    public static int[] declaredShape(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readHeader(in, file.toString()).shape.clone();
        }
    }

    private static Header readHeader(InputStream in, String source) throws IOException {
        byte[] preamble = in.readNBytes(MAGIC.length + 2);
        if (preamble.length < MAGIC.length + 2) {
            throw new BadInputException(source, "not a .npy file (too short, " + preamble.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (preamble[i] != MAGIC[i]) {
                throw new BadInputException(source, "not a .npy file (it does not start with \\x93NUMPY)");
            }
        }
        int major = preamble[MAGIC.length];
        if (major < 1 || major > 3) {
            throw new BadInputException(source, "unsupported .npy format version " + major + " (1, 2 and 3 are supported)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new BadInputException(source, "truncated .npy header");
        }
        long headerLength = lengthBytes == 2
                ? ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF
                : ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLength > 1 << 20) {
            throw new BadInputException(source, "implausible .npy header length " + headerLength);
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw new BadInputException(source, "truncated .npy header");
        }
        // versions 1 and 2 store the header in latin-1, version 3 in UTF-8
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return Header.parse(dict, source, MAGIC.length + 2 + lengthBytes + headerLength);
    }

    private static double[] fortranToC(double[] fortran, int[] shape) {
        int rank = shape.length;
        int[] stride = new int[rank]; // Fortran strides: the first axis varies fastest
        stride[0] = 1;
        for (int k = 1; k < rank; k++) {
            stride[k] = stride[k - 1] * shape[k - 1];
        }
        double[] c = new double[fortran.length];
        int[] index = new int[rank];
        for (int i = 0; i < c.length; i++) {
            int offset = 0;
            for (int k = 0; k < rank; k++) {
                offset += index[k] * stride[k];
            }
            c[i] = fortran[offset];
            for (int k = rank - 1; k >= 0 && ++index[k] == shape[k]; k--) { // C order: the last axis varies fastest
                index[k] = 0;
            }
        }
        return c;
    }

    private static void requireFinite(double[] values, int[] shape, String source) throws BadInputException {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException(source, "entry " + indexText(i, shape) + " is " + values[i]
                        + " (values must be finite)");
            }
        }
    }

    /** The C-order multi-index of a flat position, as "(2, 5)". */
    private static String indexText(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            index[k] = flat % shape[k];
            flat /= shape[k];
        }
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < index.length; k++) {
            sb.append(k > 0 ? ", " : "").append(index[k]);
        }
        return sb.append(')').toString();
    }

    /** The parsed header dictionary: dtype, order and shape. */
    private record Header(char kind, int itemSize, ByteOrder order, boolean fortranOrder, int[] shape,
                          long dataOffset) {
        static Header parse(String dict, String source, long dataOffset) throws BadInputException {
            Matcher descr = DESCR.matcher(dict);
            Matcher fortran = FORTRAN.matcher(dict);
            Matcher shape = SHAPE.matcher(dict);
            if (!descr.find() || !fortran.find() || !shape.find()) {
                throw new BadInputException(source, "unreadable .npy header (structured dtypes are not supported): "
                        + NumberTokens.shown(dict.strip()));
            }
            Matcher dtype = DTYPE.matcher(descr.group(1));
            if (!dtype.matches() || (dtype.group(2).equals("f") && !"48".contains(dtype.group(3)))) {
                throw new BadInputException(source, "unsupported dtype " + NumberTokens.shown(descr.group(1))
                        + " (expected float32, float64 or an integer type)");
            }
            ByteOrder order = switch (dtype.group(1)) {
                case ">" -> ByteOrder.BIG_ENDIAN;
                case "<" -> ByteOrder.LITTLE_ENDIAN;
                default -> ByteOrder.nativeOrder(); // '=' is native; '|' is a single byte, where order does not matter
            };
            Header header = new Header(dtype.group(2).charAt(0), Integer.parseInt(dtype.group(3)), order,
                    fortran.group(1).equals("True"), parseShape(shape.group(1), source), dataOffset);
            if ((long) header.count() * header.itemSize > Integer.MAX_VALUE - 8) {
                throw new BadInputException(source, "the array of shape " + Grid.shapeText(header.shape)
                        + " is too large to load (over 2 GB of data)");
            }
            return header;
        }

        private static int[] parseShape(String tuple, String source) throws BadInputException {
            List<Integer> extents = new ArrayList<>();
            long size = 1;
            for (String part : tuple.split(",")) {
                String digits = part.strip().replaceFirst("[lL]$", ""); // Python 2 wrote longs as "3L"
                if (digits.isEmpty()) {
                    continue;
                }
                if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 10) {
                    throw new BadInputException(source, "unreadable shape " + NumberTokens.shown("(" + tuple + ")"));
                }
                long extent = Long.parseLong(digits);
                size *= extent;
                if (size > Integer.MAX_VALUE) {
                    throw new BadInputException(source, "array of shape (" + oneLine(tuple) + ") is too large");
                }
                extents.add((int) extent);
            }
            if (extents.size() < 1 || extents.size() > 3) {
                throw new BadInputException(source, "a " + extents.size() + "-D array; expected 1-D, 2-D or 3-D");
            }
            if (size == 0) {
                throw new BadInputException(source, "the array is empty (shape (" + oneLine(tuple) + "))");
            }
            return extents.stream().mapToInt(Integer::intValue).toArray();
        }

        /** A shape tuple whose entries were checked to be digits, with its white space (newlines too) folded. */
        private static String oneLine(String tuple) {
            return tuple.strip().replaceAll("\\s+", " ");
        }

        int count() {
            int n = 1;
            for (int extent : shape) {
                n *= extent;
            }
            return n;
        }

        int dataBytes() {
            return count() * itemSize; // checked to fit by parse
        }

        double[] decode(ByteBuffer data) {
            double[] values = new double[count()];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (kind) {
                    case 'f' -> itemSize == 4 ? data.getFloat() : data.getDouble();
                    case 'i' -> readSigned(data);
                    default -> readUnsigned(data);
                };
            }
            return values;
        }

        private double readSigned(ByteBuffer data) {
            return switch (itemSize) {
                case 1 -> data.get();
                case 2 -> data.getShort();
                case 4 -> data.getInt();
                default -> data.getLong();
            };
        }

        private double readUnsigned(ByteBuffer data) {
            return switch (itemSize) {
                case 1 -> Byte.toUnsignedInt(data.get());
                case 2 -> Short.toUnsignedInt(data.getShort());
                case 4 -> Integer.toUnsignedLong(data.getInt());
                default -> unsignedLongToDouble(data.getLong());
            };
        }

        private static double unsignedLongToDouble(long bits) {
            return bits >= 0 ? bits : ((bits >>> 1) | (bits & 1)) * 2.0; // keeping the low bit makes the rounding exact
        }
    }
}
