package org.topolayer.spark.attack;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.Counted;
import org.topolayer.spark.ProgressLine;
import org.topolayer.spark.SparkJob;
import org.topolayer.spark.io.InputOptions;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.output.AtomicOutput;
import org.topolayer.spark.output.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Distributed adversarial evaluation. The driver trains a {@link TopKClassifier} on the samples
 * with id &lt; --train-samples and broadcasts it; each partition attacks the samples with ids in
 * [train-samples, train-samples + eval-samples) at every ε through the topology layer. Output:
 * Parquet of {@link AdversarialRecord} (clean and adversarial predictions, ε, L∞ and L2 norms, the
 * adversarial input), with accuracy against ε in {@code _summary.json}.
 */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = "FGSM/PGD evaluation of a topological-feature classifier, as Parquet.")
public final class AttackJob extends SparkJob {
    public static final String JOB_GROUP = "topolayer-attack";

    @Mixin
    InputOptions input;

    @Option(names = "--train-samples", defaultValue = "2000", description = "samples (ids 0..n-1) the classifier"
            + " is trained on, on the driver (default: ${DEFAULT-VALUE})")
    int trainSamples;

    @Option(names = "--eval-samples", defaultValue = "1000", description = "samples attacked, the ids after the"
            + " training ones (default: ${DEFAULT-VALUE})")
    int evalSamples;

    @Option(names = "--classes", defaultValue = "10", description = "number of classes (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--iterations", defaultValue = "300", description = "Adam steps of the classifier's training")
    int iterations;

    @Option(names = "--learning-rate", defaultValue = "0.05", description = "Adam learning rate of the classifier")
    double learningRate;

    @Option(names = "--feature", split = ";", defaultValue = "topk:dim=0,k=4;topk:dim=1,k=4",
            description = "features of the sublevel and superlevel diagrams (default: ${DEFAULT-VALUE})")
    List<String> features;

    @Option(names = "--maxdim", defaultValue = "1", description = "highest homology dimension (default: 1)")
    int maxDimension;

    @Option(names = "--eps", split = ",", defaultValue = "0.01,0.02,0.05",
            description = "L∞ budgets, comma-separated (default: ${DEFAULT-VALUE})")
    List<Double> epsilons;

    @Option(names = "--method", defaultValue = "fgsm", description = "fgsm or pgd (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--steps", defaultValue = "10", description = "PGD steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--output", required = true, description = "output directory (Parquet + _summary.json)")
    String output;

    @Option(names = "--overwrite", arity = "0..1", fallbackValue = "true",
            description = "replace an existing output (atomically); --overwrite=false to refuse")
    boolean overwrite;

    @Override
    protected String appName() {
        return "topolayer attack";
    }

