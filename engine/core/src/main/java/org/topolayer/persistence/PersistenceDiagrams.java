package org.topolayer.persistence;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.topolayer.filtration.ValueModel;

/** Diagrams of dimensions 0..maxDimension() for one input. Immutable. */
public final class PersistenceDiagrams implements Iterable<Diagram> {
    private final Diagram[] byDimension;
    private final ValueModel model;
    private final boolean superlevel;

    PersistenceDiagrams(Diagram[] byDimension, ValueModel model, boolean superlevel) {
        this.byDimension = byDimension;
        this.model = model;
        this.superlevel = superlevel;
    }

    /** Highest dimension computed (the requested maxdim). */
    public int maxDimension() {
        return byDimension.length - 1;
    }

    public Diagram get(int dimension) {
        return byDimension[dimension];
    }

    public ValueModel valueModel() {
        return model;
    }

    /** True when values are superlevel: bars have birth ≥ death and essential bars die at −∞. */
    public boolean isSuperlevel() {
        return superlevel;
    }

    @Override
    public Iterator<Diagram> iterator() {
        return List.of(byDimension).iterator();
    }

    @Override
    public String toString() {
        return Arrays.toString(byDimension);
    }
}
