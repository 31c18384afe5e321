package org.topolayer.spark.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.SparkSession;
import org.topolayer.apps.attack.Attack;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.generate.GenerateApp;
import org.topolayer.apps.generate.RealImages;
import org.topolayer.io.FileProblems;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.OptionFingerprint;
import org.topolayer.spark.SparkJob;
import org.topolayer.spark.TopoSpark;
import org.topolayer.spark.io.DriverFiles;
import org.topolayer.spark.io.InputOptions;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleLimits;
import org.topolayer.spark.io.TableSource;
import org.topolayer.spark.output.AtomicOutput;
import org.topolayer.spark.output.JobSummary;
import org.topolayer.spark.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Synchronous data-parallel training with a topological term: each step the driver broadcasts the
 * parameters, every partition computes its samples' (task loss + λ·topological loss) gradients with
 * ND4J and sums them, the sums are combined with {@code treeAggregate} (exactly, so in any order),
 * and the driver applies Adam. Steps use all samples or a mini-batch drawn from the seed and the
 * step number; checkpoints every N steps; a rerun resumes from the last checkpoint with the same
 * result as an uninterrupted run. Workloads: an autoencoder with a topological regularizer on its
 * reconstructions, and the generative application's GAN generator with its topological prior. The
 * autoencoder's input may be the attack job's output (adversarial training): {@code --input OUT
 * --format parquet --shape-column shape --label-column label}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Data-parallel training with a topological loss: an autoencoder or the GAN generator.")
public final class TrainJob extends SparkJob {
    @Mixin
    InputOptions input;

    @Option(names = "--workload", defaultValue = "autoencoder",
            description = "autoencoder (on the input images) or generator (the GAN generator with the topological"
                    + " prior; the input images train its discriminator) (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--steps", defaultValue = "20", description = "total optimiser steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch-size", description = "samples per step (autoencoder: images, generator: latent codes),"
            + " drawn from --train-seed and the step number (default: all of them every step)")
    Integer batchSize;

    @Option(names = "--lambda", description = "weight of the topological loss (default: 0.01 autoencoder, 1.0"
            + " generator: topo generate's topo-weight)")
    Double lambda;

    @Option(names = "--learning-rate", description = "Adam learning rate (default: 0.002 autoencoder, 0.0002"
            + " generator, as topo generate)")
    Double learningRate;

    @Option(names = "--beta1", description = "Adam's β₁ (default: 0.9 autoencoder, 0.5 generator, as topo generate)")
    Double beta1;

    @Option(names = "--train-seed", defaultValue = "7", description = "seed of the initial parameters, the"
            + " mini-batches and (generator) the latent codes and discriminator batches (default: ${DEFAULT-VALUE})")
    long trainSeed;

    @Option(names = "--hidden", defaultValue = "32",
            description = "autoencoder: hidden units (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--topo-feature", split = ";", defaultValue = "paper:dim=0,p=1,q=0,i0=2",
            description = "autoencoder: topological loss on each reconstruction, the sum of these features of its"
                    + " sublevel and superlevel diagrams (default: ${DEFAULT-VALUE}, the paper's E(1,0,2;PD0):"
                    + " every finite H0 bar, i.e. all components but the most persistent)")
    List<String> topoFeatures;

    @Option(names = "--maxdim", defaultValue = "1",
            description = "autoencoder: highest homology dimension (default: 1)")
    int maxDimension;

    @Option(names = "--latents", defaultValue = "10000", description = "generator: latent codes the partitions hold"
            + " (default: ${DEFAULT-VALUE})")
    int latents;

    @Option(names = "--topo-skip", defaultValue = "0", description = "generator: superlevel H0 bars the prior spares"
            + " besides the essential one (default: ${DEFAULT-VALUE}: one component)")
    int topoSkip;

    @Option(names = "--real-samples", defaultValue = "10000", description = "generator: input images collected to"
            + " the driver for the discriminator (default: ${DEFAULT-VALUE})")
    int realSamples;

    @Option(names = "--discriminator-batch", defaultValue = "32", description = "generator: real and generated"
            + " images of each discriminator step (default: ${DEFAULT-VALUE}, topo generate's batch-size)")
    int discriminatorBatch;

