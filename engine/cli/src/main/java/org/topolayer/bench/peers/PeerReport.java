package org.topolayer.bench.peers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.topolayer.io.AtomicFiles;
import org.topolayer.io.TsvDiagramReader;
import org.topolayer.plot.Charts;

/**
 * Reads the manifest and both drivers' results and diagrams, compares the diagrams case by case
 * ({@link DiagramAgreement}), and writes the side-by-side table ({@code DIR/report.md}, also
 * printed) and the scaling plot ({@code DIR/scaling.png}: CPU time against input size, log-log,
 * one line per filtration and library, with the fitted exponent in the legend).
 */
final class PeerReport {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    private PeerReport() {}

    static void report(Path out) throws IOException {
        List<PeerCase> cases = PeerCase.readManifest(out.resolve("cases.tsv"));
        Map<String, Map<String, String>> ours = PeerCase.readResults(out.resolve("ours/results.tsv"));
        Map<String, Map<String, String>> gudhi = PeerCase.readResults(out.resolve("gudhi/results.tsv"));
        StringBuilder md = new StringBuilder();
        md.append("| case | size | topolayer | GUDHI 3.7.1 | GUDHI / topolayer | topolayer 1st run in a fresh JVM "
                + "| diagrams agree | memory: topolayer allocated / GUDHI peak RSS growth"
                + " | TopologyLayer ref. | Ripser ref. | GUDHI ref. |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        int agreeing = 0, compared = 0;
        for (PeerCase c : cases) {
            Map<String, String> o = ours.get(c.name()), g = gudhi.get(c.name());
            double to = seconds(o), tg = seconds(g);
            String gudhiCell = ok(g) ? PeerBench.fmt(tg) : g == null ? "not run" : g.get("status");
            String ratio = to > 0 && tg > 0 ? String.format(Locale.ROOT, "%.3g×", tg / to) : "—";
            String agreement;
            if (ok(o) && ok(g)) {
                DiagramAgreement.Result r = DiagramAgreement.compare(
                        TsvDiagramReader.read(out.resolve("ours").resolve(c.name() + ".tsv")),
                        TsvDiagramReader.read(out.resolve("gudhi").resolve(c.name() + ".tsv")), c.maxDimension());
                agreement = r.summary() + ", " + r.bars() + " bars";
                compared++;
                agreeing += r.agree() ? 1 : 0;
            } else {
                agreement = "—";
            }
            String memory = String.format(Locale.ROOT, "%s / %s", mb(o), mb(g));
            double coldSeconds = ok(o) ? Double.parseDouble(o.get("cold_cpu_s")) : -1;
            // the JVM's process CPU clock ticks in 10 ms steps
            String cold = coldSeconds < 0 ? "—" : coldSeconds < 0.02 ? "< 20 ms" : PeerBench.fmt(coldSeconds);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", c.name(),
                    size(c), ok(o) ? PeerBench.fmt(to) : "—", gudhiCell, ratio, cold, agreement, memory,
                    c.topologyLayerRef(), c.ripserRef(), c.gudhiRef()));
        }
        md.append(String.format(Locale.ROOT, "%nDiagrams agree in %d of %d compared cases (finite bars: bottleneck "
                + "distance ≤ 1e-6 × scale; essential bars: same count, same births).%n%n", agreeing, compared));
        md.append(scaling(cases, ours, gudhi, out.resolve("scaling.png")));
        String text = md.toString();
        AtomicFiles.write(out.resolve("report.md"), text.getBytes(StandardCharsets.UTF_8));
        System.out.print(text);
    }

    /** Fits log(time) = a + k log(size) per family and library; draws the plot; returns the exponents' table. */
    private static String scaling(List<PeerCase> cases, Map<String, Map<String, String>> ours,
                                  Map<String, Map<String, String>> gudhi, Path png) throws IOException {
        Map<String, List<PeerCase>> families = new LinkedHashMap<>();
        for (PeerCase c : cases) {
            if (!c.family().contains("shared")) {
                families.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c);
            }
        }
        XYChart chart = Charts.chart("CPU time against input size (log-log); k = fitted exponent",
                "input size (points, or pixels for images)", "CPU seconds", 1100, 700);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisDecimalPattern("0.#E0");
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        StringBuilder md = new StringBuilder("Scaling (time ∝ size^k, least squares on log-log over all sizes; "
                + "in brackets the slope between the two largest sizes):\n\n"
                + "| filtration | sizes | k topolayer | k GUDHI |\n|---|---|---|---|\n");
        int colour = 0;
        for (Map.Entry<String, List<PeerCase>> e : families.entrySet()) {
            Color col = COLORS[colour++ % COLORS.length];
            String[] exps = new String[2];
            List<Map<String, Map<String, String>>> sides = List.of(ours, gudhi);
            for (int side = 0; side < 2; side++) {
                List<double[]> pts = new ArrayList<>();
                for (PeerCase c : e.getValue()) {
                    double t = seconds(sides.get(side).get(c.name()));
                    if (t > 0) {
                        pts.add(new double[] {c.size(), t});
                    }
                }
                if (pts.size() < 2) {
                    exps[side] = "—";
                    continue;
                }
                double k = slope(pts), last = slope(pts.subList(pts.size() - 2, pts.size()));
                exps[side] = String.format(Locale.ROOT, "%.2f (%.2f)", k, last);
                XYSeries s = Charts.line(chart, String.format(Locale.ROOT, "%s %s, k=%.2f",
                        side == 0 ? "topolayer" : "GUDHI", e.getKey().replaceFirst("^GUDHI ", ""), k),
                        pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
                s.setLineColor(col);
                s.setMarkerColor(col);
                s.setMarker(side == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
                if (side == 1) {
                    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 4f}, 0f));
                }
            }
            String sizes = e.getValue().stream().map(PeerReport::size).reduce((a, b) -> a + ", " + b).orElse("");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", e.getKey(), sizes, exps[0], exps[1]));
        }
        Charts.save(chart, png);
        return md.toString();
    }

    /** Least-squares slope of log(y) against log(x). */
    static double slope(List<double[]> pts) {
        double n = pts.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : pts) {
            double x = Math.log(p[0]), y = Math.log(p[1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static boolean ok(Map<String, String> r) {
        return r != null && "ok".equals(r.get("status"));
    }

    private static double seconds(Map<String, String> r) {
        return ok(r) ? Double.parseDouble(r.get("cpu_s")) : -1;
    }

    private static String mb(Map<String, String> r) {
        if (!ok(r) || r.get("peak_mb") == null || r.get("peak_mb").isEmpty()) {
            return "—";
        }
        double v = Double.parseDouble(r.get("peak_mb"));
        return v < 10 ? String.format(Locale.ROOT, "%.1f MB", v) : String.format(Locale.ROOT, "%.0f MB", v);
    }

    private static String size(PeerCase c) {
        if (c.takesGrid() && c.family().contains("volume")) {
            long side = Math.round(Math.cbrt(c.size()));
            return side + "×" + side + "×" + side;
        }
        if (c.takesGrid()) {
            long side = Math.round(Math.sqrt(c.size()));
            return side + "×" + side;
        }
        return "n=" + c.size();
    }
}
