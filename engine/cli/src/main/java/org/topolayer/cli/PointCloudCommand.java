package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.regularize.PointCloudExperiment;
import org.topolayer.apps.regularize.PointCloudExperiment.Task;
import org.topolayer.config.Config;
import org.topolayer.features.FeatureSpec;
import org.topolayer.persistence.alpha.AlphaPersistence;
import org.topolayer.plot.Charts;
import org.topolayer.plot.MarkedBars;
import org.topolayer.plot.PointCloudPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topo pointcloud}: the paper's Figure 1, points in the unit square moved by a weak-alpha topological loss. */
@Command(name = "pointcloud", sortOptions = false,
        description = {"Optimize uniform points in the unit square with the weak-alpha layer: increase H1,",
            "decrease H1, or form k clusters (H0); before/after figures and metrics.json."},
        footer = {"%nConfig keys (conf/pointcloud.properties documents them): seed, points, tasks, clusters,",
            "iterations, learning_rate, component_scale, h1_min_length.",
            "%nExample:  topo pointcloud --config conf/pointcloud.properties --output results/pointcloud",
            "%nExit codes: 0 success; 1 bad input or failure; 2 bad options or config keys."})
final class PointCloudCommand implements Callable<Integer> {
    static final List<Config.Key> KEYS = List.of(
            new Config.Key("seed", "1", "random seed"),
            new Config.Key("points", "100", "number of points"),
            new Config.Key("tasks", String.join(",", Task.ids()), "what to optimize"),
            new Config.Key("clusters", "4", "k for the clusters task"),
            new Config.Key("iterations", "500", "Adam iterations"),
            new Config.Key("learning_rate", "0.005", "Adam learning rate"),
            new Config.Key("component_scale", "0.05", "edge length at which components are counted"),
            new Config.Key("h1_min_length", "0.01", "H1 bars longer than this are counted"));

    static final Map<String, String> QUICK = Map.of("points", "50", "iterations", "200");

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    AppOptions app;

    @Mixin
    DebugOption debug;

    @Option(names = "--points", paramLabel = "N", description = "Number of points.")
    Integer points;

    @Option(names = "--clusters", paramLabel = "K", description = "Clusters for the clusters task.")
    Integer clusters;

    @Option(names = "--iterations", paramLabel = "T", description = "Adam iterations.")
    Integer iterations;

    @Option(names = "--tasks", paramLabel = "LIST", description = "increase-h1,decrease-h1,clusters.")
    String tasks;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        AppOptions.given(options, "points", points);
        AppOptions.given(options, "clusters", clusters);
        AppOptions.given(options, "iterations", iterations);
        options.put("tasks", tasks);
        Config conf = app.resolve(spec, KEYS, QUICK, options);
        PointCloudExperiment.Settings s = AppOptions.checked(spec, () -> {
            int k = conf.integer("clusters", 1);
            int n = conf.integer("points", 3);
            if (k > n) {
                throw conf.bad("clusters", "at most points (" + n + ")");
            }
            return new PointCloudExperiment.Settings(n, conf.integer("iterations", 1), conf.positive("learning_rate"), k,
                    conf.positive("component_scale"));
        });
        List<Task> taskList = AppOptions.checked(spec, () -> conf.choices("tasks", Task.ids()).stream()
                .map(Task::byId).toList());
        double h1Min = AppOptions.checked(spec, () -> conf.atLeast("h1_min_length", 0));
        long seed = AppOptions.checked(spec, () -> conf.longValue("seed"));
        PrintWriter out = spec.commandLine().getOut();
        RunOutput run = app.start("pointcloud", conf, out);
        double[][] start = PointCloudExperiment.uniform(s.points(), new Random(seed));
        List<XYChart> all = new ArrayList<>();
        for (Task task : taskList) {
            PointCloudExperiment.Outcome o = PointCloudExperiment.run(task, start, s, out);
            String t = task.id();
            run.metric(t + ".loss", FeatureSpec.record(
                    PointCloudExperiment.feature(task, s.clusters()), PointCloudExperiment.weight(task)));
            run.metric(t + ".loss_before", o.lossBefore()).metric(t + ".loss_after", o.lossAfter());
            run.metric(t + ".h1_total_persistence_before", PointCloudExperiment.totalPersistence(o.before(), 1))
                    .metric(t + ".h1_total_persistence_after", PointCloudExperiment.totalPersistence(o.after(), 1))
                    .metric(t + ".h1_bars_before", PointCloudExperiment.barsLongerThan(o.before(), 1, h1Min))
                    .metric(t + ".h1_bars_after", PointCloudExperiment.barsLongerThan(o.after(), 1, h1Min))
                    .metric(t + ".components_before", PointCloudExperiment.componentsAt(o.before(), s.scale()))
                    .metric(t + ".components_after", PointCloudExperiment.componentsAt(o.after(), s.scale()));
            String goal = switch (task) {
                case INCREASE_H1 -> "increase H1";
                case DECREASE_H1 -> "decrease H1";
                case CLUSTERS -> s.clusters() + " clusters";
            };
            XYChart before = pointChart("before (" + goal + ")", o.before(), List.of());
            XYChart after = pointChart(String.format(Locale.ROOT, "after %d steps (%s)", s.iterations(), goal),
                    o.after(), targetedBars(task, o.after(), s.clusters()));
            Charts.saveGrid(List.of(before, after), 2, run.file("pointcloud-" + t + ".png"));
            all.add(before);
            all.add(after);
        }
        Charts.saveGrid(all, 2, run.file("pointcloud.png"));
        run.writeMetrics();
        run.metrics().forEach((k, v) -> out.println(k + " = " + v));
        out.println("results in " + run.dir());
        out.flush();
        return ExitCode.OK;
    }

    /** The points in the unit square (drawn square), with the critical edges of the given bars. */
    private static XYChart pointChart(String title, double[][] pts, List<MarkedBars.Bar> marked) {
        XYChart c = PointCloudPlot.chart(title, pts, marked, 420, 440);
        Charts.equalAspect(c, 0, 1, 0, 1);
        return c;
    }

    /**
     * The bars the task's loss acts on, to mark on the result: the two longest loops (H1), or for
     * clusters the k longest H0 bars (the essential one and the k - 1 merges between clusters).
     */
    private static List<MarkedBars.Bar> targetedBars(Task task, double[][] points, int clusters) {
        int dim = task == Task.CLUSTERS ? 0 : 1;
        int count = task == Task.CLUSTERS ? clusters : 2;
        return MarkedBars.longest(AlphaPersistence.weak(points, 1), count).stream()
                .filter(b -> b.dimension() == dim).toList();
    }
}
