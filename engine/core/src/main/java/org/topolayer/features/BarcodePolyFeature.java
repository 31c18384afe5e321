package org.topolayer.features;

/**
 * TopologyLayer's {@code BarcodePolyFeature(dim, p, q, remove_zero)}: Σ |d − b|^p ((d + b)/2)^q over
 * finite bars, E(p, q, 0). Diagrams from this library's layers keep no zero-length bars, so
 * removeZero only matters for diagrams built by hand.
 */
public final class BarcodePolyFeature extends BarcodeEnergy {
    public BarcodePolyFeature(int dimension, double p, double q, boolean removeZero) {
        super(dimension, p, q, 0, removeZero);
    }
}
