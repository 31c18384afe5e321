package org.topolayer.features;

/** TopologyLayer's {@code SumBarcodeLengths(dim)}: Σ |d − b| over finite bars, E(1, 0, 0). */
public final class SumBarcodeLengths extends BarcodeEnergy {
    public SumBarcodeLengths(int dimension) {
        super(dimension, 1, 0, 0, true);
    }
}