    @Option(names = "--init-from", description = "generator: a topo generate output folder; start from its "
            + GenerateApp.GENERATOR_FILE + " and " + GenerateApp.DISCRIMINATOR_FILE + " (a trained baseline, made"
            + " with --set batch-norm=false: this job's generator has no batch normalisation)")
    Path initFrom;

    @Option(names = "--model", defaultValue = "pixel-cnn", description = "classifier: topo attack's model,"
            + " pixel-mlp, pixel-cnn, topmodel-mlp or topmodel-logistic (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--classes", defaultValue = "10", description = "classifier: number of classes (default:"
            + " ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--classifier-hidden", split = ",", description = "classifier: MLP hidden widths (default: 64"
            + " topmodel-mlp, 128 pixel-mlp, as topo attack)")
    int[] classifierHidden;

    @Option(names = "--model-seed", defaultValue = "1", description = "classifier: seed of the initial network,"
            + " as the attack job's (default: ${DEFAULT-VALUE})")
    long modelSeed;

    @Option(names = "--directions", defaultValue = "8", description = "classifier, TopModel: directional sweeps"
            + " (default: ${DEFAULT-VALUE})")
    int directions;

    @Option(names = "--darkness", defaultValue = "1.5", description = "classifier, TopModel: delay of dark pixels"
            + " in the sweeps (default: ${DEFAULT-VALUE})")
    double darkness;

    @Option(names = "--topk", defaultValue = "4", description = "classifier, TopModel: longest H0 and H1 bars per"
            + " filtration (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--extent", defaultValue = "true", arity = "1", description = "classifier, TopModel: each"
            + " sweep's essential H0 birth as a feature (default: ${DEFAULT-VALUE})")
    boolean extent;

    @Option(names = "--intensity", defaultValue = "true", arity = "1", description = "classifier, TopModel: the"
            + " intensity sub- and superlevel filtrations too (default: ${DEFAULT-VALUE})")
    boolean intensity;

    @Option(names = "--adversarial-input", description = "classifier: the attack job's output (Parquet: values,"
            + " shape, the true label); --adversarial-fraction of every batch is drawn from it")
    String adversarialInput;

    @Option(names = "--adversarial-attack", defaultValue = "none", description = "classifier: none, pgd or fgsm:"
            + " at every step, --adversarial-fraction of the batch's clean samples are replaced by this attack's"
            + " examples against the step's parameters, made on the executors (default: ${DEFAULT-VALUE})")
    String adversarialAttack;

    @Option(names = "--adversarial-fraction", defaultValue = "1.0", description = "classifier: the fraction of a"
            + " batch that is adversarial (default: ${DEFAULT-VALUE})")
    double adversarialFraction;

    @Option(names = "--adversarial-norm", defaultValue = "linf", description = "classifier: linf or l2"
            + " (default: ${DEFAULT-VALUE})")
    String adversarialNorm;

    @Option(names = "--adversarial-eps", defaultValue = "0.05", description = "classifier: the attack's budget"
            + " (default: ${DEFAULT-VALUE})")
    double adversarialEps;

    @Option(names = "--adversarial-steps", defaultValue = "10", description = "classifier: PGD steps"
            + " (default: ${DEFAULT-VALUE})")
    int adversarialSteps;

    @Option(names = "--adversarial-step-factor", defaultValue = "2.5", description = "classifier: PGD step size"
            + " = factor × ε / steps (default: ${DEFAULT-VALUE})")
    double adversarialStepFactor;

    @Option(names = "--adversarial-targeted", defaultValue = "false", arity = "1", description = "classifier:"
            + " targeted at a random wrong class drawn from --train-seed, the step and the id (default:"
            + " ${DEFAULT-VALUE})")
    boolean adversarialTargeted;

    @Option(names = "--adversarial-random-start", defaultValue = "false", arity = "1", description = "classifier:"
            + " the on-the-fly attack starts from a uniform point of the ε-ball (Madry et al.'s PGD), drawn from"
            + " --train-seed, the step and the id (default: ${DEFAULT-VALUE}: from the clean image)")
    boolean adversarialRandomStart;

