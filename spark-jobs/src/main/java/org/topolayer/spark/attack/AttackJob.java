package org.topolayer.spark.attack;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.topolayer.apps.attack.Attack;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.io.BadInputException;
import org.topolayer.io.FileProblems;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.Nd4jThreads;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.Counted;
import org.topolayer.spark.Nd4jInTasks;
import org.topolayer.spark.ProgressLine;
import org.topolayer.spark.SparkJob;
import org.topolayer.spark.io.DriverFiles;
import org.topolayer.spark.io.InputOptions;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleLimits;
import org.topolayer.spark.output.AtomicOutput;
import org.topolayer.spark.output.JobSummary;
import org.topolayer.spark.output.OutputOptions;
import org.topolayer.spark.output.Rejections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Distributed adversarial evaluation of the applications' classifiers. The driver trains the
 * chosen model as {@code topo attack} does (a TopModel on persistence features, or a pixel-space
 * MLP or CNN) on the samples with id &lt; --train-samples, or reads a saved one ({@code
 * --classifier}, a {@link SavedClassifier} file), and broadcasts its classifier file; each partition
 * attacks the samples with ids in [train-samples, train-samples + eval-samples) at every ε with
 * the applications' FGSM or PGD ({@link Attack}: through the topology layers for a TopModel).
 * Output: Parquet of {@link AdversarialRecord} (clean and adversarial predictions, ε, L∞ and L2
 * norms, the adversarial input, usable as the train job's input), with accuracy against ε in
 * {@code _summary.json}.
 * Training and evaluated samples are checked first ({@link AttackSamples}); bad ones fail the job
 * or go to {@code _rejected} ({@code --on-bad-sample}).
 */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = "FGSM/PGD evaluation of a TopModel or pixel-space classifier, as Parquet.")
public final class AttackJob extends SparkJob {
    public static final String JOB_GROUP = "topolayer-attack";
    /** Samples attacked together: the classifiers take batches. */
    private static final int BATCH = 32;

    @Mixin
    InputOptions input;

    @Mixin
    SampleLimits limits;

    @Option(names = "--classifier", description = "a classifier file (topo attack --save-models, this job's"
            + " --save-classifier) to attack instead of training one: the model and training options are then not"
            + " used; any Hadoop file system path (local, hdfs://, s3a://)")
    String classifierFile;

    @Option(names = "--save-classifier", description = "also write the classifier the job trains to this file"
            + " (any Hadoop file system path, not inside --output; an existing file only with --overwrite), for"
            + " later runs' --classifier")
    String saveClassifier;

    @Option(names = "--model", defaultValue = "topmodel-mlp", description = "topmodel-mlp, topmodel-logistic"
            + " (persistence features, then an MLP or logistic head), pixel-mlp or pixel-cnn"
            + " (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--train-samples", defaultValue = "10000", description = "samples (ids 0..n-1) the classifier"
            + " is trained on, on the driver; with --classifier, the attacked ids still start here"
            + " (default: ${DEFAULT-VALUE})")
    int trainSamples;

    @Option(names = "--eval-samples", defaultValue = "1000", description = "samples attacked, the ids after the"
            + " training ones (default: ${DEFAULT-VALUE})")
    int evalSamples;

    @Option(names = "--classes", defaultValue = "10", description = "number of classes (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--epochs", description = "training epochs (default: 40 TopModel, 3 pixel models, as topo attack)")
    Integer epochs;

    @Option(names = "--batch", defaultValue = "64", description = "training minibatch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--learning-rate", description = "Adam learning rate of the training (default: 0.003 TopModel,"
            + " 0.001 pixel models)")
    Double learningRate;

    @Option(names = "--hidden", split = ",", description = "MLP hidden widths (default: 64 topmodel-mlp, 128"
            + " pixel-mlp)")
    int[] hidden;

    @Option(names = "--model-seed", defaultValue = "1",
            description = "seed of the training (default: ${DEFAULT-VALUE})")
    long modelSeed;

    @Option(names = "--directions", defaultValue = "8", description = "TopModel: directional sweeps (default: 8)")
    int directions;

    @Option(names = "--darkness", defaultValue = "1.5", description = "TopModel: delay of dark pixels in the sweeps"
            + " (default: ${DEFAULT-VALUE})")
    double darkness;

