package org.topolayer.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.topolayer.io.BadInputException;
import org.topolayer.util.ClosestName;

/**
 * The settings of a command: a fixed list of keys with defaults, overridden in layers (a
 * {@code .properties} file, presets, command-line options, {@code --set KEY=VALUE}). Every layer
 * may only name known keys; a typo fails with the closest valid key, so it never silently falls
 * back to a default. Values stay text until read through a typed getter, which checks the range
 * and names the key and where the bad value came from: "conf/x.properties: steps must be an
 * integer ≥ 1, got '0'". All failures are {@link ConfigException}s with one-line messages.
 */
public final class Config {
    /** A key, its default value (as text) and a one-line description. */
    public record Key(String name, String defaultValue, String description) {
        public Key(String name, String defaultValue) {
            this(name, defaultValue, "");
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    /** Where each value that is not a default came from, for messages. */
    private final Map<String, String> origins = new HashMap<>();

    public Config(List<Key> keys) {
        for (Key k : keys) {
            values.put(k.name(), k.defaultValue());
        }
    }

    /** The keys, in their documented order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Applies a properties file's settings (origin: the file). */
    public Config load(Path file) throws BadInputException {
        return setAll(ConfigFile.read(file), file.toString());
    }

    /** Applies a layer of settings; the first unknown key fails before any is applied. */
    public Config setAll(Map<String, String> layer, String origin) {
        for (String name : layer.keySet()) {
            requireKnown(name, origin);
        }
        layer.forEach((name, value) -> set(name, value, origin));
        return this;
    }

    /** Sets one key; a null value leaves it as it is. The value is checked when read. */
    public Config set(String name, String value, String origin) {
        requireKnown(name, origin);
        if (value != null) {
            values.put(name, value.strip());
            origins.put(name, origin);
        }
        return this;
    }

    /** Applies "KEY=VALUE". */
    public Config setAssignment(String assignment, String origin) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(ConfigException.prefix(origin) + "expected KEY=VALUE, got '" + assignment + "'");
        }
        return set(assignment.substring(0, eq).strip(), assignment.substring(eq + 1), origin);
    }

    private void requireKnown(String name, String origin) {
        if (!values.containsKey(name)) {
            throw ConfigException.unknownKey(origin, name, values.keySet());
        }
    }

    /** The value as text. */
    public String get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("no configuration key " + name); // a programming error, not a user's
        }
        return values.get(name);
    }

    public long longValue(String name) {
        try {
            return Long.parseLong(get(name));
        } catch (NumberFormatException e) {
            throw bad(name, "an integer");
        }
    }

    /** An integer of at least {@code min}. */
    public int integer(String name, int min) {
        return integer(name, min, Integer.MAX_VALUE);
    }

    /** An integer in [min, max]. */
    public int integer(String name, int min, int max) {
        long v;
        try {
            v = Long.parseLong(get(name));
        } catch (NumberFormatException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw bad(name, max == Integer.MAX_VALUE ? "an integer ≥ " + min : "an integer from " + min + " to " + max);
        }
        return (int) v;
    }

    /** A finite number. */
    public double number(String name) {
        return parseFinite(name, get(name), "a finite number");
    }

    /** A finite number ≥ min. */
    public double atLeast(String name, double min) {
        double v = parseFinite(name, get(name), "a number ≥ " + plain(min));
        if (v < min) {
            throw bad(name, "a number ≥ " + plain(min));
        }
        return v;
    }

    /** A finite number &gt; 0. */
    public double positive(String name) {
        double v = parseFinite(name, get(name), "a number > 0");
        if (!(v > 0)) {
            throw bad(name, "a number > 0");
        }
        return v;
    }

    public boolean bool(String name) {
        String v = get(name).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw bad(name, "true or false");
        }
        return v.equals("true");
    }

    /** A comma-separated list, blank entries dropped; may be empty. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String s : get(name).split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** A non-empty list of words, each one of {@code allowed}; a typo gets the closest entry. */
    public List<String> choices(String name, List<String> allowed) {
        List<String> out = list(name);
        if (out.isEmpty()) {
            throw bad(name, "a non-empty list of " + String.join(", ", allowed));
        }
        for (String s : out) {
            if (!allowed.contains(s)) {
                throw new ConfigException(ConfigException.prefix(origins.get(name)) + name + ": unknown entry '" + s
                        + "'; " + ClosestName.hint(s, allowed, "entries"));
            }
        }
        return out;
    }

    /** A list of integers, each ≥ min; may be empty. */
    public int[] integers(String name, int min) {
        List<String> parts = list(name);
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(parts.get(i));
            } catch (NumberFormatException e) {
                out[i] = Integer.MIN_VALUE;
            }
            if (out[i] < min) {
                throw bad(name, "a comma-separated list of integers ≥ " + min);
            }
        }
        return out;
    }

    /** A non-empty list of finite numbers &gt; 0, in ascending order. */
    public double[] positives(String name) {
        List<String> parts = list(name);
        String expected = "a comma-separated list of numbers > 0";
        if (parts.isEmpty()) {
            throw bad(name, expected);
        }
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parseFinite(name, parts.get(i), expected);
            if (!(out[i] > 0)) {
                throw bad(name, expected);
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * The value parsed by {@code parser}; an {@link IllegalArgumentException} from it becomes the
     * error of {@link #bad} with {@code expected}.
     */
    public <T> T parsed(String name, java.util.function.Function<String, T> parser, String expected) {
        try {
            return parser.apply(get(name));
        } catch (IllegalArgumentException e) {
            throw bad(name, expected);
        }
    }

    /** The error for a value that is not what {@code name} takes, naming where the value came from. */
    public ConfigException bad(String name, String expected) {
        return new ConfigException(ConfigException.prefix(origins.get(name)) + name + " must be " + expected
                + ", got '" + get(name) + "'");
    }

    private double parseFinite(String name, String text, String expected) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && !text.matches(".*[dDfFxX].*")) { // Java's "1d", "0x1p3" are not config numbers
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name, expected);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The values as text, in key order. */
    public Map<String, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The values, typed where they read as booleans or numbers (for config.json). */
    public Map<String, Object> effective() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, typed(v)));
        return out;
    }

    private static Object typed(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && !v.matches(".*[dDfFxX].*")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // text
        }
        return v;
    }
}
