package org.topolayer.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@code --feature} of {@code topo loss} (contract), also the feature syntax of the Spark jobs
 * and the {@code feature} entries of the applications' metrics.json: {@code NAME:key=value,...}
 * with NAME one of sum, topk, partialsum, poly and the keys of TopologyLayer's matching feature:
 * dim (default 0), k (topk), skip (partialsum), p and q (poly); energy (dim, p, q, skip: the
 * finite-bar {@link BarcodeEnergy}); paper (dim, p, q, i0: the paper's E(p,q,i0;PD_dim), bars
 * counted from 1 with the essential ones first, {@link PaperEnergy}); landscape (dim, levels, min,
 * max, steps: a grid of steps values from min to max) and image (dim, bmin, bmax, pmax, size,
 * sigma: a size × size persistence image); and weight (default 1). {@link #render} writes any of
 * these features back as the spec that parses to it.
 */
public record FeatureSpec(String text, DiagramFeature feature, double weight) {
    public static final String SYNTAX = "NAME:key=value,... with NAME sum (dim), topk (dim, k), partialsum (dim, skip),"
            + " poly (dim, p, q), energy (dim, p, q, skip), paper (dim, p, q, i0: the paper's E(p,q,i0), bars counted"
            + " from 1, essential first), landscape (dim, levels, min, max, steps) or image (dim, bmin, bmax, pmax, size,"
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
            case "energy" -> {
                k.allow("dim", "p", "q", "skip");
                yield new BarcodeEnergy(k.integer("dim", 0), k.number("p", null), k.number("q", null),
                        k.integer("skip", null), true);
            }
            case "paper" -> {
                k.allow("dim", "p", "q", "i0");
                yield new PaperEnergy(k.integer("dim", 0), k.number("p", null), k.number("q", null),
                        k.integer("i0", null));
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

    /**
     * The spec that parses to {@code feature} (weight 1), keys in a fixed order, e.g.
     * {@code partialsum:dim=0,skip=0} or {@code paper:dim=0,p=1,q=0,i0=2}. Each class renders under
     * its own name; a plain {@link BarcodeEnergy} (or {@link TotalPersistence}) as partialsum
     * when p = 1 and q = 0, as poly when skip = 0, otherwise as energy.
     *
     * @throws IllegalArgumentException for a feature the spec syntax cannot express (e.g. a
     *     landscape on an uneven grid, a BarcodeEnergy keeping zero-length bars with p = 0, or
     *     a feature with no spec name)
     */
    public static String render(DiagramFeature feature) {
        String dim = "dim=" + feature.dimension();
        if (feature instanceof SumBarcodeLengths) {
            return "sum:" + dim;
        }
        if (feature instanceof BarcodeEnergy e) {
            if (!e.removeZero() && e.p() == 0) {
                throw new IllegalArgumentException("no spec spelling for a BarcodeEnergy that counts zero-length"
                        + " bars with p = 0 (specs leave them out)");
            }
            if (feature instanceof PartialSumBarcodeLengths || (e.p() == 1 && e.q() == 0)) {
                return "partialsum:" + dim + ",skip=" + e.skip();
            }
            if (feature instanceof BarcodePolyFeature || e.skip() == 0) {
                return "poly:" + dim + ",p=" + number(e.p()) + ",q=" + number(e.q());
            }
            return "energy:" + dim + ",p=" + number(e.p()) + ",q=" + number(e.q()) + ",skip=" + e.skip();
        }
        if (feature instanceof PaperEnergy e) {
            return "paper:" + dim + ",p=" + number(e.p()) + ",q=" + number(e.q()) + ",i0=" + e.i0();
        }
        if (feature instanceof TopKBarcodeLengths t) {
            return "topk:" + dim + ",k=" + t.k();
        }
        if (feature instanceof PersistenceLandscape l) {
            double[] g = l.grid();
            String spec = "landscape:" + dim + ",levels=" + l.levels() + ",min=" + number(g[0]) + ",max="
                    + number(g[g.length - 1]) + ",steps=" + g.length;
            if (!java.util.Arrays.equals(g, grid(g[0], g[g.length - 1], g.length))) {
                throw new IllegalArgumentException("no spec spelling for a landscape on an uneven grid");
            }
            return spec;
        }
        if (feature instanceof PersistenceImage im) {
            if (im.width() != im.height()) {
                throw new IllegalArgumentException("no spec spelling for a " + im.height() + " × " + im.width()
                        + " persistence image (specs are square)");
            }
            return "image:" + dim + ",bmin=" + number(im.birthMin()) + ",bmax=" + number(im.birthMax()) + ",pmax="
                    + number(im.persistenceMax()) + ",size=" + im.width() + ",sigma=" + number(im.sigma());
        }
        throw new IllegalArgumentException("no spec spelling for " + feature.getClass().getSimpleName()
                + "; specs cover " + SYNTAX);
    }

    /** {@link #render(DiagramFeature)} with {@code ,weight=W} appended unless the weight is 1. */
    public static String render(DiagramFeature feature, double weight) {
        return render(feature) + (weight == 1 ? "" : ",weight=" + number(weight));
    }

    /**
     * How the applications' metrics.json records a loss or penalty: {@code feature} = its spec
     * ({@link #render}), and for a {@link PaperEnergy} also {@code paper} = the paper's notation
     * (e.g. E(1,0,2;PD0)) and {@code finite_bars_feature} = the finite-bar spec it equals on the
     * paper's filtrations (e.g. partialsum:dim=0,skip=0, TopologyLayer's spelling).
     */
    public static Map<String, Object> record(DiagramFeature feature, double weight) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", render(feature, weight));
        if (feature instanceof PaperEnergy e) {
            out.put("paper", e.toString());
            out.put("finite_bars_feature", render(e.onPaperFiltrations(), weight));
        }
        return out;
    }

    /** A number as specs write it: integers without a decimal point, others in full precision. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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
