package org.topolayer.spark.output;

import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** The {@code --output} and {@code --overwrite} options every job shares, and the atomic output they open. */
public final class OutputOptions {
    @Option(names = "--output", required = true,
            description = "output directory, written atomically, with its _summary.json")
    String path;

    @Option(names = "--overwrite", arity = "0..1", fallbackValue = "true",
            description = "replace an existing output (atomically); --overwrite=false to refuse")
    boolean overwrite;

    /** Whether an existing output (and the job's other files) may be replaced. */
    public boolean overwrite() {
        return overwrite;
    }

    /** The output directory as given. */
    public String path() {
        return path;
    }

    /** Starts writing the output: see {@link AtomicOutput#begin}. */
    public AtomicOutput begin(Configuration hadoop) {
        return AtomicOutput.begin(hadoop, path, overwrite);
    }
}
