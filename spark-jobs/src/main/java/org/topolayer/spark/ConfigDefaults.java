package org.topolayer.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a job's config file (Java properties; key = the option's long name without
 * {@code --}). Command-line options win. Every key must be an option of the job: a typo is an
 * error that names the key and lists the valid ones.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    private final Properties values;

    private ConfigDefaults(Properties values) {
        this.values = values;
    }

    /**
     * Reads {@code file} and checks its keys against {@code job}'s options.
     *
     * @throws CommandLine.ParameterException for an unreadable file or an unknown key (exit status 2)
     */
    static ConfigDefaults load(Path file, CommandLine job) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            values.load(in);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(job, "cannot read config file " + file + " (" + e
                    + "); check --config");
        }
        CommandSpec spec = job.getCommandSpec();
        for (String key : values.stringPropertyNames()) {
            OptionSpec option = spec.findOption("--" + key);
            if (option == null || key.equals("config")) {
                TreeSet<String> known = new TreeSet<>();
                spec.options().forEach(o -> known.add(o.longestName().replaceFirst("^--", "")));
                known.removeAll(java.util.List.of("config", "help", "version"));
                throw new CommandLine.ParameterException(job, file + ": unknown key '" + key
                        + "'; valid keys: " + String.join(", ", known));
            }
        }
        return new ConfigDefaults(values);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return values.getProperty(option.longestName().replaceFirst("^--", ""));
        }
        return null;
    }
}
