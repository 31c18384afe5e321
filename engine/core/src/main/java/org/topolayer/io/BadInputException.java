package org.topolayer.io;

import java.io.IOException;

/**
 * An input that cannot be used as given: its message is one line, {@code "<source>: <problem>"},
 * where the source is the file (as the user named it) or the built-in example.
 */
public final class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public BadInputException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String problem() {
        return problem;
    }
}
