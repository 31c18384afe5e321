package org.topolayer.spark.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** Where a job's samples come from. */
public interface SampleSource {
    /** The samples, lazily: nothing is read before an action. */
    Dataset<Sample> load(SparkSession spark);

    /** One line for logs and the summary, e.g. "fashion-mnist /usr/share/... (70000 images)". */
    String describe();
}
