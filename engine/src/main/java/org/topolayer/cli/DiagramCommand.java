package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.BadInputException;
import org.topolayer.io.DiagramWriter;
import org.topolayer.io.Examples;
import org.topolayer.io.FileProblems;
import org.topolayer.persistence.PersistenceDiagrams;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code topo diagram} (ARCHITECTURE §4): checks the options, runs the computation, writes the diagrams. */
@Command(name = "diagram", sortOptions = false,
        description = {
            "Compute the persistence diagrams of an image, a point cloud or a simplicial complex.",
            "TSV output: one bar per line, dim<TAB>birth<TAB>death, sorted by dim, then birth, then death;"
                    + " essential bars die at inf (-inf with --superlevel); bars of length zero are not printed."},
        footer = {
            "%nInputs (the format follows the extension: .csv .tsv .txt .npy .png .pgm):",
            "  levelset     1-D signal: a one-row or one-column text file, or a 1-D .npy",
            "               2-D image: text (one row per line), .npy, PNG or PGM",
            "                 (gray levels; a colour PNG is converted to luminance)",
            "               3-D volume: a 3-D .npy",
            "  rips, alpha  points, one per line (text), or an n x d .npy;",
            "                 with --distance-matrix, an n x n matrix",
            "  complex      a text file with one simplex per line, vertex ids separated",
            "                 by spaces (faces are added), and --values",
            "%nBuilt-in examples, usable as --input with no data at hand:",
            "  example:ring    64x64 image of a bright ring (levelset)",
            "  example:circle  100 noisy points on the unit circle (rips, alpha)",
            "  example:torus   triangulated torus with vertex heights as values",
            "                    (complex; --values not needed; try --maxdim 2)",
            "%nExamples:",
            "  topo diagram --filtration levelset --input example:ring --superlevel",
            "  topo diagram --filtration rips --input example:circle --format json",
            "  topo diagram --filtration complex --input mesh.txt --values heights.txt \\",
            "      --output bars.tsv",
            "%nExit codes: 0 success; 1 bad input (one line on stderr naming the file);",
            "2 bad options."})
final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--filtration", required = true, paramLabel = "levelset|rips|alpha|complex",
            description = "levelset: sublevel sets of a signal, image or volume (Freudenthal triangulation);"
                    + " rips: Vietoris-Rips; alpha: Delaunay-based; complex: lower-star filtration of your complex.")
    FiltrationKind filtration;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The image, points or complex (see Inputs below), or example:NAME.")
    String input;

    @Option(names = "--values", paramLabel = "FILE",
            description = "complex only: the vertex values, one per line (line k: vertex k-1), or a 1-D .npy.")
    String values;

    @Option(names = "--maxdim", paramLabel = "K", defaultValue = "1",
            description = "Highest homology dimension to compute (default: ${DEFAULT-VALUE}).")
    int maxDimension;

    @Option(names = "--superlevel",
            description = "levelset and complex only: superlevel sets instead (births at high values).")
    boolean superlevel;

    @Option(names = "--threshold", paramLabel = "T",
            description = "rips only: leave out edges longer than T (default: no threshold).")
    Double threshold;

    @Option(names = "--format", paramLabel = "tsv|json", defaultValue = "tsv",
            description = "Output format (default: ${DEFAULT-VALUE}). JSON: {\"filtration\", \"superlevel\","
                    + " \"maxdim\", \"diagrams\": [{\"dim\", \"bars\": [[birth, death], ...]}]},"
                    + " infinite deaths as \"inf\"/\"-inf\".")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE instead of stdout (all at once: a failed run leaves no partial file).")
    Path output;

    @Option(names = "--alpha-mode", paramLabel = "weak|exact",
            description = "alpha only: weak (default; Delaunay simplices valued by longest edge, as Rips)"
                    + " or exact (squared circumradius, as GUDHI's alpha complex).")
    AlphaMode alphaMode;

    @Option(names = "--distance-matrix",
            description = "rips only: the input is a square matrix of pairwise distances, not points.")
    boolean distanceMatrix;

    @Option(names = "--debug", description = "On errors, also print the stack trace.")
    boolean debug;

    @Override
    public Integer call() {
        DiagramRequest request = checkedRequest();
        PersistenceDiagrams diagrams;
        try {
            diagrams = DiagramComputation.run(request);
        } catch (BadInputException e) {
            return fail(e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            return fail(input + ": out of memory; give Java more heap, e.g. TOPO_JAVA_OPTS=-Xmx8g", e);
        } catch (RuntimeException e) {
            return fail("internal error (" + e + "); run with --debug for the stack trace", e);
        }
        return write(diagrams);
    }

    private int write(PersistenceDiagrams diagrams) {
        DiagramWriter writer = format.writer(filtration);
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                writer.write(diagrams, out);
                out.flush();
            } else {
                AtomicFiles.write(output, out -> writer.write(diagrams, out));
            }
            return ExitCode.OK;
        } catch (IOException e) {
            return fail((output == null ? "stdout" : output.toString()) + ": cannot write: " + FileProblems.describe(e), e);
        }
    }

    /** The request, once the options fit together; otherwise a usage error (exit code 2). */
    private DiagramRequest checkedRequest() {
        if (maxDimension < 0) {
            throw usageError("--maxdim must be 0 or more, got " + maxDimension
                    + " (0: components only, 1: also loops, 2: also voids)");
        }
        requireFiltrationFor(threshold != null, "--threshold", FiltrationKind.RIPS);
        requireFiltrationFor(distanceMatrix, "--distance-matrix", FiltrationKind.RIPS);
        requireFiltrationFor(alphaMode != null, "--alpha-mode", FiltrationKind.ALPHA);
        requireFiltrationFor(values != null, "--values", FiltrationKind.COMPLEX);
        requireFiltrationFor(superlevel, "--superlevel", FiltrationKind.LEVELSET, FiltrationKind.COMPLEX);
        if (threshold != null && !(threshold >= 0)) {
            throw usageError("--threshold must be a distance of 0 or more, got " + threshold);
        }
        boolean complex = filtration == FiltrationKind.COMPLEX;
        if (complex && values == null && !Examples.isExample(input)) {
            throw usageError("--filtration complex needs --values FILE: a file with one value per vertex, one per line");
        }
        String valuesSource = values != null ? values : complex ? input : null; // an example complex brings its values
        return new DiagramRequest(filtration, input, valuesSource, maxDimension, superlevel,
                threshold != null ? threshold : Double.POSITIVE_INFINITY,
                alphaMode != null ? alphaMode : AlphaMode.WEAK, distanceMatrix);
    }

    private void requireFiltrationFor(boolean given, String option, FiltrationKind... applicable) {
        if (given && !Arrays.asList(applicable).contains(filtration)) {
            String kinds = Arrays.stream(applicable).map(k -> "--filtration " + k).collect(Collectors.joining(" or "));
            throw usageError(option + " does not apply to --filtration " + filtration + " (only to " + kinds
                    + "); remove it");
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int fail(String line, Throwable e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + line);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.SOFTWARE;
    }
}
