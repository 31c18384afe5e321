package org.topolayer.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.topolayer.plot.Charts;

/**
 * The adversarial job's figure: accuracy on the attacked images against ε (ε = 0: clean), before
 * (dashed) and after (solid) adversarial training, one colour per run, each named by its data
 * set (the first word of the summary's {@code input}) and model. Reads the job's
 * {@code _summary.json} files: {@code java -cp ... org.topolayer.spark.AdversarialFigure OUT.png
 * SUMMARY.json...}.
 */
public final class AdversarialFigure {
    private AdversarialFigure() {}

    public static void main(String[] args) throws IOException {
        List<Path> summaries = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            summaries.add(Path.of(args[i]));
        }
        draw(Path.of(args[0]), summaries);
    }

    /** Draws the runs of the given summaries into one PNG. */
    public static void draw(Path png, List<Path> summaries) throws IOException {
        XYChart chart = Charts.chart("PGD L∞ accuracy before (dashed) and after (solid) adversarial training",
                "epsilon (0: clean)", "accuracy", 900, 560);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        ObjectMapper json = new ObjectMapper();
        int run = 0;
        for (Path file : summaries) {
            JsonNode s = json.readTree(file.toFile());
            for (String when : List.of("before", "after")) {
                JsonNode part = s.get(when);
                List<double[]> points = new ArrayList<>();
                points.add(new double[] {0, part.get("clean_accuracy").asDouble()});
                for (Map.Entry<String, JsonNode> e : part.get("accuracy_by_eps").properties()) {
                    points.add(new double[] {Double.parseDouble(e.getKey()), e.getValue().asDouble()});
                }
                points.sort((a, b) -> Double.compare(a[0], b[0]));
                XYSeries line = Charts.line(chart, dataset(s) + " " + s.get("model").asText() + " " + when,
                        points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
                line.setMarker(SeriesMarkers.CIRCLE);
                line.setLineColor(Charts.color(run));
                line.setMarkerColor(Charts.color(run));
                if (when.equals("before")) {
                    line.setLineStyle(Charts.DASHED);
                }
            }
            run++;
        }
        Charts.save(chart, png);
    }

    /** The data set of a run: the first word of its input's description (e.g. mnist, fashion-mnist). */
    private static String dataset(JsonNode summary) {
        return summary.get("input").asText().strip().split("\\s+")[0];
    }
}
