package org.topolayer.data;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.topolayer.io.BadInputException;

/**
 * Reads the regular files of a gzip tar archive (an npm package tarball) into memory, without
 * writing anything to disk (so no archive path can escape a folder). Handles ustar names with
 * their prefix and pax {@code path} records; other entry types (folders, links) are skipped.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {}

    /**
     * The contents of the regular files whose names {@code wanted} accepts, by name.
     *
     * @param source the archive's name, for error messages
     * @throws BadInputException if the archive is not gzip, not tar, or truncated
     */
    static Map<String, byte[]> read(byte[] archive, String source, Predicate<String> wanted) throws BadInputException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            String paxPath = null;
            while (true) {
                in.readFully(header);
                if (allZero(header)) {
                    return files;
                }
                String name = text(header, 0, 100);
                if (text(header, 257, 5).equals("ustar") && header[345] != 0) {
                    name = text(header, 345, 155) + "/" + name;
                }
                long size = octal(header, 124, 12, source);
                char type = (char) header[156];
                byte[] data = size <= Integer.MAX_VALUE - 8 && (type == 'x' || wanted.test(paxPath != null ? paxPath : name))
                        ? in.readNBytes((int) size) : null;
                if (data == null) {
                    in.skipNBytes(size);
                } else if (data.length < size) {
                    throw new EOFException();
                }
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (type == 'x') {
                    paxPath = paxPath(data);
                    continue;
                }
                if ((type == '0' || type == 0) && data != null) {
                    files.put(paxPath != null ? paxPath : name, data);
                }
                paxPath = null;
            }
        } catch (EOFException e) {
            throw new BadInputException(source, "truncated tar archive; download it again");
        } catch (ZipException e) {
            throw new BadInputException(source, "not a gzip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(source, "unreadable archive (" + e.getMessage() + ")");
        }
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** A NUL-terminated ASCII field. */
    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length, String source) throws BadInputException {
        String field = text(header, offset, length).trim();
        try {
            return field.isEmpty() ? 0 : Long.parseLong(field, 8);
        } catch (NumberFormatException e) {
            throw new BadInputException(source, "not a tar archive (entry size '" + field + "')");
        }
    }

    /** The {@code path} of a pax extended header ("LEN key=value\n" records), or null. */
    private static String paxPath(byte[] records) throws IOException {
        String path = null;
        InputStream in = new ByteArrayInputStream(records);
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : all.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                path = line.substring(space + 1 + "path=".length());
            }
        }
        return path;
    }
}
