package org.topolayer.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.topolayer.bench.Benchmarks;
import org.topolayer.config.OneLineUsageErrors;
import org.topolayer.persistence.alpha.AlphaMode;
import org.topolayer.plot.TopologyFigure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code topo} command line (run through {@code bin/topo}). Commands: {@code diagram},
 * {@code loss}, {@code plot}, {@code bench}, the applications. Exit codes: 0 success, 1 bad input, 2 bad options.
 */
@Command(name = "topo", description = "Persistent homology from the command line.",
        subcommands = {DiagramCommand.class, LossCommand.class, PlotCommand.class, BenchCommand.class,
            RegressCommand.class, PointCloudCommand.class, DenoiseCommand.class, GenerateCommand.class,
            VoxelsCommand.class, AttackCommand.class, DataCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footer = "%nRun 'topo diagram --help' or 'topo loss --help' for the options and the built-in examples.")
public final class TopoCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command, e.g. 'topo diagram'");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err), true);
        System.exit(run(out, err, args));
    }

    /** Runs a command line with the given streams and returns its exit code; for tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new TopoCli())
                .setOut(out)
                .setErr(err)
                .registerConverter(FiltrationKind.class, new LowercaseEnumConverter<>(FiltrationKind.class))
                .registerConverter(OutputFormat.class, new LowercaseEnumConverter<>(OutputFormat.class))
                .registerConverter(AlphaMode.class, new LowercaseEnumConverter<>(AlphaMode.class))
                .registerConverter(TopologyFigure.Part.class, new LowercaseEnumConverter<>(TopologyFigure.Part.class))
                .registerConverter(Benchmarks.Suite.class, new LowercaseEnumConverter<>(Benchmarks.Suite.class))
                .setParameterExceptionHandler(new OneLineUsageErrors())
                .setExecutionExceptionHandler(new OneLineFailures());
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, TopoCli::commandList);
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (OutOfMemoryError e) { // an Error, so picocli lets it through
            CommandLine failed = commandLine.getParseResult() == null ? commandLine
                    : deepest(commandLine.getParseResult()).commandSpec().commandLine();
            OneLineFailures.report(failed, "out of memory; give Java more heap, e.g. TOPO_JAVA_OPTS=-Xmx8g", e);
            exitCode = CommandLine.ExitCode.SOFTWARE;
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    /**
     * The commands with the first sentence of each description: picocli's own list shows only the
     * description's first line, which cuts multi-line descriptions mid-sentence.
     */
    private static String commandList(Help help) {
        if (help.subcommands().isEmpty()) {
            return "";
        }
        int nameWidth = help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        int width = help.commandSpec().usageMessage().width();
        Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(nameWidth, 2, Help.Column.Overflow.SPAN),
                new Help.Column(width - nameWidth, 2, Help.Column.Overflow.WRAP));
        help.subcommands().forEach((name, sub) -> table.addRowValues(name, firstSentence(sub.commandSpec())));
        return table.toString();
    }

    /** The description's first sentence, its lines joined (the whole description when it has no full stop). */
    static String firstSentence(CommandSpec command) {
        String text = String.join(" ", command.usageMessage().description()).replace("%n", " ").strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static CommandLine.ParseResult deepest(CommandLine.ParseResult result) {
        return result.hasSubcommand() ? deepest(result.subcommand()) : result;
    }
}
