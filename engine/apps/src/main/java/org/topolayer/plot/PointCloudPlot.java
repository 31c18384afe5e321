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
 * edge that merges two components) shows. Representatives of long bars (cycles, or Rips cocycles)
 * are drawn under the marks: every edge of their simplices as a thin line in the dimension's colour,
 * labelled {@code #rank}.
 */
public final class PointCloudPlot {
    private PointCloudPlot() {}

    public static XYChart chart(String title, double[][] points, List<MarkedBars.Bar> marked, int width, int height) {
        return chart(title, points, marked, List.of(), width, height);
    }

    /** The cloud with marked bars and the given representatives drawn. */
    public static XYChart chart(String title, double[][] points, List<MarkedBars.Bar> marked,
                                List<MarkedBars.Representative> representatives, int width, int height) {
        XYChart chart = Charts.chart(title, "x", points.length > 0 && points[0].length > 2 ? "y (first two coordinates)"
                : "y", width, height);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
        XYSeries dots = Charts.scatter(chart, "points (" + points.length + ")", coordinate(points, 0),
                coordinate(points, 1));
        dots.setMarkerColor(Charts.color(7));
        for (MarkedBars.Representative chain : representatives) {
            drawRepresentative(chart, points, chain);
        }
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

    /** Each edge of the chain's simplices as its own two-point series (one legend entry per chain). */
    private static void drawRepresentative(XYChart chart, double[][] points, MarkedBars.Representative chain) {
        String name = "H" + chain.dimension() + " #" + chain.rank() + " representative";
        java.awt.Color color = Charts.color(chain.dimension());
        double labelX = Double.NEGATIVE_INFINITY, labelY = 0;
        int edges = 0;
        for (int[] simplex : chain.simplices()) {
            for (int a = 0; a < simplex.length; a++) {
                for (int b = a + 1; b < simplex.length; b++) {
                    double[] p = points[simplex[a]], q = points[simplex[b]];
                    double[] x = {p[0], q[0]}, y = {p.length > 1 ? p[1] : 0, q.length > 1 ? q[1] : 0};
                    XYSeries s = Charts.line(chart, edges == 0 ? name : name + " " + edges, x, y);
                    s.setLineColor(new java.awt.Color(color.getRed(), color.getGreen(), color.getBlue(), 190));
                    s.setLineStyle(new java.awt.BasicStroke(1.8f, java.awt.BasicStroke.CAP_ROUND,
                            java.awt.BasicStroke.JOIN_ROUND)); // solid: XChart cycles dashes over series
                    s.setShowInLegend(edges == 0);
                    edges++;
                    for (int i = 0; i < 2; i++) {
                        if (x[i] > labelX) {
                            labelX = x[i];
                            labelY = y[i];
                        }
                    }
                }
            }
        }
        if (edges > 0) {
            chart.addAnnotation(new AnnotationText("#" + chain.rank(), labelX, labelY, false));
        }
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
