package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.regularize.CrossValidation;
import org.topolayer.apps.regularize.PenalizedFit;
import org.topolayer.apps.regularize.Penalties;
import org.topolayer.apps.regularize.Problem;
import org.topolayer.apps.regularize.RegressionExperiment;
import org.topolayer.apps.regularize.RegressionReport;
import org.topolayer.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topo regress}: topological weight regularization of least squares (the paper's §5.1,
 * Figures 8–9), against OLS, L1, L2, total variation and Sobolev penalties.
 */
@Command(name = "regress", sortOptions = false,
        description = {"Penalized least squares with topological and classical penalties on the weights;",
            "λ by cross-validation and, labelled, by the authors' oracle (least ||β̂ − β*||²); test MSE and",
            "||β̂ − β*||² per problem x penalty x n (table, figures, metrics.json)."},
        footer = {"%nConfig keys (conf/regress.properties documents them): seed, p, n, trials, noise, test_size,",
            "problems, penalties, signal_penalties, lambda_min, lambda_max, lambda_count, folds, iterations,",
            "learning_rate, start, start_ridge, threads.",
            "%nExample:  topo regress --config conf/regress.properties --output results/regress",
            "%nExit codes: 0 success; 1 bad input or failure; 2 bad options or config keys."})
final class RegressCommand implements Callable<Integer> {
    static final List<Config.Key> KEYS = List.of(
            new Config.Key("seed", "1", "random seed"),
            new Config.Key("p", "100", "number of features"),
            new Config.Key("n", "25,35,45,55,65,75,85,95,105,115,125,135", "training sample sizes"),
            new Config.Key("trials", "10", "data sets per problem and n"),
            new Config.Key("noise", "0.05", "standard deviation of the noise"),
            new Config.Key("test_size", "500", "test samples"),
            new Config.Key("problems", "minus-zero-one,one-two-three,sawtooth", "true weight vectors"),
            new Config.Key("penalties", "ols,l1,l2,top1,top2", "penalties of the problems read as 1-D points"),
            new Config.Key("signal_penalties", "ols,tv,sobolev,top1,top2", "penalties of the problems read as signals"),
            new Config.Key("lambda_min", "1e-4", "smallest λ of the grid"),
            new Config.Key("lambda_max", "10", "largest λ of the grid"),
            new Config.Key("lambda_count", "20", "λ values, log-spaced"),
            new Config.Key("folds", "3", "cross-validation folds"),
            new Config.Key("iterations", "300", "Adam iterations per fit"),
            new Config.Key("learning_rate", "0.02", "initial Adam learning rate"),
            new Config.Key("start", "ridge", "ridge (ridge solution, ε = start_ridge), ols (minimum-norm) or zero"),
            new Config.Key("start_ridge", "0.01", "ε of the ridge start"),
            new Config.Key("threads", "2", "worker threads"));

    static final Map<String, String> QUICK = Map.of("n", "85", "trials", "2", "problems", "minus-zero-one,sawtooth",
            "test_size", "200", "lambda_count", "8");

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    AppOptions app;

    @Mixin
    DebugOption debug;

    @Option(names = "--trials", paramLabel = "T", description = "Data sets per problem and n.")
    Integer trials;

    @Option(names = "--n", paramLabel = "N,N,...", description = "Training sample sizes, e.g. 30,50,90.")
    String sizes;

    @Option(names = "--problems", paramLabel = "LIST", description = "Problems: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ProblemNames.class)
    String problems;

    @Option(names = "--penalties", paramLabel = "LIST", description = "Penalties of every problem (sets penalties"
            + " and signal_penalties): ols,l1,l2,tv,sobolev,top1,top2.")
    String penalties;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads.")
    Integer threads;

    static final class ProblemNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Problem.ids().iterator();
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        AppOptions.given(options, "trials", trials);
        options.put("n", sizes);
        options.put("problems", problems);
        options.put("penalties", penalties);
        options.put("signal_penalties", penalties);
        AppOptions.given(options, "threads", threads);
        Config conf = app.resolve(spec, KEYS, QUICK, options);
        RegressionExperiment.Settings settings = AppOptions.checked(spec, () -> settings(conf));
        PrintWriter out = spec.commandLine().getOut();
        RunOutput run = app.start("regress", conf, out);
        out.flush();
        RegressionExperiment.Results results = RegressionExperiment.run(settings, out);
        String table = RegressionReport.write(results, run);
        run.writeMetrics();
        out.println(table);
        out.printf(java.util.Locale.ROOT, "done in %.1f s; results in %s%n", results.seconds(), run.dir());
        out.flush();
        return ExitCode.OK;
    }

    static RegressionExperiment.Settings settings(Config c) {
        int folds = c.integer("folds", 2);
        int[] ns = c.integers("n", 2);
        if (ns.length == 0) {
            throw c.bad("n", "a non-empty list of sample sizes");
        }
        for (int n : ns) {
            if (n < folds) {
                throw c.bad("n", "sample sizes of at least folds (" + folds + ")");
            }
        }
        double lo = c.positive("lambda_min"), hi = c.positive("lambda_max");
        if (hi < lo) {
            throw c.bad("lambda_max", "≥ lambda_min (" + lo + ")");
        }
        String start = c.get("start");
        if (!List.of("ridge", "ols", "zero").contains(start)) {
            throw c.bad("start", "ridge, ols or zero");
        }
        double startRidge = start.equals("ridge") ? c.atLeast("start_ridge", 0) : 0;
        List<Problem> problems = c.choices("problems", Problem.ids()).stream().map(Problem::byId).toList();
        List<String> penalties = c.choices("penalties", Penalties.NAMES);
        List<String> signalPenalties = c.choices("signal_penalties", Penalties.NAMES);
        return new RegressionExperiment.Settings(c.longValue("seed"), c.integer("p", 1), ns, c.integer("trials", 1),
                c.atLeast("noise", 0), c.integer("test_size", 1), problems, penalties, signalPenalties,
                CrossValidation.logGrid(lo, hi, c.integer("lambda_count", 1)), folds,
                new PenalizedFit.Settings(c.integer("iterations", 1), c.positive("learning_rate"), !start.equals("zero"),
                        startRidge),
                c.integer("threads", 1));
    }
}
