package org.topolayer.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.topolayer.persistence.Diagram;

/**
 * Persistence diagrams as scatter plots (birth on x, death on y) with the diagonal, any number of
 * diagrams in one chart (e.g. H0 and H1, or before and after). Essential bars are drawn on a
 * horizontal line labelled ±∞ just beyond the finite values (above for +∞, below for −∞), so
 * sublevel (above the diagonal) and superlevel (below it) diagrams both show.
 */
public final class DiagramPlot {
    private DiagramPlot() {}

    /** One diagram to draw: its name in the legend and its bars. */
    public record Series(String name, double[] births, double[] deaths) {
        public Series {
            if (births.length != deaths.length) {
                throw new IllegalArgumentException(births.length + " births but " + deaths.length + " deaths");
            }
        }

        public static Series of(String name, Diagram diagram) {
            return new Series(name, diagram.births(), diagram.deaths());
        }
    }

    /** A chart of the diagrams with the diagonal; empty diagrams are listed in the legend only. */
    public static XYChart chart(String title, List<Series> diagrams, int width, int height) {
        return chart(title, diagrams, List.of(), width, height);
    }

    /**
     * As {@link #chart(String, List, int, int)}, with the {@code marked} bars ringed in their
     * dimension's colour and labelled with their rank (the labels of the other figures' marks).
     * Series i is drawn in {@link Charts#color}(i), so with one series per dimension the colours
     * of diagram, barcode and input marks agree.
     */
    public static XYChart chart(String title, List<Series> diagrams, List<MarkedBars.Bar> marked, int width,
                                int height) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean plusInf = false, minusInf = false;
        for (Series s : diagrams) {
            for (int i = 0; i < s.births().length; i++) {
                lo = Math.min(lo, s.births()[i]);
                hi = Math.max(hi, s.births()[i]);
                double d = s.deaths()[i];
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                } else if (d > 0) {
                    plusInf = true;
                } else {
                    minusInf = true;
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double margin = Math.max(1e-9, 0.08 * (hi - lo == 0 ? 1 : hi - lo));
        double top = hi + margin, bottom = lo - margin;
        XYChart chart = Charts.chart(title, "birth", plusInf || minusInf ? "death (dashed: essential, ±∞)" : "death",
                width, height);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(7);
        double axisLo = minusInf ? bottom - margin : lo - margin, axisHi = plusInf ? top + margin : hi + margin;
        XYSeries diagonal = Charts.line(chart, "diagonal", new double[] {axisLo, axisHi}, new double[] {axisLo, axisHi});
        diagonal.setLineColor(java.awt.Color.GRAY);
        diagonal.setShowInLegend(false);
        if (plusInf) {
            essentialLine(chart, "+inf", axisLo, axisHi, top);
        }
        if (minusInf) {
            essentialLine(chart, "-inf", axisLo, axisHi, bottom);
        }
        for (int k = 0; k < diagrams.size(); k++) {
            Series s = diagrams.get(k);
            int n = s.births().length;
            double[] x = new double[Math.max(1, n)], y = new double[Math.max(1, n)];
            for (int i = 0; i < n; i++) {
                x[i] = s.births()[i];
                y[i] = onChart(s.deaths()[i], top, bottom);
            }
            if (n == 0) { // XChart needs a point: put an invisible one on the diagonal
                x[0] = lo;
                y[0] = lo;
            }
            XYSeries series = Charts.scatter(chart, s.name() + " (" + n + ")", x, y);
            series.setMarkerColor(Charts.color(k));
            if (n == 0) {
                series.setMarker(SeriesMarkers.NONE);
            }
        }
        double labelOffset = 0.03 * (axisHi - axisLo);
        for (MarkedBars.Bar bar : marked) {
            double y = onChart(bar.death(), top, bottom);
            XYSeries ring = Charts.scatter(chart, "marked H" + bar.dimension() + " #" + bar.rank(),
                    new double[] {bar.birth()}, new double[] {y});
            ring.setMarker(new Ring());
            ring.setMarkerColor(Charts.color(bar.dimension()).darker());
            ring.setShowInLegend(false);
            chart.addAnnotation(new AnnotationText(String.valueOf(bar.rank()), bar.birth() + labelOffset,
                    y + labelOffset, false));
        }
        chart.getStyler().setXAxisMin(axisLo).setXAxisMax(axisHi).setYAxisMin(axisLo).setYAxisMax(axisHi);
        return chart;
    }

    /** The dashed horizontal line on which essential bars are drawn. */
    private static void essentialLine(XYChart chart, String name, double from, double to, double y) {
        XYSeries line = Charts.line(chart, name, new double[] {from, to}, new double[] {y, y});
        line.setLineColor(java.awt.Color.LIGHT_GRAY);
        line.setShowInLegend(false);
        line.setLineStyle(Charts.DASHED);
    }

    /** Where a death is drawn: finite deaths at their value, ±∞ on the dashed line above or below. */
    private static double onChart(double death, double top, double bottom) {
        return Double.isFinite(death) ? death : death > 0 ? top : bottom;
    }

    /** Renders the chart to PNG. */
    public static void save(Path file, String title, List<Series> diagrams, int width, int height) throws IOException {
        Charts.save(chart(title, diagrams, width, height), file);
    }
}