    @Option(names = "--topo-weight-lambda", defaultValue = "0", description = "classifier, pixel-mlp: weight of"
            + " the topological penalty on the first layer's weight images, Σ over its units of E(1,0,2;PD0) of the"
            + " superlevel diagram of the unit's H×W weights (default: ${DEFAULT-VALUE}, none)")
    double topoWeightLambda;

    @Option(names = "--init-classifier", description = "classifier: start from this classifier file (topo attack"
            + " --save-models, the attack job's --save-classifier, this workload's output) of the same --model and"
            + " options, e.g. to fine-tune a baseline adversarially; any Hadoop path")
    String initClassifier;

    @Option(names = "--group-size", defaultValue = "500", description = "classifier: ids per evaluation group,"
            + " one DL4J batch each (the parameters depend on it, not on the partitions) (default: ${DEFAULT-VALUE})")
    long groupSize;

    @Option(names = "--partitions", defaultValue = "0", description = "classifier: partitions of the cached"
            + " samples (default: 0, the input's)")
    int partitions;

    @Mixin
    SampleLimits limits;

    @Option(names = "--checkpoint-dir", description = "checkpoint directory (default: OUTPUT.checkpoints)")
    String checkpointDir;

    @Option(names = "--checkpoint-every", defaultValue = "5", description = "steps between checkpoints")
    int checkpointEvery;

    @Mixin
    OutputOptions output;

    @Override
    protected String appName() {
        return "topolayer train";
    }

