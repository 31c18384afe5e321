package org.topolayer.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topolayer.spark.output.JobSummary;
import picocli.CommandLine;

/** The local[2] session of the unit tests (recreated when a job run through {@link SparkJobs} stopped it). */
public final class LocalSpark {
    private LocalSpark() {}

    public static SparkSession session() {
        System.setProperty("spark.master", "local[2]");
        return TopoSpark.session("topolayer tests", "local[2]", Map.of("spark.ui.enabled", "false",
                "spark.sql.shuffle.partitions", "4", "spark.driver.host", "127.0.0.1"));
    }

    /** The bad-input exception among the causes of what a failed job threw (Spark wraps executors' exceptions). */
    public static BadJobInputException badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadJobInputException bad) {
                return bad;
            }
        }
        throw new AssertionError("no BadJobInputException in " + e, e);
    }

    /** The arguments followed by more. */
    public static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Parses a job's options as the command line would and runs it on the test session. */
    public static JobSummary run(SparkJob job, String... args) throws Exception {
        new CommandLine(job).parseArgs(args);
        return job.run(session());
    }

    /**
     * The table's rows in the given order, as text: doubles print in full precision (Double.toString
     * tells every double apart, -0.0 from 0.0 too), so equal lists mean bit-identical rows.
     */
    public static List<String> exactRows(Dataset<Row> table, String... orderBy) {
        return table.orderBy(orderBy[0], java.util.Arrays.copyOfRange(orderBy, 1, orderBy.length)).collectAsList()
                .stream().map(Row::toString).toList();
    }
}
