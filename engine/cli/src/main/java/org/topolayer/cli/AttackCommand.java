package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.attack.AttackConfig;
import org.topolayer.apps.attack.AttackExperiment;
import org.topolayer.config.Config;
import org.topolayer.data.DatasetChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code topo attack}: topological adversarial attacks (the applications issue, part iii).
 * Trains pixel-space MLP/CNN classifiers and TopModels on persistence features (or reads saved
 * ones, {@code --classifier}; {@code --save-models} saves the trained ones), attacks them with
 * FGSM/PGD through the topology layer to the pixels, and writes metrics.json, results.csv,
 * config.json and PNG figures into the output folder.
 */
@Command(name = "attack", sortOptions = false,
        description = {
            "The paper's targeted attack with no eps cap, run until success (success after each",
            "step budget, the perturbation needed, the source/target grid), a gradient-free",
            "(SPSA) check, and FGSM/PGD under eps caps (L-inf and L2; untargeted and targeted)",
            "on pixel-space classifiers (MLP, CNN, an MLP at the TopModel's accuracy) and on TopModels: classifiers",
            "of persistence features (8 directional sweeps and the intensity level sets,",
            "vectorized by TopKBarcodeLengths) whose gradients flow back to the pixels.",
            "Data (--data): mnist, fashion-mnist (the default; the synthetic images when it is",
            "not installed), synthetic, or a folder of IDX files; the output says which."},
        footer = {
            "%nConfiguration: the defaults, then --config FILE (conf/topo-attack.properties lists",
            "every key), then --quick, then the options above, then --set. Writes metrics.json,",
            "results.csv, config.json and PNG figures into --output; --save-models keeps the",
            "trained classifiers, which --classifier attacks again without training.",
            "%nExample:  topo attack --config conf/topo-attack.properties --output results/attack",
            "          topo attack --quick --save-models /tmp/models --output /tmp/a1",
            "          topo attack --quick --classifier /tmp/models/topmodel-mlp.classifier --output /tmp/a2",
            "%nExit codes: 0 success; 1 bad input or failure; 2 bad options or keys."})
final class AttackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    AppOptions app;

    @Option(names = "--train-samples", paramLabel = "N", description = "Training images (key 'train-samples').")
    String train;

    @Option(names = "--test-samples", paramLabel = "N",
            description = "Test images for clean accuracy (key 'test-samples').")
    String test;

    @Option(names = "--eval-samples", paramLabel = "N", description = "Attacked test images (key 'eval-samples').")
    String images;

    @Option(names = "--eps", paramLabel = "E,E,...", description = "L-inf budgets (key 'eps').")
    String eps;

    @Option(names = "--eps-l2", paramLabel = "E,E,...", description = "L2 budgets (key 'eps-l2').")
    String epsL2;

    @Option(names = "--steps", paramLabel = "N", description = "PGD steps (key 'steps').")
    String steps;

    @Option(names = "--budgets", paramLabel = "N,N,...", description = {"Step budgets of the until-success protocol,"
            + " the largest its length (key 'until.budgets')."})
    String budgets;

    @Option(names = "--models", paramLabel = "M,M,...", description = {"Among pixel-mlp, pixel-cnn, pixel-mlp-matched,"
            + " topmodel-logistic, topmodel-mlp (key 'models')."})
    String models;

    @Option(names = "--attacks", paramLabel = "A,A,...",
            description = "METHOD-NORM-GOAL: fgsm|pgd, linf|l2, untargeted|targeted (key 'attacks').")
    String attacks;

    @Option(names = "--data", paramLabel = "mnist|fashion-mnist|synthetic|DIR", description = "The images: "
            + DatasetChoice.DESCRIPTION + " (key 'data').")
    String data;

    @Option(names = "--save-models", paramLabel = "DIR",
            description = "Save each trained classifier as DIR/MODEL.classifier (key 'save-models').")
    String saveModels;

    @Option(names = "--classifier", paramLabel = "FILE", description = {"Attack this saved classifier instead of"
            + " training the models; repeatable, one file per model kind (key 'classifiers')."})
    List<String> classifiers;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("train-samples", train);
        options.put("test-samples", test);
        options.put("eval-samples", images);
        options.put("eps", eps);
        options.put("eps-l2", epsL2);
        options.put("steps", steps);
        options.put("until.budgets", budgets);
        options.put("models", models);
        options.put("attacks", attacks);
        options.put("data", data);
        options.put("save-models", saveModels);
        if (classifiers != null) {
            for (String file : classifiers) {
                if (file.contains(",")) { // the key 'classifiers' is a comma-separated list
                    throw new ParameterException(spec.commandLine(), "--classifier " + file + ": a comma in the"
                            + " file name would split it in two; rename or link the file without one");
                }
            }
            options.put("classifiers", String.join(",", classifiers));
        }
        Config conf = app.resolve(spec, AttackConfig.KEYS, AttackConfig.QUICK, options);
        AttackConfig config = AppOptions.checked(spec, () -> new AttackConfig(conf));
        PrintWriter out = spec.commandLine().getOut();
        RunOutput run = AttackExperiment.run(config, app.output, out);
        out.flush();
        return run != null ? 0 : 1;
    }
}
