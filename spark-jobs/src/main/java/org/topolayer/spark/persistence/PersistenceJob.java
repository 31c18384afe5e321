package org.topolayer.spark.persistence;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.spark.Counted;
import org.topolayer.spark.ProgressLine;
import org.topolayer.spark.SparkJob;
import org.topolayer.spark.io.InputOptions;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleLimits;
import org.topolayer.spark.io.SampleSource;
import org.topolayer.spark.output.AtomicOutput;
import org.topolayer.spark.output.JobSummary;
import org.topolayer.spark.output.OutputOptions;
import org.topolayer.spark.output.Rejections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Large-dataset preprocessing: per sample, the diagrams of each filtration and a feature vector,
 * written atomically as Parquet with {@code _summary.json} (see {@link PersistenceOutput} for the
 * schema); under {@code --on-bad-sample reject}, bad samples in {@code _rejected} (see {@link Rejections}).
 */
@Command(name = "persistence", mixinStandardHelpOptions = true,
        description = "Per-sample persistence diagrams and features of a dataset, as Parquet.")
public final class PersistenceJob extends SparkJob {
    public static final String JOB_GROUP = "topolayer-persistence";

    @Mixin
    InputOptions input;

    @Mixin
    SampleLimits limits;

    @Option(names = "--filtration", split = ",", defaultValue = "sublevel,superlevel",
            description = "filtrations, comma-separated: sublevel, superlevel (images, signals, volumes; Freudenthal),"
                    + " cubical, cubical-superlevel (the same grids as cubical complexes, pixels as top cells),"
                    + " rips, alpha, alpha-exact (point clouds [n, d]) (default: ${DEFAULT-VALUE})")
    List<String> filtrations;

    @Option(names = "--maxdim", defaultValue = "1", description = "highest homology dimension (default: 1)")
    int maxDimension;

    @Option(names = "--threshold", defaultValue = "Infinity", description = "Rips threshold (default: none)")
    double threshold;

    @Option(names = "--coeff", defaultValue = "2",
            description = "Rips only: coefficients in Z/P, P a prime below 32768; the other filtrations are"
                    + " computed over Z/2 (default: ${DEFAULT-VALUE})")
    int coefficient;

    @Option(names = "--feature", split = ";", defaultValue = "topk:dim=0,k=8;topk:dim=1,k=8",
            description = "features, ';'-separated, in topo loss syntax: topk:dim=0,k=8; landscape:dim=1,levels=2,"
                    + "min=0,max=1,steps=16; image:dim=1,bmin=0,bmax=1,pmax=1,size=8,sigma=0.1; … (default: ${DEFAULT-VALUE})")
    List<String> features;

    @Mixin
    OutputOptions output;

    private SampleFeaturizer featurizer;

    @Override
    protected String appName() {
        return "topolayer persistence";
    }

    @Override
    protected void checkOptions() {
        ShippedFeatures vector = new ShippedFeatures(features);
        if (maxDimension < 0) {
            throw new IllegalArgumentException("--maxdim must be ≥ 0, got " + maxDimension);
        }
        if (vector.vector().maxDimension() > maxDimension) {
            throw new IllegalArgumentException("a --feature reads H" + vector.vector().maxDimension() + " but --maxdim is "
                    + maxDimension + "; raise --maxdim or change the feature's dim");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("--threshold must be a distance > 0, got " + threshold
                    + " (leave it out for no threshold)");
        }
        List<FiltrationSpec> specs = filtrations.stream()
                .map(name -> withCoefficients(FiltrationSpec.named(name, maxDimension, threshold))).toList();
        if (coefficient != 2 && specs.stream().noneMatch(s -> s.kind() == FiltrationSpec.Kind.RIPS)) {
            throw new IllegalArgumentException("--coeff " + coefficient + " applies to rips only, and --filtration "
                    + String.join(",", filtrations) + " has no rips; add rips or leave --coeff out");
        }
        limits.check();
        input.check();
        featurizer = new SampleFeaturizer(specs, vector, limits);
    }

    /** Rips takes the --coeff field; the other kinds stay over Z/2. */
    private FiltrationSpec withCoefficients(FiltrationSpec spec) {
        if (spec.kind() != FiltrationSpec.Kind.RIPS) {
            return spec;
        }
        try {
            return spec.withCoefficients(coefficient);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--coeff: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("try") // the progress line is a scope: it prints while the block runs
    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        if (featurizer == null) {
            checkOptions();
        }
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        SampleSource source = input.source(limits);
        sc.setJobGroup(JOB_GROUP, "topolayer persistence: " + source.describe(), false);
        LongAccumulator done = sc.longAccumulator("samples");
        SampleFeaturizer work = featurizer;
        JavaRDD<Sample> inputSamples = source.load(spark).javaRDD();
        // a rerun after a driver died reuses the partitions it finished (same input, options and code)
        try (AtomicOutput out = AtomicOutput.resume(sc.hadoopConfiguration(), output.path(), output.overwrite(),
                partitionFingerprint(input, sc.hadoopConfiguration(), inputSamples.getNumPartitions(), Map.of()));
             ProgressLine progress = ProgressLine.start(sc, JOB_GROUP, "persistence", done)) {
            Dataset<DiagramRecord> records = out.partitions().complete(spark, inputSamples,
                    part -> Counted.iterator(work.apply(part), done), DiagramRecord.class);
            out.writeParquet(PersistenceOutput.toTable(records.filter(col("error").isNull()),
                    featurizer.filtrations()));
            Dataset<Row> bad = records.filter(col("error").isNotNull()).select(col("id"), col("error").as("reason"));
            Rejections.Count rejected = Rejections.settle(spark, bad, bad.count(), limits, out);
            long processed = spark.read().parquet(out.stagingPath()).count();
            double seconds = (System.nanoTime() - start) / 1e9;
            long samples = processed + rejected.rejected();
            JobSummary summary = new JobSummary()
                    .put("job", "persistence")
                    .put("input", source.describe())
                    .put("filtrations", filtrations)
                    .put("maxdim", maxDimension)
                    .put("coeff", coefficient)
                    .put("features", features)
                    .put("on_bad_sample", limits.policy())
                    .put("samples", samples)
                    .put("processed", processed)
                    .put("rejected", rejected.rejected())
                    .put("first_rejections", rejected.first())
                    .put("seconds", seconds)
                    .put("samples_per_second", samples / seconds)
                    .put("partitions_reused", out.partitions().reused())
                    .put("partitions_computed", out.partitions().computed())
                    .put("samples_computed", done.value())
                    .put("master", sc.master())
                    .put("output", out.finalPath());
            out.writeText("_summary.json", summary.toJson());
            out.commit();
            return summary;
        } finally {
            sc.clearJobGroup();
        }
    }
}
