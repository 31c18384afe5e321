package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesWriterTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path target = dir.resolve("out.tsv");
        AtomicFiles.write(target, out -> out.write("first\n"));
        AtomicFiles.write(target, out -> out.write("second\n"));
        assertEquals("second\n", Files.readString(target));
        assertEquals(List.of("out.tsv"), names());
    }

    @Test
    void failureLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.tsv"), "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial");
            throw new IOException("disk full");
        }));
        assertEquals(target + ": cannot write: disk full", e.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.tsv"), names());
    }

    @Test
    void failureWithoutTargetCreatesNothing() throws IOException {
        Path target = dir.resolve("new.tsv");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial");
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void missingDirectoryIsAnErrorNamingTheTarget() {
        Path target = dir.resolve("no/such/dir/out.tsv");
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.write(target, out -> out.write("x")));
        assertEquals(target + ": cannot write: no such file or directory", e.getMessage());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }
}
