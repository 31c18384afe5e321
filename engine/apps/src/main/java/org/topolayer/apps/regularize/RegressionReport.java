package org.topolayer.apps.regularize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.topolayer.apps.RunOutput;
import org.topolayer.io.AtomicFiles;
import org.topolayer.plot.Charts;

/**
 * Writes the regularization experiment's results: metrics (mean and quartiles of the test MSE and
 * the median chosen λ per problem × penalty × n, and the best penalty per problem × n), a Markdown
 * table, a CSV of every fit, and one figure per problem plus all of them on one sheet.
 */
public final class RegressionReport {
    private RegressionReport() {}

    public static String write(RegressionExperiment.Results r, RunOutput out) throws IOException {
        RegressionExperiment.Settings s = r.settings();
        int[] ns = s.sampleSizes();
        StringBuilder table = new StringBuilder();
        StringBuilder csv = new StringBuilder("problem,penalty,n,trial,test_mse,lambda,cv_mse\n");
        List<XYChart> charts = new ArrayList<>();
        for (int a = 0; a < s.problems().size(); a++) {
            Problem problem = s.problems().get(a);
            List<String> names = RegressionExperiment.displayNames(s, problem);
            table.append("\n### ").append(problem.id()).append(problem.isSignal()
                    ? " (β as a signal; Top = superlevel maxima)" : " (β as 1-D points; Top = weak-alpha clusters)")
                    .append("\n\nmean test MSE [first quartile, third quartile] over ").append(s.trials())
                    .append(" trials\n\n| n |");
            for (String name : names) {
                table.append(' ').append(name).append(" |");
            }
            table.append("\n|---|");
            table.append("---|".repeat(names.size())).append('\n');
            double[][] means = new double[names.size()][ns.length];
            double[][] q1 = new double[names.size()][ns.length];
            double[][] q3 = new double[names.size()][ns.length];
            for (int c = 0; c < ns.length; c++) {
                table.append("| ").append(ns[c]).append(" |");
                int best = -1;
                for (int k = 0; k < names.size(); k++) {
                    double[] sum = RegressionExperiment.summary(r.testMses(a, k, c));
                    double[] lam = RegressionExperiment.summary(r.lambdas(a, k, c));
                    means[k][c] = sum[0];
                    q1[k][c] = sum[1];
                    q3[k][c] = sum[3];
                    String key = problem.id() + "." + s.penalties().get(k) + ".n" + ns[c];
                    out.metric(key + ".mse_mean", sum[0]).metric(key + ".mse_q1", sum[1])
                            .metric(key + ".mse_median", sum[2]).metric(key + ".mse_q3", sum[3]);
                    if (!s.penalties().get(k).equals("ols")) {
                        out.metric(key + ".lambda_median", lam[2]);
                    }
                    if (best < 0 || sum[0] < means[best][c]) {
                        best = k;
                    }
                    table.append(String.format(Locale.ROOT, " %s [%s, %s] |", fmt(sum[0]), fmt(sum[1]), fmt(sum[3])));
                    for (int t = 0; t < s.trials(); t++) {
                        RegressionExperiment.Fit f = r.fits()[a][k][c][t];
                        csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%s,%s%n", problem.id(),
                                s.penalties().get(k), ns[c], t, f.testMse(), f.lambda(), f.cvError()));
                    }
                }
                out.metric(problem.id() + ".n" + ns[c] + ".best", names.get(best));
                table.append('\n');
            }
            charts.add(chart(problem, names, ns, means, q1, q3, s.trials()));
        }
        out.metric("trials", s.trials()).metric("seconds", Math.round(r.seconds() * 10) / 10.0);
        String markdown = "# Test MSE of penalized least squares (p = " + s.p() + ", noise sd " + s.noise()
                + ", test set " + s.testSize() + ")\n" + table;
        AtomicFiles.write(out.file("mse_table.md"), w -> w.write(markdown));
        AtomicFiles.write(out.file("mse.csv"), w -> w.write(csv.toString()));
        for (int a = 0; a < charts.size(); a++) {
            Charts.save(charts.get(a), out.file("regress-" + s.problems().get(a).id() + ".png"));
        }
        Charts.saveGrid(charts, Math.min(3, charts.size()), out.file("regress.png"));
        return markdown;
    }

    private static XYChart chart(Problem problem, List<String> names, int[] ns, double[][] means, double[][] q1,
                                 double[][] q3, int trials) {
        XYChart chart = Charts.chart(problem.id() + ": mean test MSE, bars = quartiles (" + trials + " trials)",
                "n (training samples)", "test MSE", 560, 420);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        double spread = ns.length > 1 ? (ns[ns.length - 1] - ns[0]) / (double) (ns.length - 1) * 0.4 : 4;
        for (int k = 0; k < names.size(); k++) {
            double[] x = new double[ns.length];
            for (int c = 0; c < ns.length; c++) {
                // small horizontal offsets keep the quartile bars of different penalties apart
                x[c] = ns[c] + (names.size() > 1 ? spread * (k / (double) (names.size() - 1) - 0.5) : 0);
            }
            Charts.lineWithRanges(chart, names.get(k), x, positive(means[k]), positive(q1[k]), positive(q3[k]),
                    Charts.color(k));
        }
        return chart;
    }

    private static double[] positive(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(out[i], 1e-6);
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
    }
}
