package org.topolayer.cli;

import java.io.PrintWriter;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

/** The one-line error of ARCHITECTURE §4 on stderr ("topo CMD: problem"), with the stack trace on --debug. */
final class CommandFailure {
    private CommandFailure() {
    }

    /** Prints the line and returns the bad-input exit code (1). */
    static int report(CommandSpec spec, boolean debug, String line, Throwable e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + line);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.SOFTWARE;
    }
}