    @Override
    protected void checkOptions() {
        GradientSignAttack.of(method, steps);
        new TopologicalFeatures(features.toArray(String[]::new), maxDimension);
        for (double eps : epsilons) {
            if (!(eps >= 0 && eps <= 1)) {
                throw new IllegalArgumentException("--eps values must be in [0, 1] (pixels are in [0, 1]), got " + eps);
            }
        }
        if (trainSamples < classes || evalSamples < 1 || classes < 2) {
            throw new IllegalArgumentException("need --classes ≥ 2, --train-samples ≥ --classes and --eval-samples ≥ 1");
        }
    }

    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        checkOptions();
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        Dataset<Sample> samples = input.source().load(spark);
        sc.setJobGroup(JOB_GROUP, "topolayer attack: training the classifier on the driver", false);
        List<Sample> training = samples.filter(col("id").lt(trainSamples)).collectAsList();
        if (training.size() < classes) {
            throw new BadJobInputException("only " + training.size() + " samples with id < " + trainSamples
                    + " to train on; lower --train-samples or give more input");
        }
        TopKClassifier model;
        try {
            model = TopKClassifier.train(training, new TopologicalFeatures(features.toArray(String[]::new),
                    maxDimension), classes, iterations, learningRate);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new BadJobInputException("cannot train the classifier: " + e.getMessage() + "; the attack job needs"
                    + " labelled images with labels below --classes");
        }
        Broadcast<TopKClassifier> shipped = JavaSparkContext.fromSparkContext(sc).broadcast(model);
        sc.setJobGroup(JOB_GROUP, "topolayer attack: " + method + " at ε " + epsilons, false);
        LongAccumulator done = sc.longAccumulator("attacked samples");
        Dataset<AdversarialRecord> records = samples
                .filter(col("id").geq(trainSamples).and(col("id").lt((long) trainSamples + evalSamples)))
                .mapPartitions(attackAll(shipped, GradientSignAttack.of(method, steps), List.copyOf(epsilons), done),
                        Encoders.bean(AdversarialRecord.class));
        try (AtomicOutput out = AtomicOutput.begin(sc.hadoopConfiguration(), output, overwrite);
             ProgressLine progress = ProgressLine.start(sc, JOB_GROUP, "attack", done)) {
            out.writeParquet(records);
            Dataset<Row> written = spark.read().parquet(out.stagingPath());
            JobSummary summary = summarize(written, training.size(), (System.nanoTime() - start) / 1e9, sc.master(),
                    out.finalPath());
            out.writeText("_summary.json", summary.toJson());
            out.commit();
            return summary;
        } finally {
            shipped.destroy();
            sc.clearJobGroup();
        }
    }

    private static MapPartitionsFunction<Sample, AdversarialRecord> attackAll(Broadcast<TopKClassifier> model,
            GradientSignAttack attack, List<Double> epsilons, LongAccumulator done) {
        FlatMapFunction<Sample, AdversarialRecord> perSample = s -> {
            TopKClassifier m = model.value();
            int[] shape = s.effectiveShape();
            int clean = m.predict(s.getValues(), shape);
            List<AdversarialRecord> out = new ArrayList<>(epsilons.size());
            for (double eps : epsilons) {
                double[] adversarial = attack.perturb(m, s.getValues(), shape, s.getLabel(), eps);
                out.add(new AdversarialRecord(s.getId(), s.getLabel(), eps, clean, m.predict(adversarial, shape),
                        s.getValues(), adversarial, shape));
            }
            return out.iterator();
        };
        return samples -> Counted.iterator(new FlatIterator<>(samples, perSample), done);
    }

    private JobSummary summarize(Dataset<Row> written, int trained, double seconds, String master, String path) {
        Map<String, Object> accuracy = new LinkedHashMap<>();
        for (Row r : written.groupBy("eps").agg(avg(when(col("adversarialPrediction").equalTo(col("label")), 1.0)
                .otherwise(0.0))).orderBy("eps").collectAsList()) {
            accuracy.put(Double.toString(r.getDouble(0)), r.getDouble(1));
        }
        Row clean = written.filter(col("eps").equalTo(epsilons.get(0))).agg(avg(when(col("cleanPrediction")
                .equalTo(col("label")), 1.0).otherwise(0.0)), avg("linf")).first();
        long attacked = written.count();
        return new JobSummary()
                .put("job", "attack")
                .put("input", input.source().describe())
                .put("method", method)
                .put("features", features)
                .put("trained_on", trained)
                .put("samples", attacked / epsilons.size())
                .put("clean_accuracy", clean.isNullAt(0) ? null : clean.getDouble(0))
                .put("accuracy_by_eps", accuracy)
                .put("seconds", seconds)
                .put("samples_per_second", attacked / epsilons.size() / seconds)
                .put("master", master)
                .put("output", path);
    }

    /** Flattens per-element iterators lazily. */
    private static final class FlatIterator<T, R> implements Iterator<R> {
        private final Iterator<T> inner;
        private final FlatMapFunction<T, R> f;
        private Iterator<R> current = java.util.Collections.emptyIterator();

        FlatIterator(Iterator<T> inner, FlatMapFunction<T, R> f) {
            this.inner = inner;
            this.f = f;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && inner.hasNext()) {
                try {
                    current = f.call(inner.next());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return current.hasNext();
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }
    }
}
