package org.topolayer.spark.persistence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.topolayer.features.FeatureSpec;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * A list of diagram features in the engine's syntax ({@link FeatureSpec}: topk, landscape, image,
 * …) evaluated on one sample's diagrams and concatenated in list order. Ships as its spec texts;
 * the parsed features are rebuilt once per JVM-side copy.
 */
public final class FeatureVector implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> specs;
    private transient List<FeatureSpec> parsed;

    /** @throws IllegalArgumentException naming a spec that does not parse */
    public FeatureVector(List<String> specs) {
        this.specs = List.copyOf(specs);
        parsed();
    }

    public List<String> specs() {
        return specs;
    }

    /** The diagrams of one homology dimension, from wherever they are stored. */
    public interface Bars {
        /** Births of the bars of {@code dimension} (empty if none). */
        double[] births(int dimension);

        /** Deaths, aligned with births. */
        double[] deaths(int dimension);
    }

    /** The concatenated features; a feature of a dimension above the diagrams' reads an empty diagram. */
    public double[] of(Bars bars) {
        List<double[]> parts = new ArrayList<>();
        int length = 0;
        for (FeatureSpec spec : parsed()) {
            int dim = spec.feature().dimension();
            double[] part = spec.feature().value(bars.births(dim), bars.deaths(dim));
            parts.add(part);
            length += part.length;
        }
        double[] out = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Adds upstream · ∂(features)/∂(births, deaths) into dBirths[dim] and dDeaths[dim] (each as long
     * as that dimension's bars; upstream has one entry per feature entry, as {@link #of} returns).
     */
    public void addGradient(Bars bars, double[] upstream, double[][] dBirths, double[][] dDeaths) {
        int at = 0;
        for (FeatureSpec spec : parsed()) {
            int dim = spec.feature().dimension();
            double[] births = bars.births(dim), deaths = bars.deaths(dim);
            int length = spec.feature().value(births, deaths).length;
            spec.feature().addGradient(births, deaths, java.util.Arrays.copyOfRange(upstream, at, at + length),
                    dBirths[dim], dDeaths[dim]);
            at += length;
        }
    }

    /** The bars of computed diagrams. */
    public static Bars bars(PersistenceDiagrams diagrams) {
        return new Bars() {
            @Override
            public double[] births(int dimension) {
                return dimension <= diagrams.maxDimension() ? diagrams.get(dimension).births() : new double[0];
            }

            @Override
            public double[] deaths(int dimension) {
                return dimension <= diagrams.maxDimension() ? diagrams.get(dimension).deaths() : new double[0];
            }
        };
    }

    private List<FeatureSpec> parsed() {
        if (parsed == null) {
            List<FeatureSpec> out = new ArrayList<>();
            for (String spec : specs) {
                out.add(FeatureSpec.parse(spec.trim()));
            }
            parsed = out;
        }
        return parsed;
    }

    /** Highest homology dimension a feature reads. */
    public int maxDimension() {
        int max = 0;
        for (FeatureSpec spec : parsed()) {
            max = Math.max(max, spec.feature().dimension());
        }
        return max;
    }
}
