package org.topolayer.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.io.AtomicFiles;
import org.topolayer.spark.attack.AttackJob;
import org.topolayer.spark.output.JobSummary;
import org.topolayer.spark.train.TrainJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The adversarial-training loop over the existing jobs, in one Spark session: the train job's
 * classifier workload trains a baseline on the training images; the attack job attacks it on the
 * test images; the train job trains the same model again, adversarially (PGD examples made on the
 * executors against every step's parameters, or, with {@code --mode files}, the attack job's
 * examples of the training images against the baseline, mixed into every batch); the attack job
 * attacks the result with the same protocol. Writes {@code _summary.json} with clean accuracy and
 * accuracy at each ε before and after, the protocol, the training settings and the timings.
 * {@code --output-dir} keeps the options that shape the trainings ({@value #OPTIONS_FILE}): a rerun
 * with the same ones resumes both trainings from their checkpoints (a killed run continues; a
 * finished one retrains nothing), a rerun with others is refused in one line naming the first that
 * differs. The attacks are run again every time (they keep no state).
 */
@Command(name = "adversarial", mixinStandardHelpOptions = true,
        description = "Train a classifier, attack it, train it adversarially, attack it again.")
public final class AdversarialJob extends SparkJob {
    @Option(names = "--input", defaultValue = "fashion-mnist", description = "fashion-mnist (training images from"
            + " the train split, attacked ones from the test split), an IDX directory (the same), or synthetic"
            + " (training ids first, attacked ids after them) (default: ${DEFAULT-VALUE})")
    String input;

    @Option(names = "--model", defaultValue = "pixel-cnn", description = "pixel-mlp, pixel-cnn, topmodel-mlp or"
            + " topmodel-logistic (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--train-samples", defaultValue = "3000", description = "training images (default:"
            + " ${DEFAULT-VALUE})")
    int trainSamples;

    @Option(names = "--eval-samples", defaultValue = "200", description = "attacked test images (default:"
            + " ${DEFAULT-VALUE})")
    int evalSamples;

    @Option(names = "--steps", defaultValue = "100", description = "optimiser steps of each training (default:"
            + " ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch-size", defaultValue = "64", description = "samples per step (default:"
            + " ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--learning-rate", description = "Adam's learning rate (default: the train job's for the model)")
    Double learningRate;

    @Option(names = "--mode", defaultValue = "on-the-fly", description = "on-the-fly (PGD examples against each"
            + " step's parameters, Madry et al.) or files (the attack job's examples of the training images"
            + " against the baseline) (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--train-eps", defaultValue = "0.05", description = "the training attack's L∞ budget"
            + " (default: ${DEFAULT-VALUE})")
    double trainEps;

    @Option(names = "--train-attack-steps", defaultValue = "3", description = "PGD steps of the training attack"
            + " (default: ${DEFAULT-VALUE})")
    int trainAttackSteps;

    @Option(names = "--train-attack-random-start", defaultValue = "false", arity = "1", description = "the"
            + " training attack starts from a uniform point of the ε-ball (Madry et al.'s PGD; on-the-fly mode)"
            + " (default: ${DEFAULT-VALUE}: from the clean image, as the evaluation attack)")
    boolean trainAttackRandomStart;

    @Option(names = "--adversarial-fraction", defaultValue = "0.5", description = "the adversarial fraction of"
            + " every training batch (default: ${DEFAULT-VALUE})")
    double adversarialFraction;

    @Option(names = "--eps", split = ",", defaultValue = "0.01,0.02,0.05,0.1", description = "the evaluation"
            + " attack's L∞ budgets (default: ${DEFAULT-VALUE})")
    List<Double> eps;

    @Option(names = "--attack-steps", defaultValue = "10", description = "PGD steps of the evaluation attack"
            + " (default: ${DEFAULT-VALUE})")
    int attackSteps;

    @Option(names = "--step-factor", defaultValue = "2.5", description = "PGD step size = factor × ε / steps, in"
            + " training and evaluation (default: ${DEFAULT-VALUE})")
    double stepFactor;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the networks (the mini-batches use 7)"
            + " (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--output-dir", defaultValue = "topo-output/adversarial", description = "where the jobs'"
            + " outputs and _summary.json go (default: ${DEFAULT-VALUE})")
    Path outputDir;

    /** The file under --output-dir that records the options its trainings were made with. */
    static final String OPTIONS_FILE = "_options.txt";

    /** Options that only change the attacks of the test images, which every run repeats. */
    private static final Set<String> ATTACK_ONLY = Set.of("--output-dir", "--eps",
            "--attack-steps", "--eval-samples");

    @Override
    protected String appName() {
        return "topolayer adversarial";
    }

    @Override
    protected void checkOptions() {
        if (!SavedClassifier.MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown --model '" + model + "'; use one of "
                    + String.join(", ", SavedClassifier.MODELS));
        }
        if (!List.of("on-the-fly", "files").contains(mode)) {
            throw new IllegalArgumentException("unknown --mode '" + mode + "'; use on-the-fly or files");
        }
        if (trainAttackRandomStart && mode.equals("files")) {
            throw new IllegalArgumentException("--train-attack-random-start is for --mode on-the-fly (the files mode's"
                    + " examples come from the attack job, which starts from the clean images)");
        }
        if (trainSamples < 10 || evalSamples < 1 || steps < 1 || batchSize < 1 || trainAttackSteps < 1
                || attackSteps < 1 || !(trainEps > 0) || !(stepFactor > 0)
                || !(adversarialFraction > 0 && adversarialFraction <= 1) || eps.isEmpty()) {
            throw new IllegalArgumentException("need --train-samples ≥ 10, --eval-samples, --steps, --batch-size and"
                    + " the attack steps ≥ 1, --train-eps and --step-factor > 0, --adversarial-fraction in (0, 1]"
                    + " and at least one --eps");
        }
    }

    private boolean synthetic() {
        return input.equals("synthetic");
    }

    /** The input options of the training images. */
    private List<String> trainInput() {
        return synthetic() ? List.of("--input", "synthetic", "--synthetic-count", Integer.toString(trainSamples))
                : List.of("--input", input, "--split", "train", "--limit", Integer.toString(trainSamples));
    }

    private JobSummary train(SparkSession spark, String name, List<String> adversarial) throws Exception {
        List<String> args = new ArrayList<>(trainInput());
        args.addAll(List.of("--workload", "classifier", "--model", model, "--steps", Integer.toString(steps),
                "--batch-size", Integer.toString(batchSize), "--model-seed", Long.toString(seed), "--checkpoint-every",
                "25", "--output", outputDir.resolve(name).toString(), "--checkpoint-dir",
                outputDir.resolve(name + ".checkpoints").toString(), "--overwrite"));
        if (learningRate != null) {
            args.addAll(List.of("--learning-rate", Double.toString(learningRate)));
        }
        args.addAll(adversarial);
        TrainJob job = new TrainJob();
        new CommandLine(job).parseArgs(args.toArray(String[]::new));
        return job.run(spark);
    }

    /** The attack job on a saved classifier: the attacked test images, or (files mode) the training images. */
    private JobSummary attack(SparkSession spark, String name, String classifier, boolean trainingImages,
                              List<Double> budgets, int pgdSteps) throws Exception {
        List<String> args = new ArrayList<>();
        if (synthetic()) {
            args.addAll(List.of("--input", "synthetic", "--synthetic-count", Integer.toString(trainSamples
                    + evalSamples), "--train-samples", trainingImages ? "0" : Integer.toString(trainSamples)));
        } else {
            args.addAll(List.of("--input", input, "--split", trainingImages ? "train" : "test", "--limit",
                    Integer.toString(trainingImages ? trainSamples : evalSamples), "--train-samples", "0"));
        }
        args.addAll(List.of("--eval-samples", Integer.toString(trainingImages ? trainSamples : evalSamples),
                "--classifier", classifier, "--method", "pgd", "--norm", "linf", "--steps", Integer.toString(pgdSteps),
                "--step-factor", Double.toString(stepFactor), "--eps", budgets.stream().map(e -> Double.toString(e))
                        .reduce((a, b) -> a + "," + b).orElseThrow(),
                "--output", outputDir.resolve(name).toString(), "--overwrite"));
        AttackJob job = new AttackJob();
        new CommandLine(job).parseArgs(args.toArray(String[]::new));
        return job.run(spark);
    }

    /** The sum of a count over the jobs' summaries. */
    private static long total(List<JobSummary> jobs, String count) {
        return jobs.stream().mapToLong(job -> ((Number) job.get(count)).longValue()).sum();
    }

    private static Map<String, Object> robustness(JobSummary attack) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clean_accuracy", attack.get("clean_accuracy"));
        out.put("accuracy_by_eps", attack.get("accuracy_by_eps"));
        return out;
    }

    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        checkOptions();
        long start = System.nanoTime();
        Map<String, Object> seconds = new LinkedHashMap<>();
        String file = model + SavedClassifier.EXTENSION;
        reuseOnlyWithTheSameOptions();

        long t = System.nanoTime();
        JobSummary baseline = train(spark, "baseline", List.of());
        seconds.put("baseline_training", since(t));
        t = System.nanoTime();
        String baselineFile = outputDir.resolve("baseline").resolve(file).toString();
        JobSummary before = attack(spark, "attack-before", baselineFile, false, eps, attackSteps);
        seconds.put("attack_before", since(t));
        List<JobSummary> attacks = new ArrayList<>(List.of(before));

        List<String> adversarial;
        t = System.nanoTime();
        if (mode.equals("files")) {
            attacks.add(attack(spark, "attack-training-images", baselineFile, true, List.of(trainEps), trainAttackSteps));
            seconds.put("attack_training_images", since(t));
            t = System.nanoTime();
            adversarial = List.of("--adversarial-input", outputDir.resolve("attack-training-images").toString(),
                    "--adversarial-fraction", Double.toString(adversarialFraction));
        } else {
            adversarial = List.of("--adversarial-attack", "pgd", "--adversarial-norm", "linf", "--adversarial-eps",
                    Double.toString(trainEps), "--adversarial-steps", Integer.toString(trainAttackSteps),
                    "--adversarial-step-factor", Double.toString(stepFactor), "--adversarial-fraction",
                    Double.toString(adversarialFraction), "--adversarial-random-start",
                    Boolean.toString(trainAttackRandomStart));
        }
        JobSummary robust = train(spark, "adversarial", adversarial);
        seconds.put("adversarial_training", since(t));
        t = System.nanoTime();
        JobSummary after = attack(spark, "attack-after", outputDir.resolve("adversarial").resolve(file).toString(),
                false, eps, attackSteps);
        seconds.put("attack_after", since(t));
        seconds.put("total", since(start));
        attacks.add(after);

        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("attack", "pgd-linf-untargeted");
        protocol.put("eps", eps);
        protocol.put("steps", attackSteps);
        protocol.put("step_factor", stepFactor);
        protocol.put("random_start", false);
        protocol.put("stops_at_success", true);
        protocol.put("attacked_images", before.get("samples"));
        protocol.put("attacked_split", synthetic() ? "synthetic ids " + trainSamples + ".." : "test");
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("train_images", baseline.get("samples"));
        training.put("steps", steps);
        training.put("batch_size", batchSize);
        training.put("learning_rate", baseline.get("learning_rate"));
        training.put("model_seed", seed);
        training.put("mode", mode);
        training.put("attack", "pgd-linf-untargeted");
        training.put("eps", trainEps);
        training.put("attack_steps", trainAttackSteps);
        training.put("step_factor", stepFactor);
        training.put("random_start", trainAttackRandomStart);
        training.put("adversarial_fraction", adversarialFraction);
        // a resumed training reports the losses of the steps it ran (none when it had finished)
        training.put("final_loss_baseline", last(baseline.get("losses")));
        training.put("final_loss_adversarial", last(robust.get("losses")));
        training.put("resumed_at_step", Map.of("baseline", baseline.get("resumed_at_step"), "adversarial",
                robust.get("resumed_at_step")));
        JobSummary summary = new JobSummary().put("job", "adversarial").put("model", model)
                .put("input", baseline.get("input")).put("protocol", protocol).put("training", training)
                .put("before", robustness(before)).put("after", robustness(after))
                // partitions of attacked samples a killed run had finished and this one adopted
                .put("partitions_reused", total(attacks, "partitions_reused"))
                .put("partitions_computed", total(attacks, "partitions_computed"))
                .put("seconds", seconds)
                .put("cores", TopoSpark.taskCores(spark.sparkContext())).put("master", spark.sparkContext().master())
                .put("output_dir", outputDir.toString());
        Files.createDirectories(outputDir);
        AtomicFiles.write(outputDir.resolve("_summary.json"), w -> w.write(summary.toJson()));
        AdversarialFigure.draw(outputDir.resolve("accuracy_vs_eps.png"), List.of(outputDir.resolve("_summary.json")));
        System.err.printf(Locale.ROOT, "[adversarial] %s: clean %s -> %s, by eps %s -> %s%n", model,
                before.get("clean_accuracy"), after.get("clean_accuracy"), before.get("accuracy_by_eps"),
                after.get("accuracy_by_eps"));
        return summary;
    }

    /**
     * Compares this run's options with those recorded in --output-dir, refusing a difference, and
     * records them. A directory without the record (a run of an older version) has its checkpoints
     * deleted: nothing says what made them.
     */
    private void reuseOnlyWithTheSameOptions() throws IOException {
        Map<String, String> options = OptionFingerprint.of(spec(), ATTACK_ONLY, Map.of());
        Path record = outputDir.resolve(OPTIONS_FILE);
        if (Files.exists(record)) {
            Map<String, String> saved = new LinkedHashMap<>();
            for (String line : Files.readAllLines(record)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    saved.put(line.substring(0, space), line.substring(space + 1));
                }
            }
            String difference = OptionFingerprint.firstDifference(saved, options);
            if (difference != null) {
                throw new BadJobInputException("--output-dir " + outputDir + " holds the trainings of a run with"
                        + " other options (" + difference + "): rerun with that run's options to reuse them, or give"
                        + " a fresh --output-dir");
            }
        } else {
            for (String name : List.of("baseline", "adversarial")) {
                deleteTree(outputDir.resolve(name + ".checkpoints"));
            }
        }
        StringBuilder text = new StringBuilder();
        options.forEach((name, value) -> text.append(name).append(' ').append(value).append('\n'));
        Files.createDirectories(outputDir);
        AtomicFiles.write(record, w -> w.write(text.toString()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Object last(Object list) {
        List<?> l = (List<?>) list;
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    private static double since(long t) {
        return Math.round((System.nanoTime() - t) / 1e8) / 10.0;
    }
}
