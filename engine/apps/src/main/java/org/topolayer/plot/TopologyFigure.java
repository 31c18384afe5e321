package org.topolayer.plot;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

/**
 * The standard picture of an input's topology, as {@code topo plot} draws it: the persistence
 * diagram, the barcode, and the input with the critical simplices of the longest bars marked
 * (pixels of an image or samples of a signal for level sets, edges for point clouds). The same
 * colours (one per dimension) and rank labels link the three panels.
 */
public final class TopologyFigure {
    /** Panel size used when none is given: square panels of this many pixels. */
    public static final int DEFAULT_SIZE = 480;

    /** The panels a figure can have, in the order they are drawn. */
    public enum Part { DIAGRAM, BARCODE, INPUT }

    /** The input as the INPUT panel draws it. */
    public sealed interface Input permits Image, Signal, Points {
        /**
         * The input in a size × size panel with the critical simplices of these bars marked and
         * these representatives drawn (a signal has none: its complex has no loops).
         */
        Panel panel(String title, List<MarkedBars.Bar> marked, List<MarkedBars.Representative> representatives,
                    int size);
    }

    /** A 2-D image, row-major. */
    public record Image(double[] values, int rows, int columns) implements Input {
        @Override
        public Panel panel(String title, List<MarkedBars.Bar> marked, List<MarkedBars.Representative> representatives,
                           int size) {
            return ImagePanel.of(title, values, rows, columns, size, size).withMarks(marked)
                    .withRepresentatives(representatives);
        }
    }

    /** A 1-D signal. */
    public record Signal(double[] values) implements Input {
        @Override
        public Panel panel(String title, List<MarkedBars.Bar> marked, List<MarkedBars.Representative> representatives,
                           int size) {
            return Panel.of(SignalPlot.chart(title, values, marked, size, size));
        }
    }

    /** A point cloud, one point per row (drawn by its first two coordinates). */
    public record Points(double[][] points) implements Input {
        @Override
        public Panel panel(String title, List<MarkedBars.Bar> marked, List<MarkedBars.Representative> representatives,
                           int size) {
            return Panel.of(PointCloudPlot.chart(title, points, marked, representatives, size, size));
        }
    }

    private TopologyFigure() {}

    /** All three panels in one row, with the {@code marked} longest bars of each dimension marked. */
    public static Figure of(String title, PersistenceDiagrams diagrams, Input input, int marked) {
        return Figure.row(panels(title, diagrams, input, marked, EnumSet.allOf(Part.class), DEFAULT_SIZE));
    }

    /**
     * The chosen panels of computed diagrams. {@code input} may be null when there is nothing to
     * draw (a complex, a distance matrix, a volume); then the INPUT part is left out.
     */
    public static List<Panel> panels(String title, PersistenceDiagrams diagrams, Input input, int marked,
                                     Set<Part> parts, int size) {
        return panels(title, diagrams, List.of(), input, marked, parts, size);
    }

    /**
     * As {@link #panels(String, PersistenceDiagrams, Input, int, Set, int)}, with the representatives of the
     * {@code representatives} longest bars of each dimension from 1 up drawn on the input
     * ({@link MarkedBars#representatives}).
     */
    public static List<Panel> panels(String title, RepresentedDiagrams represented, int representatives, Input input,
                                     int marked, Set<Part> parts, int size) {
        return panels(title, represented.diagrams(), MarkedBars.representatives(represented, representatives), input,
                marked, parts, size);
    }

    private static List<Panel> panels(String title, PersistenceDiagrams diagrams,
                                      List<MarkedBars.Representative> chains, Input input, int marked, Set<Part> parts,
                                      int size) {
        List<DiagramPlot.Series> series = new ArrayList<>();
        for (Diagram d : diagrams) {
            series.add(DiagramPlot.Series.of("H" + d.dimension(), d));
        }
        List<MarkedBars.Bar> bars = MarkedBars.longest(diagrams, marked);
        String kind = diagrams.isSuperlevel() ? " (superlevel)" : "";
        List<Panel> panels = new ArrayList<>(panels(title + kind, series, bars, parts, size));
        if (parts.contains(Part.INPUT) && input != null) {
            String inputTitle = title + (marked > 0 ? ": critical simplices" : "")
                    + (chains.isEmpty() ? "" : (marked > 0 ? " and " : ": ") + "representatives");
            panels.add(input.panel(inputTitle, bars, chains, size));
        }
        return panels;
    }

    /**
     * Diagram and barcode panels of bars read from a file (no attribution: nothing to mark, no
     * input): series i is the diagram of dimension i.
     */
    public static List<Panel> panels(String title, List<DiagramPlot.Series> series, Set<Part> parts, int size) {
        return panels(title, series, List.of(), parts, size);
    }

    private static List<Panel> panels(String title, List<DiagramPlot.Series> series, List<MarkedBars.Bar> bars,
                                      Set<Part> parts, int size) {
        List<Panel> panels = new ArrayList<>();
        if (parts.contains(Part.DIAGRAM)) {
            panels.add(Panel.of(DiagramPlot.chart(title + ": diagram", series, bars, size, size)));
        }
        if (parts.contains(Part.BARCODE)) {
            panels.add(Panel.of(Barcode.chart(title + ": barcode", series, bars, size, size)));
        }
        return panels;
    }
}
