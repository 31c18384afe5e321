package org.topolayer.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.generate.GenerateApp;
import org.topolayer.apps.generate.GenerateConfig;
import org.topolayer.config.Config;
import org.topolayer.data.DatasetChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topo generate}: topological priors for a generative model (the applications issue, part
 * ii). Settings are layered as for every application command (see {@link AppOptions}).
 */
@Command(name = "generate", sortOptions = false,
        description = {
            "Train a baseline GAN (the authors' MLP generator with batch normalisation) on --data (default",
            "Fashion-MNIST, synthetic images if it is not installed), then fine-tune it from that baseline with the",
            "topological prior 'one component' (E(1,0,2;PD0) on each output's superlevel diagram): the",
            "topology loss alone (variant topology, the paper's setup), GAN + topology loss (gan_topology),",
            "or latent codes moved (latent). Measure every generator with the paper's metrics (Achlioptas",
            "MMD and COV with L2 and with W1 between PD0 diagrams, inception score of a CNN scorer trained",
            "in the run or loaded from ~/.cache/topolayer/scorers) and extra figures, and write metrics.json,",
            "config.json and PNG figures."},
        footer = {
            "%nConfiguration keys (conf/generate.properties documents each): seed, data, train-samples,",
            "batch-size, gan-iterations, batch-norm, baseline-from, learning-rate, beta1, variants, topo-iterations,",
            "topo-weight, topo-skip, latent-iterations, latent-learning-rate, latent-norm-weight, samples,",
            "w1-samples, w1-min-persistence, tau, coverage-k, scorer-samples, scorer-images-seen,",
            "scorer-batch-size, scorer-learning-rate, scorer-shift, scorer-cache, log-every, nd4j-threads.",
            "%nExample:  topo generate --config conf/generate.properties --output results/generate",
            "%nExit codes: 0 success; 1 bad input or failure (one line on stderr); 2 bad options or config keys."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    AppOptions app;

    @Option(names = "--gan-iterations", paramLabel = "N", description = "Baseline GAN iterations (one D and one G step each).")
    Integer ganIterations;

    @Option(names = "--topo-iterations", paramLabel = "N",
            description = "Fine-tuning iterations (topology and gan_topology; the paper: 50).")
    Integer topoIterations;

    @Option(names = "--topo-weight", paramLabel = "W", description = "Weight of the topological loss beside the GAN loss (gan_topology).")
    Double topoWeight;

    @Option(names = "--samples", paramLabel = "N", description = "Generated (and real reference) samples measured.")
    Integer samples;

    @Option(names = "--train-samples", paramLabel = "N", description = "Training images used (the first N).")
    Integer trainSamples;

    @Option(names = "--tau", paramLabel = "T", description = "Persistence above which a component counts (intensity in [0, 1]).")
    Double tau;

    @Option(names = "--variants", paramLabel = "LIST",
            description = "Fine-tunings from the baseline, comma-separated: topology, gan_topology, latent.")
    String variants;

    @Option(names = "--baseline-from", paramLabel = "DIR",
            description = "Skip GAN training: load the baseline networks saved by an earlier run into DIR.")
    String baselineFrom;

    @Option(names = "--data", paramLabel = "mnist|fashion-mnist|synthetic|DIR", description = "The images: "
            + DatasetChoice.DESCRIPTION + " (key 'data').")
    String data;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        AppOptions.given(options, "data", data);
        AppOptions.given(options, "gan-iterations", ganIterations);
        AppOptions.given(options, "topo-iterations", topoIterations);
        AppOptions.given(options, "topo-weight", topoWeight);
        AppOptions.given(options, "samples", samples);
        AppOptions.given(options, "train-samples", trainSamples);
        AppOptions.given(options, "tau", tau);
        AppOptions.given(options, "variants", variants);
        AppOptions.given(options, "baseline-from", baselineFrom);
        Config conf = app.resolve(spec, GenerateConfig.KEYS, GenerateConfig.QUICK, options);
        GenerateConfig config = AppOptions.checked(spec, () -> new GenerateConfig(conf));
        RunOutput out = RunOutput.open(app.output, "generate");
        new GenerateApp(config, out, spec.commandLine().getOut()).run();
        return ExitCode.OK;
    }
}
