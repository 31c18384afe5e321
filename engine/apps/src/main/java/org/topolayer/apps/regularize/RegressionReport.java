package org.topolayer.apps.regularize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.regularize.RegressionExperiment.Selection;
import org.topolayer.features.FeatureSpec;
import org.topolayer.io.AtomicFiles;
import org.topolayer.plot.Charts;

/**
 * Writes the regularization experiment's results: metrics (per problem × penalty × n and per λ
 * choice, cv or oracle: median, quartiles and mean of the test MSE, median and quartiles of
 * ‖β̂ − β*‖², the median chosen λ; each penalty's definition with its feature spec; the best
 * penalty per problem × n), a Markdown table, a CSV of every fit, and the figures: per problem
 * the median test MSE against n with the cross-validated λ beside the oracle λ
 * ({@code regress-<problem>.png}), and all problems on one sheet ({@code regress.png}).
 */
public final class RegressionReport {
    private RegressionReport() {}

    public static String write(RegressionExperiment.Results r, RunOutput out) throws IOException {
        RegressionExperiment.Settings s = r.settings();
        int[] ns = s.sampleSizes();
        StringBuilder table = new StringBuilder();
        StringBuilder csv = new StringBuilder(
                "problem,penalty,n,trial,cv_lambda,cv_test_mse,cv_coef_error,cv_mse,oracle_lambda,oracle_test_mse,"
                        + "oracle_coef_error\n");
        List<XYChart> all = new ArrayList<>();
        for (int a = 0; a < s.problems().size(); a++) {
            Problem problem = s.problems().get(a);
            List<String> keys = s.penalties(problem);
            List<String> names = RegressionExperiment.displayNames(s, problem);
            for (String key : keys) {
                out.metric(problem.id() + "." + key, definition(Penalties.byName(key, problem.isSignal())));
            }
            table.append("\n### ").append(problem.id()).append(problem.isSignal()
                    ? " (β as a signal; Top = superlevel maxima)" : " (β as 1-D points; Top = weak-alpha clusters)")
                    .append('\n');
            List<XYChart> charts = new ArrayList<>();
            for (Selection sel : Selection.values()) {
                table.append("\ntest MSE, λ by ").append(sel == Selection.CV
                        ? s.folds() + "-fold cross-validation (honest)" : "the oracle (least ‖β̂ − β*‖², the authors' choice)")
                        .append(": median [first quartile, third quartile] over ").append(s.trials()).append(" trials\n\n");
                header(table, names);
                double[][] med = new double[names.size()][ns.length];
                double[][] q1 = new double[names.size()][ns.length];
                double[][] q3 = new double[names.size()][ns.length];
                for (int c = 0; c < ns.length; c++) {
                    table.append("| ").append(ns[c]).append(" |");
                    int best = -1;
                    for (int k = 0; k < names.size(); k++) {
                        double[] mse = RegressionExperiment.summary(r.testMses(a, k, c, sel));
                        double[] coef = RegressionExperiment.summary(r.coefErrors(a, k, c, sel));
                        med[k][c] = mse[2];
                        q1[k][c] = mse[1];
                        q3[k][c] = mse[3];
                        String key = problem.id() + "." + keys.get(k) + ".n" + ns[c] + "." + sel.id();
                        out.metric(key + ".mse_median", mse[2]).metric(key + ".mse_q1", mse[1])
                                .metric(key + ".mse_q3", mse[3]).metric(key + ".mse_mean", mse[0])
                                .metric(key + ".coef_error_median", coef[2]).metric(key + ".coef_error_q1", coef[1])
                                .metric(key + ".coef_error_q3", coef[3]);
                        if (!keys.get(k).equals("ols")) {
                            out.metric(key + ".lambda_median", RegressionExperiment.summary(r.lambdas(a, k, c, sel))[2]);
                        }
                        if (best < 0 || mse[2] < med[best][c]) {
                            best = k;
                        }
                        table.append(String.format(Locale.ROOT, " %s [%s, %s] |", fmt(mse[2]), fmt(mse[1]),
                                fmt(mse[3])));
                    }
                    out.metric(problem.id() + ".n" + ns[c] + "." + sel.id() + ".best", names.get(best));
                    table.append('\n');
                }
                charts.add(chart(problem, sel, names, ns, med, q1, q3, s.trials()));
            }
            table.append("\n‖β̂ − β*‖², median over ").append(s.trials()).append(" trials, cv / oracle λ\n\n");
            header(table, names);
            for (int c = 0; c < ns.length; c++) {
                table.append("| ").append(ns[c]).append(" |");
                for (int k = 0; k < names.size(); k++) {
                    table.append(' ').append(fmt(RegressionExperiment.summary(r.coefErrors(a, k, c, Selection.CV))[2]))
                            .append(" / ")
                            .append(fmt(RegressionExperiment.summary(r.coefErrors(a, k, c, Selection.ORACLE))[2]))
                            .append(" |");
                    for (int t = 0; t < s.trials(); t++) {
                        RegressionExperiment.Fit f = r.fits()[a][k][c][t];
                        csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%s,%s,%s,%s,%s,%s%n", problem.id(),
                                keys.get(k), ns[c], t, f.cv().lambda(), f.cv().testMse(), f.cv().coefError(),
                                f.cvError(), f.oracle().lambda(), f.oracle().testMse(), f.oracle().coefError()));
                    }
                }
                table.append('\n');
            }
            Charts.saveGrid(charts, 2, out.file("regress-" + problem.id() + ".png"));
            all.addAll(charts);
        }
        out.metric("trials", s.trials()).metric("seconds", Math.round(r.seconds() * 10) / 10.0);
        String markdown = "# Penalized least squares (p = " + s.p() + ", noise sd " + s.noise() + ", test set "
                + s.testSize() + ", " + s.lambdaGrid().length + " λ log-spaced on [" + s.lambdaGrid()[0] + ", "
                + s.lambdaGrid()[s.lambdaGrid().length - 1] + "], β* fixed per problem)\n" + table;
        AtomicFiles.write(out.file("mse_table.md"), w -> w.write(markdown));
        AtomicFiles.write(out.file("mse.csv"), w -> w.write(csv.toString()));
        Charts.saveGrid(all, 2, out.file("regress.png"));
        return markdown;
    }

    /** A penalty in metrics.json: its display name, and for a topological one its feature ({@link FeatureSpec#record}). */
    private static Map<String, Object> definition(Penalty penalty) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", penalty.name());
        if (penalty.feature() != null) {
            d.putAll(FeatureSpec.record(penalty.feature(), 1));
        }
        return d;
    }

    private static void header(StringBuilder table, List<String> names) {
        table.append("| n |");
        for (String name : names) {
            table.append(' ').append(name).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(names.size())).append('\n');
    }

    private static XYChart chart(Problem problem, Selection sel, List<String> names, int[] ns, double[][] median,
                                 double[][] q1, double[][] q3, int trials) {
        String how = sel == Selection.CV ? "λ by cross-validation" : "oracle λ (authors')";
        XYChart chart = Charts.chart(problem.id() + ", " + how, "n (training samples)",
                "test MSE: median, bars = quartiles of " + trials + " trials", 560, 420);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        double spread = ns.length > 1 ? (ns[ns.length - 1] - ns[0]) / (double) (ns.length - 1) * 0.4 : 4;
        for (int k = 0; k < names.size(); k++) {
            double[] x = new double[ns.length];
            for (int c = 0; c < ns.length; c++) {
                // small horizontal offsets keep the quartile bars of different penalties apart
                x[c] = ns[c] + (names.size() > 1 ? spread * (k / (double) (names.size() - 1) - 0.5) : 0);
            }
            Charts.lineWithRanges(chart, names.get(k), x, positive(median[k]), positive(q1[k]), positive(q3[k]),
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
