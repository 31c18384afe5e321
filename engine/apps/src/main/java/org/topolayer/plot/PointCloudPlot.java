package org.topolayer.plot;

import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * A point cloud as a scatter plot (the first two coordinates, one unit as long on x as on y), optionally with the critical
 * simplices of marked Rips or alpha bars: the edge (or alpha triangle) whose value is the bar's
 * birth drawn solid, the one whose value is its death dashed, in the colour of the bar's
 * dimension, labelled with its rank. An H0 bar is born at a point, so only its death edge (the
 * edge that merges two components) shows.
 */
public final class PointCloudPlot {
    private PointCloudPlot() {}

    public static XYChart chart(String title, double[][] points, List<MarkedBars.Bar> marked, int width, int height) {
        XYChart chart = Charts.chart(title, "x", points.length > 0 && points[0].length > 2 ? "y (first two coordinates)"
                : "y", width, height);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
        XYSeries dots = Charts.scatter(chart, "points (" + points.length + ")", coordinate(points, 0),
                coordinate(points, 1));
        dots.setMarkerColor(Charts.color(7));
        boolean birthInLegend = false, deathInLegend = false;
        for (MarkedBars.Bar bar : marked) {
            if (bar.birthSources().length >= 2) {
                XYSeries s = simplex(chart, "birth edges", points, bar.birthSources(), bar);
                s.setShowInLegend(!birthInLegend);
                birthInLegend = true;
            }
            if (bar.deathSources().length >= 2) {
                XYSeries s = simplex(chart, "death edges", points, bar.deathSources(), bar);
                s.setLineStyle(new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                s.setShowInLegend(!deathInLegend);
                deathInLegend = true;
            }
            int[] labelled = bar.deathSources().length >= 2 ? bar.deathSources() : bar.birthSources();
            if (labelled.length >= 2) {
                double[] mid = centroid(points, labelled);
                chart.addAnnotation(new AnnotationText(String.valueOf(bar.rank()), mid[0], mid[1], false));
            }
        }
        if (points.length > 0) {
            double[] x = coordinate(points, 0), y = coordinate(points, 1);
            Charts.equalAspect(chart, Arrays.stream(x).min().getAsDouble(), Arrays.stream(x).max().getAsDouble(),
                    Arrays.stream(y).min().getAsDouble(), Arrays.stream(y).max().getAsDouble());
        }
        return chart;
    }

    /** The closed polyline through the simplex's points (an edge, or an alpha triangle), in the bar's colour. */
    private static XYSeries simplex(XYChart chart, String name, double[][] points, int[] vertices,
                                    MarkedBars.Bar bar) {
        int n = vertices.length == 2 ? 2 : vertices.length + 1;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = points[vertices[i % vertices.length]];
            x[i] = p[0];
            y[i] = p.length > 1 ? p[1] : 0;
        }
        // XChart wants unique series names; the legend shows the name only for the first of each kind
        String unique = chart.getSeriesMap().containsKey(name) ? name + " H" + bar.dimension() + " #" + bar.rank()
                + (chart.getSeriesMap().size()) : name;
        XYSeries s = Charts.line(chart, unique, x, y);
        s.setLineColor(Charts.color(bar.dimension()));
        s.setLineWidth(2.5f);
        return s;
    }

    private static double[] centroid(double[][] points, int[] vertices) {
        double x = 0, y = 0;
        for (int v : vertices) {
            x += points[v][0];
            y += points[v].length > 1 ? points[v][1] : 0;
        }
        return new double[] {x / vertices.length, y / vertices.length};
    }

    private static double[] coordinate(double[][] points, int axis) {
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = axis < points[i].length ? points[i][axis] : 0;
        }
        return out;
    }
}