    @Override
    protected void checkOptions() {
        if (!List.of("autoencoder", "generator", "classifier").contains(workload)) {
            throw new IllegalArgumentException("unknown --workload '" + workload + "'; use autoencoder, generator or"
                    + " classifier");
        }
        if (classifier()) {
            checkClassifierOptions();
        } else if (adversarialInput != null || !adversarialAttack.equals("none") || initClassifier != null) {
            throw new IllegalArgumentException("--adversarial-input, --adversarial-attack and --init-classifier are"
                    + " for --workload classifier (the autoencoder reads adversarial images as its --input)");
        }
        limits.check();
        new TopologicalFeatures(topoFeatures.toArray(String[]::new), maxDimension);
        if (steps < 1 || hidden < 1 || checkpointEvery < 1 || latents < 1 || realSamples < 1
                || discriminatorBatch < 1 || topoSkip < 0) {
            throw new IllegalArgumentException("--steps, --hidden, --checkpoint-every, --latents, --real-samples and"
                    + " --discriminator-batch must be ≥ 1, --topo-skip ≥ 0");
        }
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be ≥ 1 (leave it out for all samples), got "
                    + batchSize);
        }
        if (!(learningRate() > 0) || !(beta1() >= 0 && beta1() < 1) || !(lambda() >= 0)) {
            throw new IllegalArgumentException("--learning-rate must be > 0, --beta1 in [0, 1) and --lambda ≥ 0");
        }
        if (initFrom != null && !generator()) {
            throw new IllegalArgumentException("--init-from is for --workload generator");
        }
        input.check();
    }

    private boolean generator() {
        return workload.equals("generator");
    }

    private boolean classifier() {
        return workload.equals("classifier");
    }

    private void checkClassifierOptions() {
        if (!SavedClassifier.MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown --model '" + model + "'; use one of "
                    + String.join(", ", SavedClassifier.MODELS));
        }
        if (classes < 2 || partitions < 0 || groupSize < 1 || !(adversarialFraction >= 0 && adversarialFraction <= 1)) {
            throw new IllegalArgumentException("need --classes ≥ 2, --partitions ≥ 0, --group-size ≥ 1 and"
                    + " --adversarial-fraction in [0, 1]");
        }
        if (lambda != null) {
            throw new IllegalArgumentException("--lambda is the autoencoder's and generator's; the classifier's"
                    + " topological weight is --topo-weight-lambda");
        }
        if (!(topoWeightLambda >= 0) || (topoWeightLambda > 0 && !model.equals("pixel-mlp"))) {
            throw new IllegalArgumentException("--topo-weight-lambda must be ≥ 0, and is for --model pixel-mlp (the"
                    + " model whose first-layer units have weight images)");
        }
        for (int w : hidden()) {
            if (w < 1) {
                throw new IllegalArgumentException("--classifier-hidden widths must be ≥ 1");
            }
        }
        featureSpec();
        onTheFly();
    }

    private int[] hidden() {
        return classifierHidden != null ? classifierHidden : new int[] {model.startsWith("topmodel") ? 64 : 128};
    }

    private TopFeatureMap.Spec featureSpec() {
        return new TopFeatureMap.Spec(directions, darkness, topK, extent, intensity);
    }

    /** The on-the-fly attack, or null for none. */
    private ClassifierLoss.OnTheFly onTheFly() {
        if (adversarialAttack.equals("none")) {
            return null;
        }
        Attack.Norm norm = switch (adversarialNorm.toLowerCase(Locale.ROOT)) {
            case "linf" -> Attack.Norm.LINF;
            case "l2" -> Attack.Norm.L2;
            default -> throw new IllegalArgumentException("unknown --adversarial-norm '" + adversarialNorm
                    + "'; use linf or l2");
        };
        if (!(adversarialEps > 0) || adversarialSteps < 1 || !(adversarialStepFactor > 0)) {
            throw new IllegalArgumentException("--adversarial-eps and --adversarial-step-factor must be > 0,"
                    + " --adversarial-steps ≥ 1");
        }
        Attack attack = switch (adversarialAttack.toLowerCase(Locale.ROOT)) {
            case "pgd" -> Attack.pgd(norm, adversarialEps, adversarialSteps, adversarialStepFactor,
                    adversarialTargeted);
            case "fgsm" -> Attack.fgsm(norm, adversarialEps, adversarialTargeted);
            default -> throw new IllegalArgumentException("unknown --adversarial-attack '" + adversarialAttack
                    + "'; use none, pgd or fgsm");
        };
        if (adversarialInput != null) {
            // both would fill the same --adversarial-fraction of a batch: which examples, and whether the file's
            // are attacked again, would be a choice the user did not make
            throw new IllegalArgumentException("give --adversarial-input (examples from files) or"
                    + " --adversarial-attack (examples made at every step), not both: each fills the"
                    + " --adversarial-fraction of every batch; to train on both, train with one and continue with"
                    + " the other from its classifier (--init-classifier OUTPUT/MODEL.classifier)");
        }
        return new ClassifierLoss.OnTheFly(attack, adversarialFraction, trainSeed, adversarialRandomStart);
    }

    /**
     * The options that shape the trained parameters, kept with each checkpoint: all but the output's
     * place, the checkpoint interval, the partitions (the parameters do not depend on them), the
     * bad-sample policy and memory budget (a run either sees the same samples or stops) and
     * {@code --steps} (a step's batch depends on the seed and the step only, so a run may be
     * continued to more steps; a checkpoint beyond --steps is refused). Options whose default depends
     * on the workload or model count with their effective value.
     */
    private Map<String, String> fingerprint() {
        if (spec() == null) {
            throw new IllegalStateException("the train job's options must be parsed by picocli (new CommandLine(job))");
        }
        Map<String, String> effective = new HashMap<>();
        effective.put("--learning-rate", Double.toString(learningRate()));
        effective.put("--beta1", Double.toString(beta1()));
        effective.put("--lambda", Double.toString(lambda()));
        effective.put("--classifier-hidden", OptionFingerprint.text(hidden()));
        return OptionFingerprint.of(spec(), Set.of("--output", "--overwrite",
                "--checkpoint-dir", "--checkpoint-every", "--partitions", "--on-bad-sample", "--memory-budget",
                "--steps"), effective);
    }

    private double lambda() {
        return classifier() ? topoWeightLambda : lambda != null ? lambda : generator() ? 1.0 : 0.01;
    }

    private double learningRate() {
        return learningRate != null ? learningRate : generator() ? 2e-4
                : classifier() ? (model.startsWith("topmodel") ? 0.003 : 0.001) : 0.002;
    }

    private double beta1() {
        return beta1 != null ? beta1 : generator() ? 0.5 : 0.9;
    }

    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        checkOptions();
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        sc.setJobGroup("topolayer-train", "topolayer train (" + workload + "): " + input.source().describe(), false);
        Workload w = generator() ? generatorWorkload(spark, jsc) : classifier() ? classifierWorkload(spark, jsc)
                : autoencoderWorkload(spark);
        JavaRDD<Sample> samples = w.samples().cache();
        long count = samples.count();
        Checkpoints checkpoints = new Checkpoints(sc.hadoopConfiguration(),
                checkpointDir != null ? checkpointDir : output.path() + ".checkpoints", fingerprint());
        long resumedAt = checkpoints.restoreLatest(w.name(), w.networks());
        if (resumedAt > steps) {
            throw new BadJobInputException("the last checkpoint is of step " + resumedAt + ", beyond --steps " + steps
                    + ": give --steps ≥ " + resumedAt + " to resume it, or a fresh --output or --checkpoint-dir");
        }
        TrainedNetwork trained = w.networks().get(0);
        int p = trained.parameterCount();
        List<Double> losses = new ArrayList<>(), topological = new ArrayList<>(), driverLosses = new ArrayList<>();
        List<Double> stepSeconds = new ArrayList<>(), stepCpuSeconds = new ArrayList<>();
        List<Long> adversarialPerStep = new ArrayList<>();
        long stepSamples = 0;
        try (AtomicOutput out = output.begin(sc.hadoopConfiguration())) {
            for (long step = resumedAt; step < steps; step++) {
                long t = System.nanoTime(), cpu = processCpuNanos();
                double driverLoss = w.beforeStep(step);
                double[] sum = DistributedGradient.sum(jsc, samples, w.ids(count, batchSize, trainSeed, step),
                        w.networks(), w.gradient(), w.groupSpan());
                double n = sum[p + BatchGradient.SAMPLES];
                double[] gradient = new double[p];
                for (int i = 0; i < p; i++) {
                    gradient[i] = sum[i] / n;
                }
                double penalty = w.addPenalty(trained.parameters(), gradient);
                trained.step(gradient);
                adversarialPerStep.add((long) sum[p + BatchGradient.ADVERSARIAL]);
                stepSeconds.add((System.nanoTime() - t) / 1e9);
                stepCpuSeconds.add((processCpuNanos() - cpu) / 1e9);
                stepSamples += (long) n;
                double topo = sum[p + BatchGradient.TOPOLOGICAL_LOSS] / n + penalty;
                losses.add(sum[p + BatchGradient.TASK_LOSS] / n + lambda() * topo);
                topological.add(topo);
                driverLosses.add(driverLoss);
                System.err.printf(Locale.ROOT, "[train] step %d/%d loss %.6f (topological %.4f)%s%n", step + 1, steps,
                        losses.get(losses.size() - 1), topo,
                        Double.isNaN(driverLoss) ? "" : String.format(Locale.ROOT, ", discriminator %.4f", driverLoss));
                if ((step + 1) % checkpointEvery == 0 || step + 1 == steps) {
                    checkpoints.save(step + 1, w.name(), w.networks());
                }
            }
            for (TrainedNetwork network : w.networks()) {
                String file = network == trained ? "parameters.bin" : network.name() + ".bin";
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream bin = new DataOutputStream(bytes)) {
                    Checkpoints.write(bin, network.parameters());
                }
                out.writeBytes(file, bytes.toByteArray());
            }
            w.write(out);
            long trainedSteps = steps - resumedAt;
            int cores = TopoSpark.taskCores(sc);
            boolean local = sc.master().startsWith("local");
            JobSummary summary = new JobSummary()
                    .put("job", "train")
                    .put("workload", w.name())
                    .put("input", input.source().describe())
                    .put("samples", count)
                    .put("batch_size", batchSize == null || batchSize >= count ? count : batchSize)
                    .put("parameters", p)
                    .put("lambda", lambda())
                    .put("resumed_at_step", resumedAt)
                    .put("steps", steps)
                    .put("losses", losses)
                    .put("topological_losses", topological)
                    .put("seconds", (System.nanoTime() - start) / 1e9)
                    .put("step_seconds", stepSeconds)
                    .put("samples_per_second_per_core", trainedSteps == 0 ? null
                            : stepSamples / total(stepSeconds) / cores)
                    // in local mode the executors are this process, so its CPU time covers the whole step
                    .put("step_cpu_seconds", local ? stepCpuSeconds : null)
                    .put("samples_per_cpu_second", trainedSteps == 0 || !local ? null
                            : stepSamples / total(stepCpuSeconds))
                    .put("cores", cores)
                    .put("master", sc.master())
                    .put("output", out.finalPath());
            if (generator()) {
                summary.put("discriminator_losses", driverLosses);
            }
            if (classifier()) {
                summary.put("learning_rate", learningRate()).put("beta1", beta1()).put("train_seed", trainSeed)
                        .put("model_seed", modelSeed).put("adversarial_per_step", adversarialPerStep);
                w.describe().forEach(summary::put);
            }
            out.writeText("_summary.json", summary.toJson());
            out.commit();
            return summary;
        } finally {
            samples.unpersist();
            sc.clearJobGroup();
        }
    }

    private Workload classifierWorkload(SparkSession spark, JavaSparkContext jsc) {
        JavaRDD<Sample> clean = input.source().load(spark).javaRDD();
        JavaRDD<Sample> adversarial = adversarialInput == null ? null
                : new TableSource("parquet", adversarialInput, new TableSource.Columns("values", "id", "label",
                        "shape", null)).load(spark).javaRDD();
        return new ClassifierWorkload(clean, adversarial, adversarialFraction, onTheFly(), model, classes, hidden(),
                modelSeed, featureSpec(), partitions > 0 ? partitions : clean.getNumPartitions(), limits,
                learningRate(), beta1(), topoWeightLambda, initialClassifier(spark), groupSize);
    }

    /** The --init-classifier file, or null. */
    private SavedClassifier initialClassifier(SparkSession spark) {
        if (initClassifier == null) {
            return null;
        }
        try {
            byte[] bytes = DriverFiles.read(spark.sparkContext().hadoopConfiguration(), initClassifier);
            return SavedClassifier.fromBytes(bytes, initClassifier);
        } catch (org.topolayer.io.BadInputException e) {
            throw new BadJobInputException(e.getMessage() + " (--init-classifier)");
        } catch (IOException e) {
            throw new BadJobInputException("cannot read the classifier file " + initClassifier + ": "
                    + FileProblems.describe(e) + "; check --init-classifier");
        }
    }

    private Workload autoencoderWorkload(SparkSession spark) {
        ReconstructionLoss loss = new ReconstructionLoss(lambda(),
                new TopologicalFeatures(topoFeatures.toArray(String[]::new), maxDimension));
        return new AutoencoderWorkload(input.source().load(spark).javaRDD(), hidden, loss, trainSeed, learningRate(),
                beta1());
    }

    private Workload generatorWorkload(SparkSession spark, JavaSparkContext jsc) throws IOException {
        List<Sample> pool = input.source().load(spark).filter((FilterFunction<Sample>) s -> s.getValues() != null)
                .limit(realSamples).collectAsList();
        if (pool.isEmpty()) {
            throw new BadJobInputException("no readable images in --input for the discriminator; check --input");
        }
        int[] shape = pool.get(0).effectiveShape();
        int[] sizes = MlpNetwork.paperGeneratorSizes();
        int pixels = sizes[sizes.length - 1];
        double[][] images = new double[pool.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = pool.get(i).getValues();
            if (images[i].length != pixels || shape.length != 2) {
                throw new BadJobInputException("sample " + pool.get(i).getId() + " has " + images[i].length
                        + " values; the generator makes 28×28 images: give 28×28 images as --input");
            }
        }
        float[][] initial = null;
        if (initFrom != null) {
            try {
                initial = new float[][] {
                    GenerateApp.readFloats(initFrom.resolve(GenerateApp.GENERATOR_FILE),
                            MlpNetwork.countParameters(sizes)),
                    GenerateApp.readFloats(initFrom.resolve(GenerateApp.DISCRIMINATOR_FILE),
                            MlpNetwork.countParameters(MlpNetwork.discriminatorSizes(pixels)))};
            } catch (IOException e) { // including the engine's BadInputException (a wrong size)
                String problem = e instanceof NoSuchFileException ? "no file " + e.getMessage() : e.getMessage();
                throw new BadJobInputException("--init-from " + initFrom + ": " + problem
                        + "; give the output folder of a topo generate run");
            }
        }
        GeneratorLoss loss = new GeneratorLoss(shape[0], shape[1], topoSkip, lambda());
        return new GeneratorWorkload(jsc, new RealImages(images), latents, loss, discriminatorBatch, trainSeed, initial,
                learningRate(), beta1());
    }

    private static double total(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
