package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The file formats numeric inputs come in, chosen by file name extension (case-insensitive). */
public enum InputFormat {
    /** A text matrix, see {@link CsvMatrixReader}. */
    TEXT(".csv", ".tsv", ".txt"),
    NPY(".npy"),
    PNG(".png"),
    PGM(".pgm");

    private final List<String> extensions;

    InputFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    public static InputFormat of(Path file) throws BadInputException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (InputFormat format : values()) {
            for (String extension : format.extensions) {
                if (name.endsWith(extension)) {
                    return format;
                }
            }
        }
        int dot = name.lastIndexOf('.');
        String found = dot < 0 ? "no extension" : "unknown extension '" + name.substring(dot) + "'";
        throw new BadInputException(file.toString(), found + " (expected .csv, .tsv, .txt, .npy, .png or .pgm)");
    }

    public boolean isImage() {
        return this == PNG || this == PGM;
    }

    /**
     * The shape a binary file's header declares, read without the data, so that a size limit can
     * be checked before loading; null for formats whose size is only known by reading them (text
     * and PGM, whose values take at least a byte of the file each).
     */
    public int[] declaredShape(Path file) throws IOException {
        return switch (this) {
            case NPY -> NpyReader.declaredShape(file);
            case PNG -> PngReader.declaredShape(file);
            case TEXT, PGM -> null;
        };
    }

    /** Reads the file as a grid: text and images give 2-D grids, .npy files their own shape. */
    public Grid read(Path file) throws IOException {
        return switch (this) {
            case TEXT -> CsvMatrixReader.read(file);
            case NPY -> NpyReader.read(file);
            case PNG -> PngReader.read(file);
            case PGM -> PgmReader.read(file);
        };
    }
}
