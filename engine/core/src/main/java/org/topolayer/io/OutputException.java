package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;

/** An output that could not be written: its message is one line, {@code "<file>: cannot write: <reason>"}. */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputException(Path target, IOException cause) {
        super(target + ": cannot write: " + FileProblems.describe(cause), cause);
    }
}
