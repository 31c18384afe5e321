package org.topolayer.persistence;

import java.util.Arrays;
import org.topolayer.filtration.ValueModel;

/**
 * The persistence diagram of one homology dimension: bars (birth, death) in reported units, with
 * the attribution of docs/design.md §3: for each finite birth and death, the input entries its
 * value was computed from ({@link #valueModel()} says how). Essential bars die at +∞ (−∞ for
 * superlevel filtrations) and their death has no sources.
 *
 * <p>Bars are sorted by birth then death (in reported units, ascending). Zero-length bars are
 * not kept (see {@link DiagramCollector}). Immutable.
 */
public final class Diagram {
    private final int dimension;
    private final double[] births;
    private final double[] deaths;
    private final int[] birthSources;
    private final int[] deathSources;
    private final ValueModel model;

    Diagram(int dimension, double[] births, double[] deaths, int[] birthSources, int[] deathSources,
            ValueModel model) {
        this.dimension = dimension;
        this.births = births;
        this.deaths = deaths;
        this.birthSources = birthSources;
        this.deathSources = deathSources;
        this.model = model;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return births.length;
    }

    public double birth(int i) {
        return births[i];
    }

    public double death(int i) {
        return deaths[i];
    }

    public boolean isEssential(int i) {
        return Double.isInfinite(deaths[i]);
    }

    /** |death − birth|; +∞ for essential bars. */
    public double persistence(int i) {
        return Math.abs(deaths[i] - births[i]);
    }

    public ValueModel valueModel() {
        return model;
    }

    /** The k-th input entry of bar i's birth value (k &lt; valueModel().sourcesPerValue()), or -1. */
    public int birthSource(int i, int k) {
        return birthSources[i * model.sourcesPerValue() + k];
    }

    /** The k-th input entry of bar i's death value, or -1 (always -1 for essential bars). */
    public int deathSource(int i, int k) {
        return deathSources[i * model.sourcesPerValue() + k];
    }

    public double[] births() {
        return births.clone();
    }

    public double[] deaths() {
        return deaths.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("H").append(dimension).append('[');
        for (int i = 0; i < births.length; i++) {
            sb.append('(').append(births[i]).append(", ").append(deaths[i]).append(')');
        }
        return sb.append(']').toString();
    }

    /** The bars as {birth, death} pairs, in diagram order. */
    public double[][] toArray() {
        double[][] out = new double[births.length][];
        for (int i = 0; i < births.length; i++) {
            out[i] = new double[] {births[i], deaths[i]};
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Diagram d)) {
            return false;
        }
        return dimension == d.dimension && model == d.model && Arrays.equals(births, d.births)
                && Arrays.equals(deaths, d.deaths) && Arrays.equals(birthSources, d.birthSources)
                && Arrays.equals(deathSources, d.deathSources);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(births) + Arrays.hashCode(deaths);
    }
}
