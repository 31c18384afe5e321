package org.topolayer.features;

/** A {@link DiagramFeature} of the diagram of one fixed homology dimension, checked on construction. */
public abstract class DimensionedFeature implements DiagramFeature {
    private final int dimension;

    /** @throws IllegalArgumentException if dimension is negative */
    protected DimensionedFeature(int dimension) {
        Bars.checkDimension(dimension);
        this.dimension = dimension;
    }

    @Override
    public final int dimension() {
        return dimension;
    }
}
