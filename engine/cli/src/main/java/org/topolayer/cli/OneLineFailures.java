package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import org.topolayer.io.BadInputException;
import org.topolayer.io.FileProblems;
import org.topolayer.io.OutputException;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into the one-line error of docs/design.md §4 ("topo CMD: problem")
 * and exit code 1, for every command in one place: bad input names its file, a failed write
 * names the file ({@link OutputException}), another failed file operation names the file and the
 * reason, an engine refusal (IllegalArgumentException) gives its
 * message, anything else is an internal error. {@code --debug} adds the stack trace.
 */
final class OneLineFailures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        report(command, describe(e), e);
        return ExitCode.SOFTWARE;
    }

    static String describe(Throwable e) {
        if (e instanceof BadInputException || e instanceof OutputException || e instanceof IllegalArgumentException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + FileProblems.describe(f);
        }
        if (e instanceof IOException io) {
            return FileProblems.describe(io);
        }
        return "internal error (" + oneLine(String.valueOf(e)) + "); run with " + DebugOption.NAME
                + " for the stack trace";
    }

    static void report(CommandLine command, String line, Throwable e) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + line);
        ParseResult parsed = command.getParseResult();
        if (parsed != null && parsed.hasMatchedOption(DebugOption.NAME)) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s*\\R\\s*", " ");
    }
}
