package org.topolayer.spark;

import java.nio.file.Path;
import org.topolayer.config.OneLineUsageErrors;
import org.topolayer.spark.attack.AttackJob;
import org.topolayer.spark.io.ReadFailures;
import org.topolayer.spark.persistence.PersistenceJob;
import org.topolayer.spark.train.TrainJob;
import org.topolayer.util.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark applications' entry point: {@code spark-submit --class org.topolayer.spark.SparkJobs
 * topolayer-spark-jobs.jar JOB [options]} (bin/topo-submit does this). Exit status 0 on success, 1
 * on bad input (the message names the problem and the fix), 2 on bad options or config. Messages
 * go through {@link Redaction}: a path may carry credentials.
 */
@Command(name = "topo-submit", mixinStandardHelpOptions = true,
        description = "Spark jobs of topolayer.",
        subcommands = {PersistenceJob.class, TrainJob.class, AttackJob.class, PipelineJob.class,
            AdversarialJob.class},
        footer = "%nRun 'topo-submit JOB --help' for a job's options; its defaults are in conf/JOB.properties.")
public final class SparkJobs {
    public static final int BAD_INPUT = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs; returns the exit status (never calls System.exit). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SparkJobs());
        cli.setOverwrittenOptionsAllowed(true);
        cli.setParameterExceptionHandler(new OneLineUsageErrors());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            BadJobInputException bad = badInput(e);
            if (bad == null) {
                throw e;
            }
            command.getErr().println("topo-submit " + command.getCommandName() + ": " + Redaction.text(bad.getMessage()));
            return BAD_INPUT;
        });
        try {
            applyConfig(cli, args);
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println("topo-submit: " + Redaction.text(e.getMessage()));
            return cli.getCommandSpec().exitCodeOnInvalidInput();
        }
        return cli.execute(args);
    }

    /** Installs the defaults of {@code --config FILE} on the job named in args (the last --config wins). */
    private static void applyConfig(CommandLine cli, String[] args) {
        String jobName = null;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if (jobName == null && cli.getSubcommands().containsKey(args[i])) {
                jobName = args[i];
            } else if (args[i].equals("--config") && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                config = Path.of(args[i].substring("--config=".length()));
            }
        }
        if (jobName != null && config != null) {
            CommandLine job = cli.getSubcommands().get(jobName);
            job.setDefaultValueProvider(ConfigDefaults.load(config, job));
        }
    }

    /** The bad-input exception in e's causes (Spark wraps executor exceptions), an unreadable input file, or null. */
    private static BadJobInputException badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadJobInputException bad) {
                return bad;
            }
        }
        return ReadFailures.asBadInput(e);
    }

}