    @Option(names = "--topk", defaultValue = "4", description = "TopModel: longest H0 and H1 bars per filtration"
            + " (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--extent", defaultValue = "true", arity = "1", description = "TopModel: each sweep's essential"
            + " H0 birth as a feature (default: ${DEFAULT-VALUE})")
    boolean extent;

    @Option(names = "--intensity", defaultValue = "true", arity = "1", description = "TopModel: the intensity"
            + " sub- and superlevel filtrations too (default: ${DEFAULT-VALUE})")
    boolean intensity;

    @Option(names = "--eps", split = ",", defaultValue = "0.01,0.02,0.05",
            description = "budgets, comma-separated, in the --norm (default: ${DEFAULT-VALUE})")
    List<Double> epsilons;

    @Option(names = "--method", defaultValue = "fgsm", description = "fgsm or pgd (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--norm", defaultValue = "linf", description = "linf or l2 (default: ${DEFAULT-VALUE})")
    String norm;

    @Option(names = "--steps", defaultValue = "10", description = "PGD steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--step-factor", defaultValue = "2.5", description = "PGD step size = step-factor × ε / steps"
            + " (default: ${DEFAULT-VALUE})")
    double stepFactor;

    @Mixin
    OutputOptions output;

    @Override
    protected String appName() {
        return "topolayer attack";
    }

