package org.topolayer.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Diagram features evaluated on one set of diagrams (dimensions 0..maxdim) and concatenated in
 * list order, with the vector–Jacobian product back to the bars. A feature of a dimension above
 * the diagrams' reads an empty diagram. Immutable and thread-safe. The persistence job's feature
 * column, the transformers and (through {@code org.topolayer.loss.FeatureMap}) the layers' feature
 * maps all vectorize through it.
 */
public final class FeatureVector {
    private final List<DiagramFeature> features;
    private final int length;

    /** The bars of one homology dimension, from wherever they are stored. */
    public interface Bars {
        /** Births of the bars of {@code dimension} (empty if none). */
        double[] births(int dimension);

        /** Deaths, aligned with births. */
        double[] deaths(int dimension);
    }

    public FeatureVector(List<? extends DiagramFeature> features) {
        this.features = List.copyOf(features);
        int n = 0;
        for (DiagramFeature feature : this.features) {
            n += feature.value(new double[0], new double[0]).length;
        }
        this.length = n;
    }

    /**
     * The vector of {@link FeatureSpec}s given as text ({@code topk:dim=1,k=4}, ...).
     *
     * @throws IllegalArgumentException naming a spec that does not parse
     */
    public static FeatureVector parse(List<String> specs) {
        List<DiagramFeature> features = new ArrayList<>();
        for (String spec : specs) {
            features.add(FeatureSpec.parse(spec.trim()).feature());
        }
        return new FeatureVector(features);
    }

    public List<DiagramFeature> features() {
        return features;
    }

    /** Entries of the vector (the same for every diagram: features have fixed lengths). */
    public int length() {
        return length;
    }

    /** Highest homology dimension a feature reads (0 for none). */
    public int maxDimension() {
        int max = 0;
        for (DiagramFeature feature : features) {
            max = Math.max(max, feature.dimension());
        }
        return max;
    }

    /** The concatenated features of computed diagrams. */
    public double[] of(PersistenceDiagrams diagrams) {
        return of(bars(diagrams));
    }

    /** The concatenated features. */
    public double[] of(Bars bars) {
        double[] out = new double[length];
        int at = 0;
        for (DiagramFeature feature : features) {
            int dim = feature.dimension();
            double[] part = feature.value(bars.births(dim), bars.deaths(dim));
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Adds upstream · ∂(features)/∂(births, deaths) into dBirths[dim] and dDeaths[dim] (each as long
     * as that dimension's bars; upstream has one entry per vector entry, as {@link #of} returns).
     *
     * @throws IllegalArgumentException if upstream's length is not {@link #length}
     */
    public void addGradient(Bars bars, double[] upstream, double[][] dBirths, double[][] dDeaths) {
        if (upstream.length != length) {
            throw new IllegalArgumentException("upstream gradient has " + upstream.length + " entries, the vector has "
                    + length);
        }
        int at = 0;
        for (DiagramFeature feature : features) {
            int dim = feature.dimension();
            double[] births = bars.births(dim), deaths = bars.deaths(dim);
            int n = feature.value(births, deaths).length;
            feature.addGradient(births, deaths, Arrays.copyOfRange(upstream, at, at + n), dBirths[dim], dDeaths[dim]);
            at += n;
        }
    }

    /** The bars of computed diagrams (empty above their highest dimension). */
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
}
