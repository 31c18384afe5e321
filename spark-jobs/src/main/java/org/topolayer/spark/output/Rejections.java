package org.topolayer.spark.output;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.topolayer.spark.io.SampleLimits;

/**
 * What happens to a job's bad samples once the good ones are written. Under
 * {@code --on-bad-sample reject} they become the {@code _rejected} output: Parquet with one row
 * (id, reason) per bad sample, inside the job's output directory (Spark's readers skip names
 * starting with '_', so reading the output reads only the good samples). Under {@code fail} the
 * job fails naming the bad sample with the lowest id, before the output is committed, so nothing
 * appears under the final path. Bad samples are found in the tasks and reported from the driver:
 * no task throws, so Spark logs no task failure and the job's error is one line.
 */
public final class Rejections {
    public static final String DIRECTORY = "_rejected";
    /** The table's columns. */
    public static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType, false)
            .add("reason", DataTypes.StringType);
    private static final int SHOWN = 5;

    /** How many samples were rejected, and the first few (lowest ids) as "sample id: reason". */
    public record Count(long rejected, List<String> first) {}

    private Rejections() {}

    /**
     * @param idAndReason the bad samples (columns id, reason); read only when {@code bad} &gt; 0
     * @param bad         how many there are (an accumulator of the action that wrote the good ones)
     * @throws org.topolayer.spark.BadJobInputException under fail, naming the first bad sample
     */
    public static Count settle(SparkSession spark, Dataset<Row> idAndReason, long bad, SampleLimits limits,
                               AtomicOutput out) {
        if (!limits.rejects()) {
            if (bad > 0) {
                throw SampleLimits.failure(first(idAndReason, 1).get(0));
            }
            return new Count(0, List.of());
        }
        String path = out.stagingPath() + "/" + DIRECTORY;
        (bad > 0 ? idAndReason.select("id", "reason") : spark.createDataFrame(List.of(), SCHEMA)).write().parquet(path);
        Dataset<Row> written = spark.read().parquet(path);
        return new Count(written.count(), first(written, SHOWN));
    }

    private static List<String> first(Dataset<Row> idAndReason, int count) {
        return idAndReason.orderBy("id").limit(count).selectExpr("concat('sample ', CAST(id AS STRING), ': ', reason)")
                .as(Encoders.STRING()).collectAsList();
    }
}
