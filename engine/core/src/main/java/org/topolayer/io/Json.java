package org.topolayer.io;

import java.util.Locale;
import java.util.Map;

/**
 * Minimal JSON for flat figures: numbers (non-finite as strings), strings, booleans, nested maps,
 * lists and {@code double[]}. The format of the applications' {@code metrics.json}, the Spark jobs'
 * {@code _summary.json} and the MNIST cache's manifest. Writing only: nothing here parses JSON.
 */
public final class Json {
    private Json() {}

    /** A JSON object, one top-level entry per line, in the map's order. */
    public static String object(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            sb.append("  ").append(string(e.getKey())).append(": ").append(value(e.getValue(), "  "));
            sb.append(++i < map.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static String value(Object v, String indent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? Double.toString(d) : string(Double.toString(d));
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(i++ > 0 ? ", " : "").append(string(String.valueOf(e.getKey()))).append(": ")
                        .append(value(e.getValue(), indent));
            }
            return sb.append('}').toString();
        }
        if (v instanceof Iterable<?> list) {
            StringBuilder sb = new StringBuilder("[");
            int i = 0;
            for (Object o : list) {
                sb.append(i++ > 0 ? ", " : "").append(value(o, indent));
            }
            return sb.append(']').toString();
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(value(a[i], indent));
            }
            return sb.append(']').toString();
        }
        return string(v.toString());
    }

    /** A JSON string literal. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
