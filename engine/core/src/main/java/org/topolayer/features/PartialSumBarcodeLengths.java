package org.topolayer.features;

/** TopologyLayer's {@code PartialSumBarcodeLengths(dim, skip)}: Σ |d − b| without the {@code skip} longest finite bars, E(1, 0, skip). */
public final class PartialSumBarcodeLengths extends BarcodeEnergy {
    public PartialSumBarcodeLengths(int dimension, int skip) {
        super(dimension, 1, 0, skip, true);
    }
}
