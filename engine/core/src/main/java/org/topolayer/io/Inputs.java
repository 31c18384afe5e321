package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads each kind of input a persistence computation takes, from a file or a built-in example
 * ({@code example:NAME}, see {@link Examples}), and checks that the data has the right form for
 * that role. Every problem, including a missing or unreadable file, is a
 * {@link BadInputException} naming the file.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * A signal, image or volume for level-set persistence: any format; a matrix with one row or
     * one column is a 1-D signal.
     */
    public static Grid grid(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            return Examples.grid(spec);
        }
        return fromFile(spec, file -> InputFormat.of(file).read(file).squeezeToSignal());
    }

    /**
     * As {@link #grid}, but a matrix with one row or one column stays 2-D as stored: the layout to
     * write results that correspond entry by entry to the input.
     */
    public static Grid storedGrid(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            return Examples.grid(spec);
        }
        return fromFile(spec, file -> InputFormat.of(file).read(file));
    }

    /**
     * The shape a binary input file declares in its header (.npy, PNG), before it is loaded; null
     * for examples and formats read in full (text, PGM). Problems are reported as by the loaders.
     */
    public static int[] declaredShape(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            return null;
        }
        return fromFile(spec, file -> InputFormat.of(file).declaredShape(file));
    }

    /** Whether the input (a file name or example:NAME) is a .npy file. */
    public static boolean isNpy(String spec) {
        return !Examples.isExample(spec) && spec.toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
    }

    /** A point cloud, one point per row (text or .npy, n × d; a 1-D array is n points on a line). */
    public static double[][] points(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            return Examples.points(spec);
        }
        return fromFile(spec, file -> matrix(file, "a point cloud").rows());
    }

    /**
     * Sparse pairwise distances: rows {@code i j d} (text or .npy, three columns), point ids
     * 0-based whole numbers; the points are 0..(largest id). Returned as the three columns.
     */
    public static SparseDistances sparseDistances(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            throw Examples.notOfKind(spec, "sparse distances");
        }
        return fromFile(spec, file -> {
            Grid table = matrix(file, "sparse distances");
            int[] shape = table.shape();
            if (shape.length != 2 || shape[1] != 3) {
                throw new BadInputException(spec, "sparse distances need three columns (i j d), got "
                        + table.shapeText());
            }
            double[] v = table.values();
            int m = shape[0];
            int[] rows = new int[m], cols = new int[m];
            double[] distances = new double[m];
            int n = 0;
            for (int k = 0; k < m; k++) {
                for (int c = 0; c < 2; c++) {
                    double id = v[3 * k + c];
                    if (id < 0 || id != Math.rint(id) || id >= Integer.MAX_VALUE - 1) {
                        throw new BadInputException(spec, "row " + (k + 1) + ", column " + (c + 1) + ": point id "
                                + id + " is not a whole number ≥ 0");
                    }
                    n = Math.max(n, (int) id + 1);
                }
                rows[k] = (int) v[3 * k];
                cols[k] = (int) v[3 * k + 1];
                distances[k] = v[3 * k + 2];
            }
            return new SparseDistances(n, rows, cols, distances);
        });
    }

    /** Pairs (rows[k], cols[k]) at distances[k] among n points. */
    public record SparseDistances(int n, int[] rows, int[] cols, double[] distances) {}

    /** A square matrix of pairwise distances (text or .npy). */
    public static double[][] distanceMatrix(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            throw Examples.notOfKind(spec, "a distance matrix");
        }
        return fromFile(spec, file -> {
            Grid matrix = matrix(file, "a distance matrix");
            int[] shape = matrix.shape();
            if (shape.length != 2 || shape[0] != shape[1]) {
                throw new BadInputException(spec, "a distance matrix must be square, got " + matrix.shapeText());
            }
            return matrix.rows();
        });
    }

    /**
     * A complex: an OFF mesh ({@code .off}, its faces) or, whatever else its name, a text file with
     * one simplex per line. Array and image files are refused: they hold no simplices.
     */
    public static Simplices complex(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            return Examples.complex(spec);
        }
        return fromFile(spec, file -> {
            if (isOff(file)) {
                return OffReader.read(file).faces();
            }
            if (hasExtension(file, ".npy", ".png", ".pgm")) {
                throw new BadInputException(spec, "a complex is an OFF mesh (.off) or a text file with one simplex per line,"
                        + " not an array or an image");
            }
            return ComplexReader.read(file);
        });
    }

    /** The coordinate names that --values may give for an OFF mesh: a height function on the mesh. */
    public static final List<String> MESH_COORDINATES = List.of("x", "y", "z");

    /**
     * The values of a complex's vertices: {@code x}, {@code y} or {@code z} for that coordinate of an
     * OFF mesh's vertices, otherwise {@link #vertexValues(String)} of the file.
     */
    public static double[] vertexValues(String spec, String complexSpec) throws BadInputException {
        int axis = MESH_COORDINATES.indexOf(spec);
        if (axis < 0) {
            return vertexValues(spec);
        }
        if (Examples.isExample(complexSpec) || !isOff(Path.of(complexSpec))) {
            throw new BadInputException(spec, "coordinate values (x, y, z) need an OFF mesh as the complex;"
                    + " give a file with one value per vertex instead");
        }
        return fromFile(complexSpec, file -> {
            double[][] vertices = OffReader.read(file).vertices();
            double[] values = new double[vertices.length];
            for (int v = 0; v < values.length; v++) {
                values[v] = vertices[v][axis];
            }
            return values;
        });
    }

    private static boolean isOff(Path file) {
        return hasExtension(file, ".off");
    }

    private static boolean hasExtension(Path file, String... extensions) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** One value per vertex: a text file with one value per line, or a 1-D .npy array. */
    public static double[] vertexValues(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            return Examples.vertexValues(spec);
        }
        return fromFile(spec, file -> {
            Grid values = matrix(file, "vertex values").squeezeToSignal();
            if (values.rank() != 1) {
                throw new BadInputException(spec, "expected one value per line, got " + values.shapeText() + " values");
            }
            return values.values();
        });
    }

    /** Persistence diagrams as {@code topo diagram --format tsv} writes them, one bar per line. */
    public static java.util.List<TsvDiagramReader.Bar> diagramBars(String spec) throws BadInputException {
        if (Examples.isExample(spec)) {
            throw Examples.notOfKind(spec, "a diagram file");
        }
        return fromFile(spec, TsvDiagramReader::read);
    }

    /** A text or .npy file holding a 1-D or 2-D array. */
    private static Grid matrix(Path file, String role) throws IOException {
        InputFormat format = InputFormat.of(file);
        if (format.isImage()) {
            throw new BadInputException(file.toString(), "an image cannot be " + role + "; give it as .csv, .tsv, .txt or .npy");
        }
        Grid grid = format.read(file);
        if (grid.rank() == 3) {
            throw new BadInputException(file.toString(), "a 3-D array (" + grid.shapeText() + ") cannot be " + role);
        }
        return grid;
    }

    /** A whole file's bytes, for formats parsed from memory ({@code kind} names the format in messages). */
    public static byte[] bytes(String spec, String kind) throws BadInputException {
        return fromFile(spec, file -> FileBytes.readAll(file, kind));
    }

    private interface FileLoad<T> {
        T load(Path file) throws IOException;
    }

    /** Runs a load, turning every I/O failure into a one-line error that names the file. */
    private static <T> T fromFile(String spec, FileLoad<T> load) throws BadInputException {
        Path file;
        try {
            file = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new BadInputException(spec, "not a valid file name (" + e.getReason() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(spec, "is a directory, not a file");
        }
        try {
            return load.load(file);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw new BadInputException(spec, FileProblems.describe(e));
        }
    }
}
