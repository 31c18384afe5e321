package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.DiagramWriter;
import org.topolayer.persistence.representatives.Representatives;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topo diagram} (docs/design.md §4): checks the options, runs the computation, writes the diagrams. */
@Command(name = "diagram", sortOptions = false,
        description = {
            "Compute the persistence diagrams of an image, a point cloud or a simplicial complex.",
            "TSV output: one bar per line, dim<TAB>birth<TAB>death, sorted by dim, then birth, then death;"
                    + " essential bars die at inf (-inf with --superlevel); bars of length zero are not printed."},
        footer = {
            "%nInputs (the format follows the extension: .csv .tsv .txt .npy .png .pgm):",
            "  levelset, cubical",
            "               1-D signal: a one-row or one-column text file, or a 1-D .npy",
            "               2-D image: text (one row per line), .npy, PNG or PGM",
            "                 (gray levels; a colour PNG is converted to luminance)",
            "               3-D volume: a 3-D .npy",
            "  rips, alpha  points, one per line (text), or an n x d .npy;",
            "                 with --distance-matrix, an n x n matrix",
            "  complex      a text file (any name) with one simplex per line, vertex ids",
            "                 separated by spaces (faces are added), or an OFF mesh (.off);",
            "                 --values: one value per vertex, or x, y or z of a mesh's vertices",
            "%nBuilt-in examples, usable as --input with no data at hand:",
            "  example:ring    64x64 image of a bright ring (levelset, cubical)",
            "  example:circle  100 noisy points on the unit circle (rips, alpha)",
            "  example:torus   triangulated torus with vertex heights as values",
            "                    (complex; --values not needed; try --maxdim 2)",
            "%nExamples:",
            "  topo diagram --filtration levelset --input example:ring --superlevel",
            "  topo diagram --filtration cubical --input volume.npy --maxdim 2",
            "  topo diagram --filtration rips --input example:circle --format json",
            "  topo diagram --filtration complex --input mesh.txt --values heights.txt \\",
            "      --output bars.tsv",
            "  topo diagram --filtration complex --input bunny.off --values z --maxdim 1",
            "  topo diagram --filtration rips --input example:circle --representatives",
            "%nExit codes: 0 success; 1 bad input (one line on stderr naming the file);",
            "2 bad options."})
final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @ArgGroup(exclusive = false, multiplicity = "1")
    FiltrationSource source;

    @Mixin
    FiltrationOptions filtration;

    @Option(names = "--format", paramLabel = "tsv|json", defaultValue = "tsv",
            description = "Output format (default: ${DEFAULT-VALUE}). JSON: {\"filtration\", \"superlevel\","
                    + " \"maxdim\", \"diagrams\": [{\"dim\", \"bars\": [[birth, death], ...]}]},"
                    + " infinite deaths as \"inf\"/\"-inf\".")
    OutputFormat format;

    @Option(names = "--representatives", arity = "0..1", fallbackValue = "default", paramLabel = "cycles|cocycles",
            description = "Also give each bar a representative: a cycle (levelset, alpha, complex) or, as Ripser, a"
                    + " cocycle (rips); =cycles or =cocycles asks for the other kind. A 4th TSV field (simplices"
                    + " ';'-separated, vertices '-'-joined: 0-3;3-7;0-7; over Z/P each with its coefficient: 1*0-3;-1*3-7)"
                    + " or a JSON list per dimension. Vertices: point indices, row-major pixel indices"
                    + " (row * width + column) or the complex's ids. Built on the explicit complex, at most 2000000"
                    + " simplices; not for cubical or --sparse-distances.")
    String representatives;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE instead of stdout (all at once: a failed run leaves no partial file).")
    Path output;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        DiagramRequest request = filtration.request(source);
        DiagramComputation.Computed computed;
        if (representatives != null) {
            checkRepresented(request, filtration);
            computed = DiagramComputation.computeWithRepresentatives(request, kind(representatives));
        } else {
            computed = DiagramComputation.compute(request);
        }
        DiagramWriter writer = format.writer(request.filtration());
        AtomicFiles.Content content = out -> {
            if (computed.represented() != null) {
                writer.write(computed.represented(), out);
            } else {
                writer.write(computed.diagrams(), out);
            }
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            content.writeTo(out);
            out.flush();
        } else {
            AtomicFiles.write(output, content);
        }
        return ExitCode.OK;
    }

    /** cycles, cocycles, or null for the filtration's default. */
    private Representatives.Kind kind(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "default" -> null;
            case "cycles" -> Representatives.Kind.CYCLES;
            case "cocycles" -> Representatives.Kind.COCYCLES;
            default -> throw filtration.usageError("--representatives takes cycles or cocycles (or nothing: cocycles for"
                    + " rips, cycles otherwise), got '" + value + "'");
        };
    }

    /** A usage error for the filtrations and inputs without representatives (shared with topo plot). */
    static void checkRepresented(DiagramRequest request, FiltrationOptions options) {
        if (request.filtration() == FiltrationKind.CUBICAL) {
            throw options.usageError("--representatives does not apply to --filtration cubical, whose complex is not"
                    + " simplicial (only to " + DiagramComputation.REPRESENTED + "); use --filtration levelset");
        }
        if (request.ripsInput() == DiagramRequest.RipsInput.SPARSE_DISTANCES) {
            throw options.usageError("--representatives does not apply to --sparse-distances; give the points or a full"
                    + " --distance-matrix");
        }
    }
}
