package org.topolayer.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.topolayer.spark.output.JobSummary;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A job of {@link SparkJobs}: checks its options, opens a Spark session (master and settings from
 * spark-submit, else local[*]), runs, prints its summary.
 */
public abstract class SparkJob implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "properties file of option defaults: key = an option's long"
            + " name without --, e.g. maxdim = 1 (conf/<job>.properties); command-line options win")
    Path config;

    /** The parsed command (picocli injects it when it parses the job's options), e.g. for an {@link OptionFingerprint}. */
    protected CommandSpec spec() {
        return spec;
    }

    /**
     * What a resumable job's partitions depend on ({@link org.topolayer.spark.output.AtomicOutput#resume}):
     * every option but {@code --output} and {@code --overwrite} (an {@link OptionFingerprint}), the
     * input files with sizes and modification times, the code version (a digest of the jars of
     * {@link #codeClasses}), the number of partitions, and {@code extra} (e.g. a trained model's checksum).
     */
    protected Map<String, String> partitionFingerprint(org.topolayer.spark.io.InputOptions input,
            org.apache.hadoop.conf.Configuration hadoop, int partitions, Map<String, String> extra) {
        if (spec == null) {
            throw new IllegalStateException("a resumable job's options must be parsed by picocli (new CommandLine(job))");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>(
                OptionFingerprint.of(spec, java.util.Set.of("--output", "--overwrite"), Map.of()));
        out.putAll(input.files(hadoop));
        out.put("code", CodeVersion.of(codeClasses()));
        out.put("partitions", Integer.toString(partitions));
        out.putAll(extra);
        return out;
    }

    /**
     * A class of each module whose code shapes the job's records, for the code version of its
     * fingerprint: the job's own jar, the engine core and the data sources, unless a job adds more.
     */
    protected Class<?>[] codeClasses() {
        return new Class<?>[] {getClass(), org.topolayer.compute.FiltrationSpec.class,
            org.topolayer.data.DatasetChoice.class};
    }

    /** The application name in the Spark UI. */
    protected abstract String appName();

    /**
     * Checks option values that picocli cannot (feature syntax, ranges).
     *
     * @throws IllegalArgumentException naming the option and the fix
     */
    protected abstract void checkOptions();

    /** The job itself, on an open session. */
    public abstract JobSummary run(SparkSession spark) throws Exception;

    @Override
    public Integer call() throws Exception {
        try {
            checkOptions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (SparkSession spark = TopoSpark.session(appName(), null, Map.of())) {
            JobSummary summary = run(spark);
            System.out.print(summary.toJson());
        }
        return 0;
    }
}
