package org.topolayer.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart figures used across the project, rendered headless to PNG: point clouds, line plots
 * and persistence diagrams. Build a chart with the factory methods, add series, then {@link #save}.
 */
public final class Charts {
    private Charts() {}

    /** A thin dashed stroke, for guide lines and the infinite parts of essential bars. */
    public static final java.awt.BasicStroke DASHED = new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);

    /** An empty chart with axis titles, no legend box clutter beyond the series names. */
    public static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        return chart;
    }

    /**
     * Sets the axis ranges so that one unit is as long on screen along x as along y (a circle is
     * drawn round), enclosing [xMin, xMax] × [yMin, yMax] with a 5 % margin. The plot area is only
     * known once XChart lays the chart out (legend, titles, tick labels), so this lays it out
     * off screen and corrects the ranges until the scales agree (tick labels can change width).
     */
    public static void equalAspect(XYChart chart, double xMin, double xMax, double yMin, double yMax) {
        double xSpan = Math.max(xMax - xMin, 1e-9), ySpan = Math.max(yMax - yMin, 1e-9);
        double xMid = (xMin + xMax) / 2, yMid = (yMin + yMax) / 2;
        xSpan *= 1.1;
        ySpan *= 1.1;
        for (int pass = 0; pass < 4; pass++) {
            setRanges(chart, xMid, xSpan, yMid, ySpan);
            BufferedImage scratch = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            chart.paint(g, chart.getWidth(), chart.getHeight());
            g.dispose();
            double xPixels = chart.getScreenXFromChart(xMid + xSpan / 2) - chart.getScreenXFromChart(xMid - xSpan / 2);
            double yPixels = chart.getScreenYFromChart(yMid - ySpan / 2) - chart.getScreenYFromChart(yMid + ySpan / 2);
            double xScale = xPixels / xSpan, yScale = yPixels / ySpan; // pixels per unit
            if (Math.abs(xScale / yScale - 1) < 0.005) {
                return;
            }
            if (xScale > yScale) {
                xSpan = xPixels / yScale; // the same pixels cover more units of x
            } else {
                ySpan = yPixels / xScale;
            }
        }
        setRanges(chart, xMid, xSpan, yMid, ySpan);
    }

    private static void setRanges(XYChart chart, double xMid, double xSpan, double yMid, double ySpan) {
        chart.getStyler().setXAxisMin(xMid - xSpan / 2).setXAxisMax(xMid + xSpan / 2);
        chart.getStyler().setYAxisMin(yMid - ySpan / 2).setYAxisMax(yMid + ySpan / 2);
    }

    /** Adds points as a scatter series. */
    public static XYSeries scatter(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    /** Adds a line series. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** A palette of distinguishable colours for series that must match across charts. */
    public static java.awt.Color color(int index) {
        java.awt.Color[] palette = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e),
            new java.awt.Color(0x2ca02c), new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd),
            new java.awt.Color(0x8c564b), new java.awt.Color(0xe377c2), new java.awt.Color(0x7f7f7f),
            new java.awt.Color(0xbcbd22), new java.awt.Color(0x17becf)};
        return palette[Math.floorMod(index, palette.length)];
    }

    /**
     * A line with markers through (x, y) and, at each x, a vertical segment from lo to hi (e.g. the
     * quartiles around a median), all in one colour; only the line appears in the legend.
     */
    public static XYSeries lineWithRanges(XYChart chart, String name, double[] x, double[] y, double[] lo, double[] hi,
                                          java.awt.Color color) {
        if (x.length != y.length || x.length != lo.length || x.length != hi.length) {
            throw new IllegalArgumentException("x, y, lo and hi must have the same length");
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(color);
        s.setMarkerColor(color);
        for (int i = 0; i < x.length; i++) {
            XYSeries r = chart.addSeries(name + " range " + i, new double[] {x[i], x[i]}, new double[] {lo[i], hi[i]});
            r.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            r.setMarker(SeriesMarkers.NONE);
            r.setLineColor(color);
            r.setShowInLegend(false);
        }
        return s;
    }

    /** Renders charts side by side, {@code columns} per row, into one PNG or SVG (by extension; atomically). */
    public static void saveGrid(java.util.List<XYChart> charts, int columns, Path file) throws IOException {
        Figure.of(charts.stream().map(Panel::of).toList(), columns).save(file);
    }

    /** Renders to PNG, or SVG when the name ends in .svg (atomically). */
    public static void save(XYChart chart, Path file) throws IOException {
        Figure.row(java.util.List.of(Panel.of(chart))).save(file);
    }
}
