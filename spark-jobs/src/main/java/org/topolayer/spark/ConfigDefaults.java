package org.topolayer.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.topolayer.config.ConfigException;
import org.topolayer.config.ConfigFile;
import org.topolayer.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a job's config file (Java properties, read by the engine's {@link ConfigFile};
 * key = the option's long name without {@code --}). Command-line options win. Every key must be an
 * option of the job: a typo is an error that names the key and the closest option.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    private final Map<String, String> values;

    private ConfigDefaults(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code file} and checks its keys against {@code job}'s options.
     *
     * @throws CommandLine.ParameterException for an unreadable file or an unknown key (exit status 2)
     */
    static ConfigDefaults load(Path file, CommandLine job) {
        Map<String, String> values;
        try {
            values = ConfigFile.read(file);
        } catch (BadInputException | ConfigException e) {
            throw new CommandLine.ParameterException(job, e.getMessage() + "; check --config");
        }
        CommandSpec spec = job.getCommandSpec();
        TreeSet<String> known = new TreeSet<>();
        spec.options().forEach(o -> known.add(o.longestName().replaceFirst("^--", "")));
        known.removeAll(java.util.List.of("config", "help", "version"));
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new CommandLine.ParameterException(job, ConfigException.unknownKey(file.toString(), key, known)
                        .getMessage());
            }
        }
        return new ConfigDefaults(values);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return values.get(option.longestName().replaceFirst("^--", ""));
        }
        return null;
    }
}
