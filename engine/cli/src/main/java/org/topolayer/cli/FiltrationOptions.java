package org.topolayer.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.topolayer.io.Examples;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.alpha.AlphaMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The options that refine a filtration of an input ({@link FiltrationSource}), shared by
 * {@code topo diagram}, {@code topo loss} and {@code topo plot} (docs/design.md §4), and their
 * checks: options that do not apply to the chosen filtration are usage errors (exit code 2).
 */
final class FiltrationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Spec(Spec.Target.SELF)
    CommandSpec own;

    @Option(names = "--values", paramLabel = "FILE",
            description = "complex only: the vertex values, one per line (line k: vertex k-1), or a 1-D .npy;"
                    + " for an OFF mesh also x, y or z (that coordinate of each vertex).")
    String values;

    @Option(names = "--maxdim", paramLabel = "K", defaultValue = "1",
            description = "Highest homology dimension to compute (default: ${DEFAULT-VALUE}).")
    int maxDimension;

    @Option(names = "--superlevel",
            description = "levelset, cubical and complex only: superlevel sets instead (births at high values).")
    boolean superlevel;

    @Option(names = "--threshold", paramLabel = "T",
            description = "rips only: leave out edges longer than T (default: no threshold).")
    Double threshold;

    @Option(names = "--alpha-mode", paramLabel = "weak|exact",
            description = "alpha only: weak (default; Delaunay simplices valued by longest edge, as Rips)"
                    + " or exact (squared circumradius, as GUDHI's alpha complex).")
    AlphaMode alphaMode;

    @Option(names = "--distance-matrix",
            description = "rips only: the input is a square matrix of pairwise distances, not points.")
    boolean distanceMatrix;

    @Option(names = "--sparse-distances",
            description = "rips only: the input lists pairwise distances as rows 'i j d' (0-based point ids; pairs"
                    + " not listed are never joined; the points are 0 to the largest id), for a neighbour graph of"
                    + " your own.")
    boolean sparseDistances;

    @Option(names = "--coeff", paramLabel = "P",
            description = "rips and complex only: compute over Z/P, P a prime below 32768 (default: 2). Torsion shows"
                    + " over Z/2 only: a projective plane has an H1 bar over Z/2 and none over Z/3.")
    Integer coefficient;

    @Option(names = "--memory-budget", paramLabel = "SIZE", defaultValue = "auto",
            description = "Refuse, before it starts, a computation estimated to need more heap than SIZE (512m, 2g, ...),"
                    + " with the estimate and a smaller --threshold or --maxdim (default: auto, 80%% of the maximum heap;"
                    + " more heap: TOPO_JAVA_OPTS=-Xmx8g).")
    String memoryBudget;

    /** The request, once the options fit together; otherwise a usage error (exit code 2). */
    DiagramRequest request(FiltrationSource source) {
        FiltrationKind filtration = source.filtration;
        String input = source.input;
        if (maxDimension < 0) {
            throw usageError("--maxdim must be 0 or more, got " + maxDimension
                    + " (0: components only, 1: also loops, 2: also voids)");
        }
        requireFiltrationFor(filtration, threshold != null, "--threshold", FiltrationKind.RIPS);
        requireFiltrationFor(filtration, distanceMatrix, "--distance-matrix", FiltrationKind.RIPS);
        requireFiltrationFor(filtration, sparseDistances, "--sparse-distances", FiltrationKind.RIPS);
        if (distanceMatrix && sparseDistances) {
            throw usageError("--distance-matrix and --sparse-distances describe different files; give one");
        }
        requireFiltrationFor(filtration, alphaMode != null, "--alpha-mode", FiltrationKind.ALPHA);
        requireFiltrationFor(filtration, values != null, "--values", FiltrationKind.COMPLEX);
        requireFiltrationFor(filtration, superlevel, "--superlevel", FiltrationKind.LEVELSET, FiltrationKind.CUBICAL,
                FiltrationKind.COMPLEX);
        requireFiltrationFor(filtration, coefficient != null, "--coeff", FiltrationKind.RIPS, FiltrationKind.COMPLEX);
        if (coefficient != null) {
            try {
                PrimeField.of(coefficient);
            } catch (IllegalArgumentException e) {
                throw usageError("--coeff: " + e.getMessage());
            }
        }
        if (threshold != null && !(threshold > 0)) {
            throw usageError("--threshold must be a distance > 0, got " + threshold + " (omit it for no threshold)");
        }
        boolean complex = filtration == FiltrationKind.COMPLEX;
        if (complex && values == null && !Examples.isExample(input)) {
            throw usageError("--filtration complex needs --values FILE: a file with one value per vertex, one per line"
                    + " (for an OFF mesh also x, y or z)");
        }
        String valuesSource = values != null ? values : complex ? input : null; // an example complex brings its values
        MemoryBudget budget;
        try {
            budget = MemoryBudget.parse(memoryBudget, "--memory-budget");
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        return new DiagramRequest(filtration, input, valuesSource, maxDimension, superlevel,
                threshold != null ? threshold : Double.POSITIVE_INFINITY,
                alphaMode != null ? alphaMode : AlphaMode.WEAK, distanceMatrix ? DiagramRequest.RipsInput.DISTANCE_MATRIX
                        : sparseDistances ? DiagramRequest.RipsInput.SPARSE_DISTANCES : DiagramRequest.RipsInput.POINTS,
                coefficient != null ? coefficient : 2, budget);
    }

    /** The names of these options that were given on the command line. */
    List<String> given() {
        ParseResult parsed = spec.commandLine().getParseResult();
        return own.options().stream().filter(parsed::hasMatchedOption).map(OptionSpec::longestName).toList();
    }

    private void requireFiltrationFor(FiltrationKind filtration, boolean given, String option,
                                      FiltrationKind... applicable) {
        if (given && !Arrays.asList(applicable).contains(filtration)) {
            String kinds = Arrays.stream(applicable).map(k -> "--filtration " + k).collect(Collectors.joining(" or "));
            throw usageError(option + " does not apply to --filtration " + filtration + " (only to " + kinds
                    + "); remove it");
        }
    }

    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
