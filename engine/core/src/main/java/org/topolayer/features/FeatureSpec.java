package org.topolayer.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@code --feature} of {@code topo loss} (contract), also the feature syntax of the Spark jobs:
 * {@code NAME:key=value,...} with NAME one of sum, topk, partialsum, poly and the keys of
 * TopologyLayer's matching feature: dim (default 0), k (topk), skip (partialsum), p and q (poly);
 * landscape (dim, levels, min, max, steps: a grid of steps values from min to max) and image (dim,
 * bmin, bmax, pmax, size, sigma: a size × size persistence image); and weight (default 1).
 */
public record FeatureSpec(String text, DiagramFeature feature, double weight) {
    public static final String SYNTAX = "NAME:key=value,... with NAME sum (dim), topk (dim, k), partialsum (dim, skip),"
            + " poly (dim, p, q), landscape (dim, levels, min, max, steps) or image (dim, bmin, bmax, pmax, size,"
            + " sigma); every feature also takes weight (default 1), dim defaults to 0";

    /** @throws IllegalArgumentException naming the spec and what is wrong with it */
    public static FeatureSpec parse(String text) {
        try {
            return parseUnchecked(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature '" + text + "': " + e.getMessage(), e);
        }
    }

    private static FeatureSpec parseUnchecked(String text) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        Map<String, String> keys = keys(colon < 0 ? "" : text.substring(colon + 1));
        Keys k = new Keys(keys);
        DiagramFeature feature = switch (name) {
            case "sum" -> {
                k.allow("dim");
                yield new SumBarcodeLengths(k.integer("dim", 0));
            }
            case "topk" -> {
                k.allow("dim", "k");
                yield new TopKBarcodeLengths(k.integer("dim", 0), k.integer("k", null));
            }
            case "partialsum" -> {
                k.allow("dim", "skip");
                yield new PartialSumBarcodeLengths(k.integer("dim", 0), k.integer("skip", null));
            }
            case "poly" -> {
                k.allow("dim", "p", "q");
                yield new BarcodePolyFeature(k.integer("dim", 0), k.number("p", null), k.number("q", null), true);
            }
            case "landscape" -> {
                k.allow("dim", "levels", "min", "max", "steps");
                yield new PersistenceLandscape(k.integer("dim", 0), k.integer("levels", null),
                        grid(k.number("min", null), k.number("max", null), k.integer("steps", null)));
            }
            case "image" -> {
                k.allow("dim", "bmin", "bmax", "pmax", "size", "sigma");
                int size = k.integer("size", null);
                yield new PersistenceImage(k.integer("dim", 0), k.number("bmin", null), k.number("bmax", null),
                        k.number("pmax", null), size, size, k.number("sigma", null));
            }
            default -> throw new IllegalArgumentException("unknown feature '" + name
                    + "'; expected " + SYNTAX);
        };
        double weight = k.number("weight", 1.0);
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite");
        }
        return new FeatureSpec(text, feature, weight);
    }

    /** steps values evenly spaced from min to max (min alone when steps is 1). */
    private static double[] grid(double min, double max, int steps) {
        if (steps < 1 || !(max >= min)) {
            throw new IllegalArgumentException("a landscape grid needs steps ≥ 1 and max ≥ min");
        }
        double[] grid = new double[steps];
        for (int i = 0; i < steps; i++) {
            grid[i] = steps == 1 ? min : min + (max - min) * i / (steps - 1);
        }
        return grid;
    }

    private static Map<String, String> keys(String list) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (list.isBlank()) {
            return keys;
        }
        for (String pair : list.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq).trim();
            if (keys.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("key '" + key + "' given twice");
            }
        }
        return keys;
    }

    /** The key=value pairs of one spec. */
    private record Keys(Map<String, String> values) {
        void allow(String... keys) {
            Set<String> allowed = new java.util.HashSet<>(java.util.List.of(keys));
            allowed.add("weight");
            for (String key : values.keySet()) {
                if (!allowed.contains(key)) {
                    throw new IllegalArgumentException("unknown key '" + key + "'; this feature"
                            + " takes " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        int integer(String key, Integer fallback) {
            String v = required(key, fallback);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
            }
        }

        double number(String key, Double fallback) {
            String v = required(key, fallback);
            if (v == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
            }
        }

        /** The value, or null when absent and a fallback exists. */
        private String required(String key, Object fallback) {
            String v = values.get(key);
            if (v == null && fallback == null) {
                throw new IllegalArgumentException("missing " + key + "=...");
            }
            return v;
        }
    }
}
