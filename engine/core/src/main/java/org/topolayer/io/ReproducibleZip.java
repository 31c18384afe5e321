package org.topolayer.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives whose bytes depend only on their entries: every entry carries the same fixed
 * time (a zip otherwise records when it was written, so saving one model twice gave two
 * checksums). The time is set as a local date, which the zip format stores as is, so the bytes do
 * not depend on the machine's time zone either. Entries are deflated, so another zlib build may
 * give other (equally valid) bytes.
 */
public final class ReproducibleZip {
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ReproducibleZip() {}

    /** Adds an entry with the fixed time. */
    public static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** The same entries, in the same order, with the fixed time (for archives another library wrote). */
    public static byte[] rewrite(byte[] zipBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zipBytes.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                put(zip, e.getName(), in.readAllBytes());
            }
        }
        return out.toByteArray();
    }
}
