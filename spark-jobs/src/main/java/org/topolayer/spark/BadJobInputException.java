package org.topolayer.spark;

/**
 * Input a job cannot use (missing column, wrong shape, unreadable path): the message is one line
 * that names the problem and the fix. The launcher prints it and exits with status 1.
 */
public final class BadJobInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadJobInputException(String problemAndFix) {
        super(problemAndFix);
    }
}
