package org.topolayer.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Barcodes: every bar a horizontal segment from birth to death, one block of rows per diagram
 * (series i in {@link Charts#color}(i), like {@link DiagramPlot}), sorted by where the bar
 * starts. Essential bars run to the edge of the chart. Long diagrams show their
 * {@value #MAX_BARS} longest bars, as the legend says. Marked bars are drawn thicker and
 * labelled with their rank, as in the diagram and on the input.
 */
public final class Barcode {
    /** More bars than this per diagram would be thinner than a pixel in a panel. */
    public static final int MAX_BARS = 100;

    private Barcode() {}

    /** Marked bars of dimension d are looked up in series d (one series per dimension). */
    public static XYChart chart(String title, List<DiagramPlot.Series> diagrams, List<MarkedBars.Bar> marked, int width,
                                int height) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (DiagramPlot.Series s : diagrams) {
            for (int i = 0; i < s.births().length; i++) {
                for (double v : new double[] {s.births()[i], s.deaths()[i]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double margin = Math.max(1e-9, 0.06 * (hi - lo == 0 ? 1 : hi - lo));
        double left = lo - margin, right = hi + margin;
        XYChart chart = Charts.chart(title, "filtration value (bars to the edge: essential)", "", width, height);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisTicksVisible(false);

        List<int[]> shown = new ArrayList<>();
        int rows = 0;
        for (DiagramPlot.Series s : diagrams) {
            int[] bars = shownBars(s);
            shown.add(bars);
            rows += Math.max(1, bars.length);
        }
        float lineWidth = (float) Math.max(1, Math.min(6, 0.6 * (height - 120) / Math.max(1, rows)));
        double labelOffset = 0.04 * (right - left);
        int row = 0;
        for (int k = 0; k < diagrams.size(); k++) {
            DiagramPlot.Series s = diagrams.get(k);
            int[] bars = shown.get(k);
            // one series per diagram: NaN after each bar breaks XChart's line into segments
            double[] x = new double[Math.max(1, 3 * bars.length)], y = new double[x.length];
            List<MarkedBars.Bar> unmatched = new ArrayList<>();
            for (MarkedBars.Bar m : marked) {
                if (m.dimension() == k) {
                    unmatched.add(m);
                }
            }
            for (int j = 0; j < bars.length; j++, row++) {
                double[] ends = ends(s.births()[bars[j]], s.deaths()[bars[j]], left, right);
                x[3 * j] = ends[0];
                x[3 * j + 1] = ends[1];
                x[3 * j + 2] = ends[1];
                y[3 * j] = -row;
                y[3 * j + 1] = -row;
                y[3 * j + 2] = Double.NaN;
                MarkedBars.Bar m = take(unmatched, s.births()[bars[j]], s.deaths()[bars[j]]);
                if (m != null) {
                    XYSeries thick = Charts.line(chart, "marked H" + k + " #" + m.rank(), ends, new double[] {-row, -row});
                    thick.setLineColor(Charts.color(k).darker());
                    thick.setLineWidth(lineWidth + 2);
                    thick.setShowInLegend(false);
                    chart.addAnnotation(new AnnotationText(String.valueOf(m.rank()), ends[0] - labelOffset, -row,
                            false));
                }
            }
            if (bars.length == 0) { // XChart needs a point: an invisible one
                x[0] = left;
                y[0] = Double.NaN;
                row++;
            }
            String name = s.name() + " (" + (bars.length < s.births().length
                    ? bars.length + " longest of " + s.births().length : bars.length) + ")";
            XYSeries series = Charts.line(chart, name, x, y);
            series.setLineColor(Charts.color(k));
            series.setLineWidth(lineWidth);
        }
        chart.getStyler().setXAxisMin(left).setXAxisMax(right).setYAxisMin(-row + 0.5).setYAxisMax(0.5);
        return chart;
    }

    /** The bars drawn: all, or the MAX_BARS longest, in order of where they start. */
    private static int[] shownBars(DiagramPlot.Series s) {
        int n = s.births().length;
        Comparator<Integer> longestFirst = Comparator.comparingDouble(i -> -Math.abs(s.deaths()[i] - s.births()[i]));
        Comparator<Integer> byStart = Comparator.comparingDouble(i -> Math.min(s.births()[i], s.deaths()[i]));
        return IntStream.range(0, n).boxed().sorted(longestFirst).limit(MAX_BARS).sorted(byStart)
                .mapToInt(Integer::intValue).toArray();
    }

    /** A bar's ends on the chart, left to right; an infinite end is clipped to the chart's edge. */
    private static double[] ends(double birth, double death, double left, double right) {
        double a = Math.min(birth, death), b = Math.max(birth, death);
        return new double[] {Math.max(a, left), Math.min(b, right)};
    }

    /** Removes and returns the marked bar with these values, if any. */
    private static MarkedBars.Bar take(List<MarkedBars.Bar> marked, double birth, double death) {
        for (int i = 0; i < marked.size(); i++) {
            if (marked.get(i).birth() == birth && marked.get(i).death() == death) {
                return marked.remove(i);
            }
        }
        return null;
    }
}
