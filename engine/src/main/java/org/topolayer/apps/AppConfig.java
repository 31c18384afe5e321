package org.topolayer.apps;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of an application command: a fixed set of named keys with defaults, read
 * from a {@code .properties} file ({@code conf/<command>.properties}) and overridden by command
 * line options. Unknown keys and unparsable values are rejected with a message naming the key
 * (and, for unknown keys, the valid ones), so a typo never silently falls back to a default.
 * {@link #effective()} gives the values for {@code config.json}.
 */
public final class AppConfig {
    /** A key, its default value (as text) and a one-line description. */
    public record Key(String name, String defaultValue, String description) {}

    /** A bad key or value; the message names it. */
    public static final class ConfigException extends IllegalArgumentException {
        public ConfigException(String message) {
            super(message);
        }
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public AppConfig(List<Key> keyList) {
        for (Key k : keyList) {
            keys.put(k.name(), k);
            values.put(k.name(), k.defaultValue());
        }
    }

    public List<Key> keys() {
        return List.copyOf(keys.values());
    }

    /** Reads a properties file; every key in it must be a known key. */
    public void load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        List<String> names = new ArrayList<>(props.stringPropertyNames());
        Collections.sort(names);
        for (String name : names) {
            if (!keys.containsKey(name)) {
                throw unknown(file + ": unknown key '" + name + "'", name);
            }
        }
        for (String name : names) {
            set(name, props.getProperty(name).trim());
        }
    }

    /** Sets a key (from a file or an option); the value is checked when read. */
    public void set(String name, String value) {
        if (!keys.containsKey(name)) {
            throw unknown("unknown key '" + name + "'", name);
        }
        values.put(name, value);
    }

    /** Applies "key=value". */
    public void setAssignment(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("expected KEY=VALUE, got '" + assignment + "'");
        }
        set(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }

    private ConfigException unknown(String prefix, String name) {
        return new ConfigException(prefix + "; valid keys: " + String.join(", ", keys.keySet()));
    }

    public String get(String name) {
        String v = values.get(name);
        if (v == null && !keys.containsKey(name)) {
            throw new IllegalStateException("no key " + name);
        }
        return v;
    }

    public int getInt(String name) {
        try {
            return Integer.parseInt(get(name));
        } catch (NumberFormatException e) {
            throw bad(name, "an integer");
        }
    }

    public long getLong(String name) {
        try {
            return Long.parseLong(get(name));
        } catch (NumberFormatException e) {
            throw bad(name, "an integer");
        }
    }

    public double getDouble(String name) {
        try {
            double d = Double.parseDouble(get(name));
            if (!Double.isFinite(d)) {
                throw bad(name, "a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(name, "a number");
        }
    }

    public boolean getBoolean(String name) {
        String v = get(name).toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw bad(name, "true or false");
        }
        return v.equals("true");
    }

    /** A comma-separated list of words (empty entries dropped). */
    public List<String> getList(String name) {
        List<String> out = new ArrayList<>();
        for (String s : get(name).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    public int[] getInts(String name) {
        try {
            return getList(name).stream().mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw bad(name, "a comma-separated list of integers");
        }
    }

    /** A positive integer. */
    public int getPositiveInt(String name) {
        int v = getInt(name);
        if (v <= 0) {
            throw bad(name, "a positive integer");
        }
        return v;
    }

    /** Checks that every listed word is one of {@code allowed}. */
    public List<String> getChoices(String name, List<String> allowed) {
        List<String> out = getList(name);
        for (String s : out) {
            if (!allowed.contains(s)) {
                throw new ConfigException(name + ": unknown entry '" + s + "'; valid entries: "
                        + String.join(", ", allowed));
            }
        }
        if (out.isEmpty()) {
            throw bad(name, "a non-empty list of " + String.join(", ", allowed));
        }
        return out;
    }

    public ConfigException bad(String name, String expected) {
        return new ConfigException(name + " must be " + expected + ", got '" + values.get(name) + "'");
    }

    /** The effective values, typed where they parse as numbers or booleans (for config.json). */
    public Map<String, Object> effective() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.put(e.getKey(), typed(e.getValue()));
        }
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
            if (Double.isFinite(d) && !v.endsWith("d") && !v.endsWith("f") && !v.endsWith("D") && !v.endsWith("F")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // text
        }
        return v;
    }

    @Override
    public String toString() {
        return Arrays.toString(values.entrySet().toArray());
    }
}
