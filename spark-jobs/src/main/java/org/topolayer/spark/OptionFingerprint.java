package org.topolayer.spark;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option values that shaped a job's saved state (the train job's checkpoints, the adversarial
 * pipeline's stages), kept with that state so that only a run with the same values reuses it. Made
 * from every option of the job's parsed command, so an option added later is covered without a
 * list to maintain; the job names the options that cannot change what was saved (output places,
 * the checkpoint interval) and gives the effective value of options whose default depends on
 * others (a learning rate that depends on the model), so that leaving an option out and giving
 * its default are the same run. Values are compared as text: {@code mnist} and the path of its
 * folder count as different inputs.
 */
public final class OptionFingerprint {
    /** Shown for an option without a value (an optional file not given). */
    public static final String NONE = "(none)";

    private OptionFingerprint() {
    }

    /**
     * Every option of {@code spec} except help, version, {@code --config} and {@code ignored}, by its
     * longest name, in declaration order, with its value as text, or {@code effective}'s for the
     * names it holds.
     */
    public static Map<String, String> of(CommandSpec spec, Set<String> ignored, Map<String, String> effective) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            String name = option.longestName();
            if (option.usageHelp() || option.versionHelp() || name.equals("--config") || ignored.contains(name)) {
                continue;
            }
            out.put(name, effective.containsKey(name) ? effective.get(name) : text(option.getValue()));
        }
        return out;
    }

    /**
     * The first option whose value differs, as {@code --name was A, is B} (saved first), or null
     * when all agree. An option only one side has counts as {@link #NONE} on the other.
     */
    public static String firstDifference(Map<String, String> saved, Map<String, String> current) {
        Set<String> names = new LinkedHashSet<>(current.keySet());
        names.addAll(saved.keySet());
        for (String name : names) {
            String was = saved.getOrDefault(name, NONE), is = current.getOrDefault(name, NONE);
            if (!was.equals(is)) {
                return name + " was " + was + ", is " + is;
            }
        }
        return null;
    }

    /** An option value as text: lists and arrays comma-separated, null as {@link #NONE}. */
    public static String text(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(OptionFingerprint::text).collect(Collectors.joining(","));
        }
        if (value.getClass().isArray()) {
            return IntStream.range(0, Array.getLength(value)).mapToObj(i -> text(Array.get(value, i)))
                    .collect(Collectors.joining(","));
        }
        return value.toString();
    }
}
