package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the text goes to a temporary file in the target's
 * directory, which is then renamed over the target. A failure leaves the target as it was and
 * removes the temporary file, so readers never see partial output. File-system failures surface
 * as {@link OutputException}, whose message names the target.
 */
public final class AtomicFiles {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        replace(target, temporary -> {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                content.writeTo(out);
            }
        });
    }

    /** Writes binary content all at once or not at all. */
    public static void write(Path target, byte[] bytes) throws IOException {
        replace(target, temporary -> Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW));
    }

    private interface TemporaryWrite {
        void to(Path temporary) throws IOException;
    }

    private static void replace(Path target, TemporaryWrite write) throws IOException {
        Path absolute = target.toAbsolutePath();
        // not Files.createTempFile: it makes the file owner-only (0600), and the output should get the usual umask permissions
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            write.to(temporary);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io && !(e instanceof OutputException) && !(e instanceof BadInputException)) {
                throw new OutputException(target, io);
            }
            throw e;
        }
    }
}
