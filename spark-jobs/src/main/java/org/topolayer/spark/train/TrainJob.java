package org.topolayer.spark.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.SparkJob;
import org.topolayer.spark.attack.TopologicalFeatures;
import org.topolayer.spark.io.InputOptions;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.output.AtomicOutput;
import org.topolayer.spark.output.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Synchronous data-parallel training with a topological term: each step the driver broadcasts the
 * parameters, every partition sums per-sample (task loss + λ·topological loss) gradients, the sums
 * are added in partition order ({@link OrderedSum}), and the driver applies Adam. Full-batch steps
 * over the cached input; checkpoints every N steps; a rerun resumes from the last checkpoint, and
 * ends with the parameters of an uninterrupted run, bit for bit. The input may be the attack job's
 * output (adversarial training): {@code --input OUT --format parquet --shape-column shape
 * --label-column label}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Data-parallel training of an autoencoder with a topological regularizer.")
public final class TrainJob extends SparkJob {
    @Mixin
    InputOptions input;

    @Option(names = "--steps", defaultValue = "20", description = "total optimiser steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--hidden", defaultValue = "32", description = "hidden units (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--lambda", defaultValue = "0.01", description = "weight of the topological loss")
    double lambda;

    @Option(names = "--topo-feature", split = ";", defaultValue = "partialsum:dim=0,skip=1",
            description = "topological loss on each reconstruction: the sum of these features of its sublevel and"
                    + " superlevel diagrams (default: ${DEFAULT-VALUE}: all components but the largest)")
    List<String> topoFeatures;

    @Option(names = "--maxdim", defaultValue = "1", description = "highest homology dimension (default: 1)")
    int maxDimension;

    @Option(names = "--learning-rate", defaultValue = "0.01", description = "Adam learning rate")
    double learningRate;

    @Option(names = "--init-seed", defaultValue = "7", description = "seed of the initial parameters")
    long parameterSeed;

    @Option(names = "--checkpoint-dir", description = "checkpoint directory (default: OUTPUT.checkpoints)")
    String checkpointDir;

    @Option(names = "--checkpoint-every", defaultValue = "5", description = "steps between checkpoints")
    int checkpointEvery;

    @Option(names = "--output", required = true, description = "output directory (parameters.bin + _summary.json)")
    String output;

    @Option(names = "--overwrite", arity = "0..1", fallbackValue = "true",
            description = "replace an existing output (atomically); --overwrite=false to refuse")
    boolean overwrite;

    @Override
    protected String appName() {
        return "topolayer train";
    }

    @Override
    protected void checkOptions() {
        new TopologicalFeatures(topoFeatures.toArray(String[]::new), maxDimension);
        if (steps < 1 || hidden < 1 || checkpointEvery < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("--steps, --hidden and --checkpoint-every must be ≥ 1 and"
                    + " --learning-rate > 0");
        }
    }

    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        checkOptions();
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        sc.setJobGroup("topolayer-train", "topolayer train: " + input.source().describe(), false);
        JavaRDD<Sample> samples = input.source().load(spark).javaRDD().cache();
        Sample first = samples.first();
        if (first.getValues() == null) {
            throw new BadJobInputException("sample " + first.getId() + " could not be read (" + first.getError()
                    + "); check --input");
        }
        long count = samples.count();
        Autoencoder model = new Autoencoder(first.getValues().length, hidden, lambda,
                new TopologicalFeatures(topoFeatures.toArray(String[]::new), maxDimension));
        Checkpoints checkpoints = new Checkpoints(sc.hadoopConfiguration(),
                checkpointDir != null ? checkpointDir : output + ".checkpoints");
        Checkpoints.State state = checkpoints.latest();
        if (state != null && state.parameters().length != model.parameterCount()) {
            throw new BadJobInputException("the checkpoint of step " + state.step() + " in " + checkpoints.dir()
                    + " holds " + state.parameters().length + " parameters, this model has " + model.parameterCount()
                    + " (another --hidden or input shape?); remove the checkpoints or choose another --checkpoint-dir");
        }
        long resumedAt = state == null ? 0 : state.step();
        double[] params = state == null ? model.initialParameters(parameterSeed) : state.parameters();
        Adam adam = state == null ? new Adam(params.length, learningRate) : state.optimiser();
        List<Double> losses = new ArrayList<>();
        double stepSeconds = 0;
        try (AtomicOutput out = AtomicOutput.begin(sc.hadoopConfiguration(), output, overwrite)) {
            for (long step = resumedAt; step < steps; step++) {
                long t = System.nanoTime();
                double[] sum = gradientSum(jsc, samples, model, params);
                stepSeconds += (System.nanoTime() - t) / 1e9;
                double[] gradient = java.util.Arrays.copyOf(sum, params.length);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] /= count;
                }
                adam.step(params, gradient);
                losses.add(sum[params.length] / count);
                System.err.printf(java.util.Locale.ROOT, "[train] step %d/%d loss %.6f%n", step + 1, steps,
                        sum[params.length] / count);
                if ((step + 1) % checkpointEvery == 0 || step + 1 == steps) {
                    checkpoints.save(new Checkpoints.State(step + 1, params, adam));
                }
            }
            ByteArrayOutputStream parameters = new ByteArrayOutputStream();
            try (DataOutputStream bytes = new DataOutputStream(parameters)) {
                Checkpoints.write(bytes, params);
            }
            out.writeBytes("parameters.bin", parameters.toByteArray());
            long trainedSteps = steps - resumedAt;
            int cores = sc.defaultParallelism();
            JobSummary summary = new JobSummary()
                    .put("job", "train")
                    .put("workload", "autoencoder")
                    .put("input", input.source().describe())
                    .put("samples", count)
                    .put("parameters", params.length)
                    .put("resumed_at_step", resumedAt)
                    .put("steps", steps)
                    .put("losses", losses)
                    .put("seconds", (System.nanoTime() - start) / 1e9)
                    .put("seconds_per_step", trainedSteps == 0 ? null : stepSeconds / trainedSteps)
                    .put("samples_per_second_per_core", trainedSteps == 0 ? null
                            : count * trainedSteps / stepSeconds / cores)
                    .put("cores", cores)
                    .put("master", sc.master())
                    .put("output", out.finalPath());
            out.writeText("_summary.json", summary.toJson());
            out.commit();
            return summary;
        } finally {
            samples.unpersist();
            sc.clearJobGroup();
        }
    }

    /**
     * [Σ per-sample gradients, Σ losses] over all samples, with the parameters broadcast once; added
     * in a fixed order ({@link OrderedSum}), so a resumed run ends with an uninterrupted run's bits.
     */
    private static double[] gradientSum(JavaSparkContext jsc, JavaRDD<Sample> samples, Autoencoder model,
                                        double[] params) {
        Broadcast<double[]> shipped = jsc.broadcast(params);
        int p = params.length;
        try {
            return OrderedSum.of(samples, partition -> {
                double[] acc = new double[p + 1];
                while (partition.hasNext()) {
                    Sample s = partition.next();
                    if (s.getValues() != null) {
                        acc[p] += model.addGradient(shipped.value(), s.getValues(), s.effectiveShape(), acc);
                    }
                }
                return acc;
            });
        } finally {
            shipped.destroy();
        }
    }
}
