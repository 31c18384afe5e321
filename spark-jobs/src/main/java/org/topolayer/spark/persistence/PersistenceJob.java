package org.topolayer.spark.persistence;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.topolayer.spark.Counted;
import org.topolayer.spark.ProgressLine;
import org.topolayer.spark.SparkJob;
import org.topolayer.spark.io.InputOptions;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleSource;
import org.topolayer.spark.output.AtomicOutput;
import org.topolayer.spark.output.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Large-dataset preprocessing: per sample, the diagrams of each filtration and a feature vector,
 * written atomically as Parquet with {@code _summary.json} (see {@link PersistenceOutput} for the schema).
 */
@Command(name = "persistence", mixinStandardHelpOptions = true,
        description = "Per-sample persistence diagrams and features of a dataset, as Parquet.")
public final class PersistenceJob extends SparkJob {
    public static final String JOB_GROUP = "topolayer-persistence";

    @Mixin
    InputOptions input;

    @Option(names = "--filtration", split = ",", defaultValue = "sublevel,superlevel",
            description = "filtrations, comma-separated: sublevel, superlevel (images, signals, volumes),"
                    + " rips, alpha (point clouds [n, d]) (default: ${DEFAULT-VALUE})")
    List<String> filtrations;

    @Option(names = "--maxdim", defaultValue = "1", description = "highest homology dimension (default: 1)")
    int maxDimension;

    @Option(names = "--threshold", defaultValue = "Infinity", description = "Rips threshold (default: none)")
    double threshold;

    @Option(names = "--feature", split = ";", defaultValue = "topk:dim=0,k=8;topk:dim=1,k=8",
            description = "features, ';'-separated, in topo loss syntax: topk:dim=0,k=8; landscape:dim=1,levels=2,"
                    + "min=0,max=1,steps=16; image:dim=1,bmin=0,bmax=1,pmax=1,size=8,sigma=0.1; … (default: ${DEFAULT-VALUE})")
    List<String> features;

    @Option(names = "--output", required = true, description = "output directory (Parquet + _summary.json)")
    String output;

    @Option(names = "--overwrite", arity = "0..1", fallbackValue = "true",
            description = "replace an existing output (atomically); --overwrite=false to refuse")
    boolean overwrite;

    private SampleFeaturizer featurizer;

    @Override
    protected String appName() {
        return "topolayer persistence";
    }

    @Override
    protected void checkOptions() {
        List<FiltrationKind> kinds = filtrations.stream().map(FiltrationKind::parse).toList();
        FeatureVector vector = new FeatureVector(features);
        if (maxDimension < 0) {
            throw new IllegalArgumentException("--maxdim must be ≥ 0, got " + maxDimension);
        }
        if (vector.maxDimension() > maxDimension) {
            throw new IllegalArgumentException("a --feature reads H" + vector.maxDimension() + " but --maxdim is "
                    + maxDimension + "; raise --maxdim or change the feature's dim");
        }
        featurizer = new SampleFeaturizer(kinds, maxDimension, threshold, vector);
    }

    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        if (featurizer == null) {
            checkOptions();
        }
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        SampleSource source = input.source();
        sc.setJobGroup(JOB_GROUP, "topolayer persistence: " + source.describe(), false);
        LongAccumulator done = sc.longAccumulator("samples");
        LongAccumulator failed = sc.longAccumulator("failed samples");
        SampleFeaturizer work = featurizer;
        Dataset<DiagramRecord> records = source.load(spark).mapPartitions(
                (MapPartitionsFunction<Sample, DiagramRecord>) samples -> Counted.iterator(work.apply(samples), done,
                        r -> r.getError() != null, failed),
                Encoders.bean(DiagramRecord.class));
        try (AtomicOutput out = AtomicOutput.begin(sc.hadoopConfiguration(), output, overwrite);
             ProgressLine progress = ProgressLine.start(sc, JOB_GROUP, "persistence", done)) {
            out.writeParquet(PersistenceOutput.toTable(records, featurizer.filtrations()));
            long samples = done.value(), failures = failed.value();
            List<String> firstFailures = failures == 0 ? List.of() : spark.read().parquet(out.stagingPath())
                    .filter(col("error").isNotNull()).select("error").limit(5).as(Encoders.STRING()).collectAsList();
            double seconds = (System.nanoTime() - start) / 1e9;
            JobSummary summary = new JobSummary()
                    .put("job", "persistence")
                    .put("input", source.describe())
                    .put("filtrations", filtrations)
                    .put("maxdim", maxDimension)
                    .put("features", features)
                    .put("samples", samples)
                    .put("failures", failures)
                    .put("first_failures", firstFailures)
                    .put("seconds", seconds)
                    .put("samples_per_second", samples / seconds)
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