    @Override
    protected void checkOptions() {
        if (!SavedClassifier.MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown --model '" + model + "'; use one of "
                    + String.join(", ", SavedClassifier.MODELS));
        }
        if (model.equals("pixel-mlp-matched") && classifierFile == null) {
            throw new IllegalArgumentException("--model pixel-mlp-matched is trained only by topo attack (to another"
                    + " model's accuracy); save it there with --save-models and give the file with --classifier");
        }
        if (classifierFile != null && saveClassifier != null) {
            throw new IllegalArgumentException("--save-classifier keeps the classifier the job trains, and with"
                    + " --classifier nothing is trained (the file is saved already); give one or the other");
        }
        attack(0);
        settings();
        for (double eps : epsilons) {
            if (!(eps >= 0 && (eps <= 1 || norm.equals("l2")))) {
                throw new IllegalArgumentException("--eps values must be in [0, 1] for linf (pixels are in [0, 1]) and"
                        + " ≥ 0 for l2, got " + eps);
            }
        }
        if (trainSamples < (classifierFile == null ? classes : 0) || evalSamples < 1 || classes < 2 || batch < 1) {
            throw new IllegalArgumentException("need --classes ≥ 2, --train-samples ≥ --classes (≥ 0 with"
                    + " --classifier), --eval-samples ≥ 1 and --batch ≥ 1");
        }
        limits.check();
        input.check();
    }

    /** The attack at budget ε. */
    private Attack attack(double eps) {
        Attack.Norm n = switch (norm.toLowerCase(Locale.ROOT)) {
            case "linf" -> Attack.Norm.LINF;
            case "l2" -> Attack.Norm.L2;
            default -> throw new IllegalArgumentException("unknown --norm '" + norm + "'; use linf or l2");
        };
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "fgsm" -> Attack.fgsm(n, eps, false);
            case "pgd" -> {
                if (steps < 1 || !(stepFactor > 0)) {
                    throw new IllegalArgumentException("pgd needs --steps ≥ 1 and --step-factor > 0");
                }
                yield Attack.pgd(n, eps, steps, stepFactor, false);
            }
            default -> throw new IllegalArgumentException("unknown --method '" + method + "'; use fgsm or pgd");
        };
    }

    /** The training settings, with topo attack's defaults for the model. */
    private ClassifierTraining.Settings settings() {
        boolean top = model.startsWith("topmodel");
        int[] widths = hidden != null ? hidden : new int[] {top ? 64 : 128};
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("--hidden widths must be ≥ 1");
            }
        }
        int e = epochs != null ? epochs : top ? 40 : 3;
        double lr = learningRate != null ? learningRate : top ? 0.003 : 0.001;
        if (e < 0 || !(lr > 0)) {
            throw new IllegalArgumentException("--epochs must be ≥ 0 and --learning-rate > 0");
        }
        return new ClassifierTraining.Settings(model, classes, e, batch, lr, widths, modelSeed,
                new TopFeatureMap.Spec(directions, darkness, topK, extent, intensity));
    }

    /** The classifier the job attacks, the classifier file's bytes it broadcasts, and where it came from. */
    private record Classifier(SavedClassifier saved, byte[] file, Map<String, Object> provenance) {
    }

    @SuppressWarnings("try") // the progress line is a scope: it prints while the block runs
    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        checkOptions();
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        // small networks on the driver: ND4J's spinning OpenMP threads slowed topo attack's training 20-100x
        Nd4jThreads.limit(1);
        Dataset<Sample> samples = input.source(limits).load(spark);
        // the classifier's features are level sets up to H1: the memory check uses maxdim 1
        AttackSamples check = new AttackSamples(classes, 1, limits);
        Dataset<Sample> evaluated = samples.filter(col("id").geq(trainSamples)
                .and(col("id").lt((long) trainSamples + evalSamples)));
        Dataset<Row> problems = problems(evaluated, check);
        long badTraining = 0;
        Classifier classifier;
        if (classifierFile != null) {
            classifier = readClassifier(sc.hadoopConfiguration());
        } else {
            if (saveClassifier != null) {
                checkSavePath(sc.hadoopConfiguration());
            }
            // read once for the checks and the training (only a rejected sample's reason is read again)
            Dataset<Sample> trainingInput = samples.filter(col("id").lt(trainSamples))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> trainingProblems = problems(trainingInput, check);
            try {
                badTraining = trainingProblems.count();
                if (badTraining > 0 && !limits.rejects()) {
                    Row first = trainingProblems.first();
                    throw SampleLimits.failure(first.getLong(0), first.getString(1));
                }
                sc.setJobGroup(JOB_GROUP, "topolayer attack: training " + model + " on the driver", false);
                Dataset<Sample> usable = trainingInput.filter((FilterFunction<Sample>) s -> check.problem(s) == null);
                classifier = trained(ClassifierTraining.train(usable, settings()), sc.hadoopConfiguration());
            } finally {
                trainingInput.unpersist();
            }
            problems = trainingProblems.union(problems);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(sc).broadcast(classifier.file());
        sc.setJobGroup(JOB_GROUP, "topolayer attack: " + method + " " + norm + " at ε " + epsilons, false);
        LongAccumulator done = sc.longAccumulator("attacked samples");
        List<Attack> attacks = epsilons.stream().map(this::attack).toList();
        // the attacked ids are contiguous, so usually in one input partition: spread them over the cores
        int slices = Math.max(1, Math.min(evalSamples / BATCH, 4 * sc.defaultParallelism()));
        JavaRDD<Sample> attacked = evaluated.repartition(slices, col("id")).javaRDD();
        // a rerun after a driver died reuses the partitions it finished: same input, options, code and
        // classifier (a trained one counts by its checksum: retrained alike, it is the same classifier)
        Map<String, String> fingerprint = partitionFingerprint(input, sc.hadoopConfiguration(),
                attacked.getNumPartitions(), Map.of("classifier", SavedClassifier.checksum(classifier.file())));
        try (AtomicOutput out = AtomicOutput.resume(sc.hadoopConfiguration(), output.path(), output.overwrite(),
                fingerprint);
             ProgressLine progress = ProgressLine.start(sc, JOB_GROUP, "attack", done)) {
            Dataset<AdversarialRecord> records = out.partitions().complete(spark, attacked,
                    attackAll(shipped, classifier.saved().source(), attacks, done, check), AdversarialRecord.class);
            out.writeParquet(records);
            Rejections.Count rejected = Rejections.settle(spark, problems, problems.count(), limits, out);
            Dataset<Row> written = spark.read().parquet(out.stagingPath());
            if (written.isEmpty() && rejected.rejected() == 0) {
                throw new BadJobInputException("no sample has an id in [" + trainSamples + ", "
                        + ((long) trainSamples + evalSamples) + "), the ids attacked: the input has fewer samples;"
                        + " lower --train-samples (with --classifier, 0 attacks from the first sample)");
            }
            JobSummary summary = summarize(written, classifier, trainSeconds, rejected,
                    (System.nanoTime() - start) / 1e9, sc.master(), out.finalPath())
                    .put("partitions_reused", out.partitions().reused())
                    .put("partitions_computed", out.partitions().computed());
            out.writeText("_summary.json", summary.toJson());
            out.commit();
            return summary;
        } finally {
            shipped.destroy();
            sc.clearJobGroup();
        }
    }

    /** Also the engine's layers and networks (topolayer-nd4j) and attacks (topolayer-apps). */
    @Override
    protected Class<?>[] codeClasses() {
        return new Class<?>[] {getClass(), org.topolayer.compute.FiltrationSpec.class,
            org.topolayer.data.DatasetChoice.class, DifferentiableClassifier.class, Attack.class};
    }

    /** The --classifier file, read on the driver and checked against --classes (samples' shapes: when attacked). */
    private Classifier readClassifier(Configuration hadoop) {
        byte[] file;
        try {
            file = DriverFiles.read(hadoop, classifierFile);
        } catch (IOException e) {
            throw new BadJobInputException("cannot read the classifier file " + classifierFile + ": "
                    + FileProblems.describe(e) + "; check --classifier");
        }
        try {
            SavedClassifier saved = SavedClassifier.fromBytes(file, classifierFile);
            saved.requireClasses(classes, "the job (--classes)");
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("source", "file");
            provenance.put("file", classifierFile);
            provenance.put("sha256", SavedClassifier.checksum(file));
            provenance.putAll(saved.describe());
            return new Classifier(saved, file, provenance);
        } catch (BadInputException e) {
            throw new BadJobInputException(e.getMessage());
        }
    }

    /**
     * --save-classifier may not lie inside --output (the commit replaces that folder whole) nor
     * replace a file without --overwrite.
     */
    private void checkSavePath(Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path save = new org.apache.hadoop.fs.Path(saveClassifier);
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output.path());
        FileSystem fs = save.getFileSystem(hadoop);
        String saved = fs.makeQualified(save).toString();
        String outDir = out.getFileSystem(hadoop).makeQualified(out).toString();
        if (saved.startsWith(outDir + "/")) {
            throw new BadJobInputException("--save-classifier " + saveClassifier + " is inside --output "
                    + output.path() + ", which the job writes as a whole; save the classifier beside the output");
        }
        if (fs.exists(save) && !output.overwrite()) {
            throw new BadJobInputException("classifier file " + saveClassifier + " exists; remove it, choose another"
                    + " --save-classifier or add --overwrite");
        }
    }

    /** The classifier the driver trained, written to --save-classifier if given. */
    private Classifier trained(SavedClassifier saved, Configuration hadoop) throws IOException {
        byte[] file = saved.toBytes();
        if (saveClassifier != null) {
            try {
                DriverFiles.write(hadoop, saveClassifier, file);
            } catch (IOException e) {
                throw new BadJobInputException("cannot write the classifier file " + saveClassifier + ": "
                        + FileProblems.describe(e) + "; check --save-classifier");
            }
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", "trained");
        provenance.putAll(saved.describe());
        provenance.put("training", settings().describe());
        if (saveClassifier != null) {
            provenance.put("saved_to", saveClassifier);
        }
        provenance.put("sha256", SavedClassifier.checksum(file));
        return new Classifier(saved, file, provenance);
    }

    /** The bad samples with their reasons: the checks alone, cheap to run again for the reasons. */
    private static Dataset<Row> problems(Dataset<Sample> samples, AttackSamples check) {
        return samples.flatMap((FlatMapFunction<Sample, Row>) s -> {
            String problem = check.problem(s);
            return (problem == null ? List.<Row>of() : List.of(RowFactory.create(s.getId(), problem))).iterator();
        }, Encoders.row(Rejections.SCHEMA));
    }

    /**
     * Each partition opens the broadcast classifier file once, then attacks its usable samples in
     * batches at every budget; bad samples are counted and left out (settled by {@link Rejections}).
     *
     * @param source names the classifier in messages (its file, or the trained model)
     */
    private static MapPartitionsFunction<Sample, AdversarialRecord> attackAll(Broadcast<byte[]> shipped, String source,
            List<Attack> attacks, LongAccumulator done, AttackSamples check) {
        return samples -> {
            if (!samples.hasNext()) {
                return java.util.Collections.emptyIterator();
            }
            Nd4jInTasks.limitThreads();
            // an instance per partition: DL4J networks are not thread-safe
            SavedClassifier classifier = SavedClassifier.fromBytes(shipped.value(), source);
            Iterator<AdversarialRecord> records = new Batches(samples)
                    .flatMap(batch -> attack(classifier, usable(batch, check), attacks));
            return Counted.iterator(records, done);
        };
    }

    /** The batch without its bad samples (settled apart, from the problems the check finds). */
    private static List<Sample> usable(List<Sample> batch, AttackSamples check) {
        List<Sample> good = new ArrayList<>(batch.size());
        for (Sample s : batch) {
            if (check.problem(s) == null) {
                good.add(s);
            }
        }
        return good;
    }

    private static Iterator<AdversarialRecord> attack(SavedClassifier classifier, List<Sample> batch,
                                                      List<Attack> attacks) {
        int n = batch.size();
        if (n == 0) {
            return java.util.Collections.emptyIterator();
        }
        DifferentiableClassifier model = classifier.classifier();
        double[][] images = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Sample s = batch.get(i);
            try {
                classifier.requireShape(s.effectiveShape(), "sample " + s.getId());
            } catch (BadInputException e) {
                throw new BadJobInputException(e.getMessage());
            }
            images[i] = s.getValues();
            labels[i] = s.getLabel();
        }
        int[] clean = model.predict(images);
        Attack.Result[] results = new Attack.Result[attacks.size()];
        for (int e = 0; e < results.length; e++) {
            results[e] = attacks.get(e).run(model, images, labels, null);
        }
        List<AdversarialRecord> out = new ArrayList<>(n * results.length);
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < results.length; e++) {
                double[] adversarial = results[e].adversarial()[i];
                out.add(new AdversarialRecord(batch.get(i).getId(), labels[i], attacks.get(e).epsilon(), clean[i],
                        results[e].predictions()[i], Attack.linf(adversarial, images[i]),
                        Attack.l2(adversarial, images[i]), adversarial, batch.get(i).effectiveShape()));
            }
        }
        return out.iterator();
    }

    private JobSummary summarize(Dataset<Row> written, Classifier classifier, double trainSeconds,
                                 Rejections.Count rejected, double seconds, String master, String path) {
        Map<String, Object> accuracy = new LinkedHashMap<>();
        for (Row r : written.groupBy("eps").agg(avg(when(col("adversarialPrediction").equalTo(col("label")), 1.0)
                .otherwise(0.0))).orderBy("eps").collectAsList()) {
            accuracy.put(Double.toString(r.getDouble(0)), r.getDouble(1));
        }
        Row clean = written.filter(col("eps").equalTo(epsilons.get(0))).agg(avg(when(col("cleanPrediction")
                .equalTo(col("label")), 1.0).otherwise(0.0))).first();
        long attacked = written.count();
        JobSummary summary = new JobSummary()
                .put("job", "attack")
                .put("input", input.source(limits).describe())
                .put("model", classifier.saved().model())
                .put("classifier", classifier.provenance())
                .put("method", method)
                .put("norm", norm);
        if (classifierFile == null) {
            summary.put("trained_on", trainSamples).put("train_seconds", trainSeconds);
        }
        return summary
                .put("samples", attacked / epsilons.size())
                .put("on_bad_sample", limits.policy())
                .put("rejected", rejected.rejected())
                .put("first_rejections", rejected.first())
                .put("clean_accuracy", clean.isNullAt(0) ? null : clean.getDouble(0))
                .put("accuracy_by_eps", accuracy)
                .put("seconds", seconds)
                .put("samples_per_second", attacked / epsilons.size() / seconds)
                .put("master", master)
                .put("output", path);
    }

    /** A partition's samples in lists of {@link #BATCH}, and the lazy concatenation of what each list maps to. */
    private static final class Batches {
        private final Iterator<Sample> samples;

        Batches(Iterator<Sample> samples) {
            this.samples = samples;
        }

        <R> Iterator<R> flatMap(java.util.function.Function<List<Sample>, Iterator<R>> f) {
            return new Iterator<>() {
                private Iterator<R> current = java.util.Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && samples.hasNext()) {
                        List<Sample> batch = new ArrayList<>(BATCH);
                        while (batch.size() < BATCH && samples.hasNext()) {
                            batch.add(samples.next());
                        }
                        current = f.apply(batch);
                    }
                    return current.hasNext();
                }

                @Override
                public R next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }
    }
}
