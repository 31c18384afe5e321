package org.topolayer.config;

import java.util.ArrayList;
import java.util.List;
import org.topolayer.util.ClosestName;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a bad command line as one line on stderr, naming the option and what to do, with exit
 * code 2; picocli's default would also print the whole usage text. A mistyped option or command
 * gets the closest valid one ("did you mean '--maxdim'?"), found as config keys' typos are.
 * Public so that the Spark launcher reports its usage errors the same way.
 */
public final class OneLineUsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String message = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        if (ex instanceof UnmatchedArgumentException unmatched) {
            message += suggestion(command, unmatched.getUnmatched());
        }
        command.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** "; did you mean '--x'?" for the first unmatched word with a close option or command name, else "". */
    private static String suggestion(CommandLine command, List<String> unmatched) {
        List<String> options = new ArrayList<>(command.getCommandSpec().optionsMap().keySet());
        List<String> commands = new ArrayList<>(command.getSubcommands().keySet());
        for (String word : unmatched) {
            boolean option = word.startsWith("-");
            String typed = option && word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String closest = ClosestName.among(typed, option ? options : commands);
            if (closest != null) {
                return "; did you mean '" + closest + "'?";
            }
        }
        return "";
    }
}
