package org.topolayer.spark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.FullDiskFileSystem;

/** Whole-file writes on a Hadoop file system: replaced in one rename, never half written, never lost. */
class DriverFilesTest {
    @TempDir
    Path tmp;

    private final Configuration hadoop = new Configuration();

    @AfterEach
    void emptyTheDisk() {
        FullDiskFileSystem.allow(Long.MAX_VALUE);
    }

    @Test
    void aFileIsWrittenReadAndReplacedLeavingNothingBeside() throws IOException {
        FullDiskFileSystem.register(hadoop);
        String file = FullDiskFileSystem.uri(tmp.resolve("models/m.bin")); // the folder is made
        DriverFiles.write(hadoop, file, new byte[] {1, 2, 3});
        DriverFiles.write(hadoop, file, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, DriverFiles.read(hadoop, file));
        assertEquals(List.of("m.bin"), names(tmp.resolve("models")));
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoPartialOne() throws IOException {
        FullDiskFileSystem.register(hadoop);
        String file = FullDiskFileSystem.uri(tmp.resolve("m.bin"));
        DriverFiles.write(hadoop, file, new byte[] {1, 2, 3});
        FullDiskFileSystem.allow(10);
        IOException full = assertThrows(IOException.class, () -> DriverFiles.write(hadoop, file, new byte[4096]));
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        FullDiskFileSystem.allow(Long.MAX_VALUE);
        assertArrayEquals(new byte[] {1, 2, 3}, DriverFiles.read(hadoop, file));
        assertEquals(List.of("m.bin"), names(tmp));
    }

    @Test
    void aFolderOrAMissingFileIsNotRead() {
        assertTrue(assertThrows(IOException.class, () -> DriverFiles.read(hadoop, tmp.toString())).getMessage()
                .contains("is a directory"));
        assertThrows(java.io.FileNotFoundException.class,
                () -> DriverFiles.read(hadoop, tmp.resolve("none").toString()));
    }

    /** Every name in dir, hidden ones and Hadoop's .crc files included. */
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
