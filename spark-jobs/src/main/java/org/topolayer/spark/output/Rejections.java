package org.topolayer.spark.output;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code _rejected} output of {@code --on-bad-sample reject}: Parquet with one row (id, reason)
 * per bad sample, inside the job's output directory (Spark's readers skip names starting with '_',
 * so reading the output reads only the good samples).
 */
public final class Rejections {
    public static final String DIRECTORY = "_rejected";
    private static final int SHOWN = 5;

    /** How many samples were rejected, and the first few as "id: reason". */
    public record Count(long rejected, List<String> first) {}

    private Rejections() {}

    /** Writes {@code idAndReason} (columns id, reason) to the output's staging directory; nothing is computed twice. */
    public static Count write(SparkSession spark, Dataset<Row> idAndReason, AtomicOutput out) {
        String path = out.stagingPath() + "/" + DIRECTORY;
        idAndReason.select("id", "reason").write().parquet(path);
        Dataset<Row> written = spark.read().parquet(path);
        List<String> first = written.orderBy("id").limit(SHOWN)
                .selectExpr("concat('sample ', CAST(id AS STRING), ': ', reason)").as(Encoders.STRING()).collectAsList();
        return new Count(written.count(), first);
    }
}
