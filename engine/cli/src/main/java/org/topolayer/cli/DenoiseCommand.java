package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.regularize.DenoiseExperiment;
import org.topolayer.config.Config;
import org.topolayer.features.DiagramFeature;
import org.topolayer.features.FeatureSpec;
import org.topolayer.plot.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topo denoise}: a noisy ring image pushed toward a prior topology (components, holes) with a data-fidelity term. */
@Command(name = "denoise", sortOptions = false,
        description = {"Denoise an image with a topological prior (superlevel components and holes) and a",
            "data-fidelity term; before/after pictures, Betti numbers and metrics.json."},
        footer = {"%nConfig keys (conf/denoise.properties documents them): seed, size, noise, components, holes,",
            "topo_weight, iterations, learning_rate, threshold.",
            "%nExample:  topo denoise --config conf/denoise.properties --output results/denoise",
            "%nExit codes: 0 success; 1 bad input or failure; 2 bad options or config keys."})
final class DenoiseCommand implements Callable<Integer> {
    static final List<Config.Key> KEYS = List.of(
            new Config.Key("seed", "1", "random seed"),
            new Config.Key("size", "48", "image side in pixels"),
            new Config.Key("noise", "0.3", "standard deviation of the Gaussian noise"),
            new Config.Key("components", "1", "prior: components of the superlevel sets"),
            new Config.Key("holes", "1", "prior: holes of the superlevel sets"),
            new Config.Key("topo_weight", "1", "weight of the topological term"),
            new Config.Key("iterations", "1000", "Adam iterations"),
            new Config.Key("learning_rate", "0.01", "Adam learning rate"),
            new Config.Key("threshold", "0.5", "level at which Betti numbers are counted"));

    static final Map<String, String> QUICK = Map.of("size", "24", "iterations", "400");

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    AppOptions app;

    @Mixin
    DebugOption debug;

    @Option(names = "--size", paramLabel = "S", description = "Image side in pixels.")
    Integer size;

    @Option(names = "--noise", paramLabel = "SD", description = "Noise standard deviation.")
    Double noise;

    @Option(names = "--iterations", paramLabel = "T", description = "Adam iterations.")
    Integer iterations;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        AppOptions.given(options, "size", size);
        AppOptions.given(options, "noise", noise);
        AppOptions.given(options, "iterations", iterations);
        Config conf = app.resolve(spec, KEYS, QUICK, options);
        DenoiseExperiment.Settings s = AppOptions.checked(spec, () -> new DenoiseExperiment.Settings(
                conf.integer("size", 8), conf.atLeast("noise", 0), conf.integer("components", 1),
                conf.integer("holes", 0), conf.atLeast("topo_weight", 0), conf.integer("iterations", 1),
                conf.positive("learning_rate"), conf.number("threshold")));
        long seed = AppOptions.checked(spec, () -> conf.longValue("seed"));
        PrintWriter out = spec.commandLine().getOut();
        RunOutput run = app.start("denoise", conf, out);
        double[] clean = DenoiseExperiment.ring(s.size());
        double[] noisy = DenoiseExperiment.addNoise(clean, s.noise(), new Random(seed));
        DenoiseExperiment.Outcome o = DenoiseExperiment.run(clean, noisy, s, out);
        int n = s.size();
        double t = s.threshold();
        int[] bClean = DenoiseExperiment.bettiAt(clean, n, t);
        int[] bNoisy = DenoiseExperiment.bettiAt(noisy, n, t);
        int[] bAfter = DenoiseExperiment.bettiAt(o.denoised(), n, t);
        List<DiagramFeature> prior = DenoiseExperiment.priorFeatures(s.components(), s.holes());
        run.metric("prior_components", FeatureSpec.record(prior.get(0), s.topoWeight()))
                .metric("prior_holes", FeatureSpec.record(prior.get(1), s.topoWeight()));
        run.metric("prior_betti0", s.components()).metric("prior_betti1", s.holes())
                .metric("clean_betti0", bClean[0]).metric("clean_betti1", bClean[1])
                .metric("noisy_betti0", bNoisy[0]).metric("noisy_betti1", bNoisy[1])
                .metric("denoised_betti0", bAfter[0]).metric("denoised_betti1", bAfter[1])
                .metric("noisy_mse_to_clean", DenoiseExperiment.mse(noisy, clean))
                .metric("denoised_mse_to_clean", DenoiseExperiment.mse(o.denoised(), clean))
                .metric("loss_before", o.lossBefore()).metric("loss_after", o.lossAfter());
        double[][] panels = {clean, noisy, o.denoised(), threshold(clean, t), threshold(noisy, t),
            threshold(o.denoised(), t)};
        int scale = Math.max(2, 192 / n);
        ImageGrid.write(run.file("denoise.png"), panels, n, n, 3, scale, 0, 1);
        run.writeMetrics();
        run.metrics().forEach((k, v) -> out.println(k + " = " + v));
        out.println("denoise.png: top row clean | noisy | denoised; bottom row the same thresholded at " + t);
        out.println("results in " + run.dir());
        out.flush();
        return ExitCode.OK;
    }

    private static double[] threshold(double[] img, double t) {
        double[] out = new double[img.length];
        for (int i = 0; i < img.length; i++) {
            out[i] = img[i] >= t ? 1 : 0;
        }
        return out;
    }
}
