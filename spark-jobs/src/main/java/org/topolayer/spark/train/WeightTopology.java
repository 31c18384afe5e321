package org.topolayer.spark.train;

import org.topolayer.features.PaperEnergy;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.loss.TopologicalLoss;

/**
 * The paper's topological regularization of a classifier's first layer (its first application,
 * "fewer, cleaner receptive-field blobs"): for every first-layer unit of a pixel MLP, E(1, 0, 2;
 * PD0) of the superlevel diagram of the unit's H×W weight image, the summed lengths of its finite
 * H0 bars (the paper counts the essential bar as i = 1, so i₀ = 2 spares it and no other), summed
 * over the units. Computed on the driver from the parameters alone: it does not depend on the
 * samples.
 *
 * <p>DL4J stores a dense layer's weights W [inputs, units] first among the layer's parameters and
 * column-major, so unit j's weights are the parameters [j·H·W, (j+1)·H·W), in the image's
 * row-major pixel order (a test checks this against the network's own W).
 */
final class WeightTopology {
    // when the project's single E(p,q,i0) function lands (branch defs), it replaces this feature
    private static final TopologicalLoss ENERGY = TopologicalLoss.of(GridLevelSetLayer.image(0, LevelSet.SUPERLEVEL),
            new PaperEnergy(0, 1, 0, 2));
    private final int height;
    private final int width;
    private final int units;

    WeightTopology(int height, int width, int units) {
        this.height = height;
        this.width = width;
        this.units = units;
    }

    /**
     * Σ over the units of E(1,0,2;PD0) of their weight images; adds λ times its gradient into
     * {@code gradient} (whose first units·H·W entries are the first layer's weights).
     */
    double addTo(double[] parameters, double lambda, double[] gradient) {
        int n = height * width * units;
        double[] weights = java.util.Arrays.copyOf(parameters, n);
        TopologicalLoss.BatchResult r = ENERGY.evaluateBatch(weights, units, new int[] {height, width});
        for (int i = 0; i < n; i++) {
            gradient[i] += lambda * r.gradient()[i];
        }
        double total = 0;
        for (double v : r.values()) {
            total += v;
        }
        return total;
    }
}
