package org.topolayer.util;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in what is printed or written beside results: the value of a setting whose name
 * says secret, password, token, credential or access/API/private key, and the user info of a URI
 * ({@code s3a://KEY:SECRET@bucket/x} becomes {@code s3a://*****@bucket/x}). Job summaries,
 * effective configurations and one-line errors pass through it, so a credential given in a
 * config, a Spark setting or a path does not reach a log.
 */
public final class Redaction {
    public static final String MASK = "*****";
    private static final String SECRET_WORD = "secret|passw(?:or)?d|token|credential|(?:access|api|private)[._-]?key";
    private static final Pattern SECRET_NAME = Pattern.compile(SECRET_WORD, Pattern.CASE_INSENSITIVE);
    /**
     * scheme://userinfo@ — the user info may hold a password or a token; a password may hold '/'
     * (AWS secret keys do), so after "user:" anything up to the '@' is masked.
     */
    private static final Pattern URI_USER_INFO = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9+.-]*://)(?:[^/@\\s:]*:[^@\\s]*|[^/@\\s]+)@");
    /** name=value or name: value where the name is a secret's (also query parameters, ?token=...). */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "([\\w.-]*(?:" + SECRET_WORD + ")[\\w.-]*\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)",
            Pattern.CASE_INSENSITIVE);

    private Redaction() {}

    /** Whether a setting of this name holds a secret. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /** The text with URI user info and secret assignments masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = URI_USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return SECRET_ASSIGNMENT.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /**
     * The value to show for the setting {@code name}: the mask for a secret's name, else strings
     * (also inside lists and maps) with {@link #text} applied; other values unchanged.
     */
    public static Object value(String name, Object value) {
        if (value != null && isSecretName(name)) {
            return MASK;
        }
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), value(String.valueOf(k), v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> value("", v)).toList();
        }
        return value;
    }

    /** A copy of the settings with {@link #value} applied to each. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> settings) {
        return (Map<String, Object>) value("", settings);
    }
}
