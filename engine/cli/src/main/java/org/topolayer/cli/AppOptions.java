package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.topolayer.apps.RunOutput;
import org.topolayer.config.Config;
import org.topolayer.config.ConfigException;
import org.topolayer.io.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Options shared by the application commands ({@code regress}, {@code pointcloud}, {@code denoise},
 * {@code generate}, {@code attack}):
 * a config file, the output folder, the seed, the quick variant, and KEY=VALUE overrides. The
 * effective configuration is, in order: built-in defaults (those of {@code conf/<command>.properties}),
 * the {@code --config} file, the {@code --quick} values, the command's own options, then {@code --set}.
 */
final class AppOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "A .properties file of settings (see conf/<command>.properties); unknown keys are errors.")
    Path config;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Output folder (default: results/<command>-<timestamp>).")
    Path output;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (overrides the config's seed).")
    Long seed;

    @Option(names = "--quick", description = "A small, fast version of the run (for tests and a first look).")
    boolean quick;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key; repeatable.")
    List<String> assignments;

    /**
     * Builds the effective configuration.
     *
     * @param quickValues   the --quick overrides
     * @param optionValues  values of the command's own options, by key (null: not given)
     * @throws ParameterException (exit 2) for an unknown key
     * @throws BadInputException (exit 1) if the config file cannot be read
     */
    Config resolve(CommandSpec spec, List<Config.Key> keys, Map<String, String> quickValues,
                   Map<String, String> optionValues) throws BadInputException {
        Config conf = new Config(keys);
        try {
            if (config != null) {
                conf.load(config);
            }
            if (quick) {
                conf.setAll(quickValues, "--quick");
            }
            optionValues.forEach((k, v) -> conf.set(k, v, null));
            if (seed != null) {
                conf.set("seed", Long.toString(seed), "--seed");
            }
            if (assignments != null) {
                for (String a : assignments) {
                    conf.setAssignment(a, "--set");
                }
            }
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return conf;
    }

    /** Records a command option's value under its config key, if the option was given. */
    static void given(Map<String, String> options, String key, Object value) {
        if (value != null) {
            options.put(key, value.toString());
        }
    }

    /** Opens the run's output folder, writes its effective {@code config.json} and says where it writes. */
    RunOutput start(String command, Config conf, PrintWriter out) throws IOException {
        RunOutput run = RunOutput.open(output, command);
        run.writeConfig(conf.effective());
        out.println("topo " + command + ": writing to " + run.dir());
        return run;
    }

    /** Reads typed values, turning a bad value into a usage error (exit 2). */
    static <T> T checked(CommandSpec spec, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
