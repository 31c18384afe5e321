package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole-file reads for the formats that are parsed from a byte array. */
final class FileBytes {
    /** The largest Java array. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private FileBytes() {
    }

    /** The file's bytes; a file over 2 GB is refused with a message instead of an OutOfMemoryError. */
    static byte[] readAll(Path file, String kind) throws IOException {
        if (Files.size(file) > MAX_ARRAY) {
            throw new BadInputException(file.toString(), "over 2 GB; a " + kind + " this large is not supported");
        }
        return Files.readAllBytes(file);
    }
}
