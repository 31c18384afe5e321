package org.topolayer.spark.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkThrowable;
import org.topolayer.spark.BadJobInputException;

/**
 * Spark's failures to read an input file (a corrupt or truncated Parquet or CSV file, found by a
 * task) as one-line bad input naming the file, instead of a stack trace.
 */
public final class ReadFailures {
    private static final Pattern FILE = Pattern.compile("reading file (\\S+?)\\.?(\\s|$)");

    private ReadFailures() {}

    /** The bad-input form of {@code e} if a cause is Spark's FAILED_READ_FILE error, else null. */
    public static BadJobInputException asBadInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable spark && spark.getCondition() != null
                    && spark.getCondition().startsWith("FAILED_READ_FILE")) {
                Matcher file = FILE.matcher(String.valueOf(t.getMessage()));
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return new BadJobInputException("cannot read input file " + (file.find() ? file.group(1) : "(unknown)")
                        + " (" + firstLine(root) + "); it is corrupt or truncated: check --input");
            }
        }
        return null;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return m.lines().findFirst().orElse("").strip();
    }
}
