package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Examples;
import org.topolayer.io.Inputs;
import org.topolayer.io.TsvDiagramReader;
import org.topolayer.persistence.representatives.Representatives;
import org.topolayer.plot.DiagramPlot;
import org.topolayer.plot.Figure;
import org.topolayer.plot.Panel;
import org.topolayer.plot.TopologyFigure;
import org.topolayer.plot.TopologyFigure.Part;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code topo plot}: the persistence diagram, the barcode, and the input with the critical
 * simplices of the longest bars marked, side by side in one PNG or SVG; of the inputs
 * {@code topo diagram} takes, or of a diagram TSV it wrote.
 */
@Command(name = "plot", sortOptions = false,
        description = {
            "Draw the persistence diagram, the barcode, and the input with the critical",
            "simplices of the longest bars marked (pixels of an image, samples of a signal,",
            "edges of a point cloud), side by side in one PNG or SVG."},
        footer = {
            "%nInputs: those of 'topo diagram', with the same options (see its --help), or",
            "--diagram FILE: bars as 'topo diagram --format tsv' writes them (no attribution,",
            "so diagram and barcode only).",
            "%nThe input panel exists for images and 1-D signals (levelset, cubical) and for point",
            "clouds (rips, alpha; first two coordinates), not for complexes, distance",
            "matrices or 3-D volumes. Colours are homology dimensions; the numbers rank the",
            "marked bars by length, the same in every panel. --representatives N draws the",
            "representative cycles (--cocycles: cocycles) of the N longest bars of each",
            "dimension >= 1 on it, as lines.",
            "%nExamples:",
            "  topo plot --filtration levelset --input example:ring --superlevel \\",
            "      --output ring.png",
            "  topo plot --filtration rips --input example:circle --output circle.svg",
            "  topo plot --filtration levelset --input example:ring --superlevel \\",
            "      --representatives 1 --output ring-loop.png",
            "  topo diagram --filtration rips --input points.csv --output bars.tsv",
            "  topo plot --diagram bars.tsv --output bars.png",
            "%nExit codes: 0 success; 1 bad input (one line on stderr naming the file);",
            "2 bad options."})
final class PlotCommand implements Callable<Integer> {
    /** Where the bars come from: computed from an input, or read from a diagram file. */
    static final class Source {
        @ArgGroup(exclusive = false, multiplicity = "1")
        FiltrationSource computed;

        @Option(names = "--diagram", required = true, paramLabel = "FILE",
                description = "A diagram TSV (as 'topo diagram --format tsv' writes it) instead of --filtration"
                        + " and --input.")
        String diagram;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    FiltrationOptions filtration;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "plot.png",
            description = "The figure, .png or .svg (default: ${DEFAULT-VALUE}; written all at once).")
    Path output;

    @Option(names = "--panels", split = ",", paramLabel = "PANEL",
            description = "Which panels, in this order: diagram, barcode, input (default: all that apply).")
    List<Part> panels;

    @Option(names = "--marked", paramLabel = "K", defaultValue = "3",
            description = "Mark the K longest bars of each dimension (default: ${DEFAULT-VALUE}; 0: none).")
    int marked;

    @Option(names = "--representatives", paramLabel = "N",
            description = "Draw on the input the representative cycles of the N longest bars of each dimension from 1"
                    + " up (see 'topo diagram --representatives'; default: none).")
    Integer representatives;

