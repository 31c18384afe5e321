package org.topolayer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.topolayer.apps.AppConfig;
import org.topolayer.io.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Options shared by the application commands ({@code regress}, {@code pointcloud}, {@code denoise}):
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
     * @param optionValues  values of the command's own options that were given (null values skipped)
     * @throws ParameterException (exit 2) for an unknown key or a bad value
     * @throws BadInputException (exit 1) if the config file cannot be read
     */
    AppConfig resolve(CommandSpec spec, List<AppConfig.Key> keys, Map<String, String> quickValues,
                      Map<String, String> optionValues) throws BadInputException {
        AppConfig conf = new AppConfig(keys);
        try {
            if (config != null) {
                if (!Files.isRegularFile(config)) {
                    throw new NoSuchFileException(config.toString());
                }
                conf.load(config);
            }
            if (quick) {
                quickValues.forEach(conf::set);
            }
            optionValues.forEach((k, v) -> {
                if (v != null) {
                    conf.set(k, v);
                }
            });
            if (seed != null) {
                conf.set("seed", Long.toString(seed));
            }
            if (assignments != null) {
                for (String a : assignments) {
                    conf.setAssignment(a);
                }
            }
        } catch (AppConfig.ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            BadInputException bad = new BadInputException(config.toString(), "cannot read the config file: "
                    + org.topolayer.io.FileProblems.describe(e));
            bad.initCause(e);
            throw bad;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), config + ": " + e.getMessage());
        }
        return conf;
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
