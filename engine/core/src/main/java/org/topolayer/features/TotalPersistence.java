package org.topolayer.features;

/** Total p-persistence Σ |d − b|^p over finite bars (GUDHI, giotto-tda), E(p, 0, 0). */
public final class TotalPersistence extends BarcodeEnergy {
    public TotalPersistence(int dimension, double p) {
        super(dimension, p, 0, 0, true);
    }
}
