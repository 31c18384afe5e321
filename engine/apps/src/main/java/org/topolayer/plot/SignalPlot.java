package org.topolayer.plot;

import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A 1-D signal as a line against its index, optionally with the critical samples of marked
 * level-set bars: a dot where a bar is born, a square where it dies, labelled with the rank, in
 * the colour of the bar's dimension.
 */
public final class SignalPlot {
    private SignalPlot() {}

    public static XYChart chart(String title, double[] values, List<MarkedBars.Bar> marked, int width, int height) {
        XYChart chart = Charts.chart(title, "index", "value", width, height);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(9);
        double[] index = new double[values.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            index[i] = i;
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        Charts.line(chart, "signal", index, values).setLineColor(Charts.color(7));
        double offset = 0.04 * (hi > lo ? hi - lo : 1);
        for (MarkedBars.Bar bar : marked) {
            mark(chart, "birth", bar, bar.birthSources(), values, SeriesMarkers.CIRCLE);
            mark(chart, "death", bar, bar.deathSources(), values, SeriesMarkers.SQUARE);
            if (bar.birthSources().length > 0) {
                int v = bar.birthSources()[0];
                chart.addAnnotation(new AnnotationText(String.valueOf(bar.rank()), v, values[v] + offset, false));
            }
        }
        return chart;
    }

    /** A one-point scatter series on the sample the value comes from (none for an essential death). */
    private static void mark(XYChart chart, String kind, MarkedBars.Bar bar, int[] sources, double[] values,
                             Marker marker) {
        if (sources.length == 0) {
            return;
        }
        int v = sources[0];
        XYSeries s = Charts.scatter(chart, kind + " H" + bar.dimension() + " #" + bar.rank(), new double[] {v},
                new double[] {values[v]});
        s.setMarker(marker);
        s.setMarkerColor(Charts.color(bar.dimension()));
        s.setShowInLegend(false);
    }
}
