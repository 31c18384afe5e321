package org.topolayer.config;

import java.util.Collection;
import org.topolayer.util.ClosestName;

/**
 * A configuration key or value that cannot be used: the message is one line naming where it came
 * from (a file, an option), the key, and the fix. Commands report it as a usage error (exit code 2).
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    /** "ORIGIN: unknown key 'lerning-rate'; did you mean 'learning-rate'?" (or the valid keys when none is close). */
    public static ConfigException unknownKey(String origin, String key, Collection<String> valid) {
        return new ConfigException(prefix(origin) + "unknown key '" + key + "'; " + ClosestName.hint(key, valid, "keys"));
    }

    static String prefix(String origin) {
        return origin == null ? "" : origin + ": ";
    }
}
