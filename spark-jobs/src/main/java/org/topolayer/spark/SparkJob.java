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