    @Option(names = "--cocycles",
            description = "With --representatives: draw cocycles (as Ripser's) instead of cycles, cut to the simplices"
                    + " present at the bar's birth.")
    boolean cocycles;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the panels (default: the input's name).")
    String title;

    @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "" + TopologyFigure.DEFAULT_SIZE,
            description = "Width and height of each panel (default: ${DEFAULT-VALUE}).")
    int size;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw usageError("--output must end in .png or .svg, got " + output);
        }
        if (marked < 0) {
            throw usageError("--marked must be 0 or more, got " + marked);
        }
        if (representatives != null && representatives < 1) {
            throw usageError("--representatives must be 1 or more, got " + representatives + " (omit it for none)");
        }
        if (cocycles && representatives == null) {
            throw usageError("--cocycles applies to the representatives drawn: give --representatives N too");
        }
        if (size < 200 || size > 4000) {
            throw usageError("--size must be between 200 and 4000 pixels, got " + size);
        }
        Set<Part> parts = panels == null ? EnumSet.allOf(Part.class) : EnumSet.copyOf(panels);
        List<Panel> drawn = source.diagram != null ? fromFile(parts) : computed(parts);
        Figure.row(drawn).save(output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("topo plot: wrote " + output);
        out.flush();
        return ExitCode.OK;
    }

    private List<Panel> computed(Set<Part> parts) throws BadInputException {
        DiagramRequest request = filtration.request(source.computed);
        boolean pictureless = request.filtration() == FiltrationKind.COMPLEX || request.distances();
        if (pictureless && panels != null && parts.contains(Part.INPUT)) {
            throw usageError("--panels input: a " + (request.distances() ? "distance matrix" : "complex")
                    + " has no picture; use --panels diagram,barcode");
        }
        if (representatives != null) {
            if (pictureless) {
                throw usageError("--representatives draws on the input, and a " + (request.distances()
                        ? "distance matrix" : "complex") + " has no picture; print them with 'topo diagram"
                        + " --representatives'");
            }
            DiagramCommand.checkRepresented(request, filtration);
        }
        DiagramComputation.Computed result = representatives == null ? DiagramComputation.compute(request)
                : DiagramComputation.computeWithRepresentatives(request,
                        cocycles ? Representatives.Kind.COCYCLES : Representatives.Kind.CYCLES);
        if (result.drawable() == null && panels != null && parts.contains(Part.INPUT)) {
            throw new BadInputException(request.input(), "a 3-D volume has no picture; use --panels diagram,barcode");
        }
        if (result.represented() != null) {
            return TopologyFigure.panels(titleOr(request.input()), result.represented(), representatives,
                    result.drawable(), marked, parts, size);
        }
        return TopologyFigure.panels(titleOr(request.input()), result.diagrams(), result.drawable(), marked, parts,
                size);
    }

    private List<Panel> fromFile(Set<Part> parts) throws BadInputException {
        List<String> given = new ArrayList<>(filtration.given());
        for (String option : List.of("--marked", "--representatives", "--cocycles")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw usageError(String.join(", ", given) + (given.size() == 1 ? " does" : " do") + " not apply to --diagram"
                    + " (its bars come without the pixels or edges they were computed from); remove "
                    + (given.size() == 1 ? "it" : "them"));
        }
        if (panels != null && parts.contains(Part.INPUT)) {
            throw usageError("--panels input: a diagram file has no input to draw; give --filtration and --input"
                    + " instead, or use --panels diagram,barcode");
        }
        List<TsvDiagramReader.Bar> bars = Inputs.diagramBars(source.diagram);
        int maxDimension = bars.stream().mapToInt(TsvDiagramReader.Bar::dimension).max().orElse(0);
        List<DiagramPlot.Series> series = new ArrayList<>();
        for (int d = 0; d <= maxDimension; d++) {
            int dim = d;
            List<TsvDiagramReader.Bar> ofDim = bars.stream().filter(b -> b.dimension() == dim).toList();
            series.add(new DiagramPlot.Series("H" + d, ofDim.stream().mapToDouble(TsvDiagramReader.Bar::birth).toArray(),
                    ofDim.stream().mapToDouble(TsvDiagramReader.Bar::death).toArray()));
        }
        return TopologyFigure.panels(titleOr(source.diagram), series, parts, size);
    }

    /** The --title, else the input's file name (or example name). */
    private String titleOr(String input) {
        if (title != null) {
            return title;
        }
        if (Examples.isExample(input)) {
            return input;
        }
        Path file = Path.of(input).getFileName();
        return file == null ? input : file.toString();
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
