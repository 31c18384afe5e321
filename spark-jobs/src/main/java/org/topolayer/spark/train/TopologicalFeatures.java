package org.topolayer.spark.train;

import java.io.Serializable;
import java.util.Arrays;
import org.topolayer.layer.DiagramTape;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.spark.persistence.FeatureVector;

/**
 * Differentiable persistence features of an image: the feature specs on the sublevel and on the
 * superlevel diagrams (H0..maxdim, through the engine's {@link GridLevelSetLayer}), concatenated,
 * with the gradient of any linear function of them with respect to the pixels: the autoencoder's
 * regularizer. Serializable as its specs; the parsed parts are rebuilt after shipping.
 */
final class TopologicalFeatures implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final LevelSet[] LEVEL_SETS = {LevelSet.SUBLEVEL, LevelSet.SUPERLEVEL};
    private final String[] specs;
    private final int maxDimension;
    private transient FeatureVector vector;
    private transient GridLevelSetLayer[] layers;

    TopologicalFeatures(String[] specs, int maxDimension) {
        this.specs = specs.clone();
        this.maxDimension = maxDimension;
        vector();
    }

    /** One image's forward pass: the tapes of both level sets and the feature values. */
    public record Pass(DiagramTape[] tapes, double[] values) {}

    public Pass forward(double[] image, int[] shape) {
        DiagramTape[] tapes = new DiagramTape[LEVEL_SETS.length];
        double[][] parts = new double[LEVEL_SETS.length][];
        for (int l = 0; l < LEVEL_SETS.length; l++) {
            tapes[l] = layers()[l].forward(image, shape);
            parts[l] = vector().of(FeatureVector.bars(tapes[l].diagrams()));
        }
        double[] values = Arrays.copyOf(parts[0], parts[0].length + parts[1].length);
        System.arraycopy(parts[1], 0, values, parts[0].length, parts[1].length);
        return new Pass(tapes, values);
    }

    /** d(Σ upstream·features)/d(image), for the pass's image. */
    public double[] backward(Pass pass, double[] upstream) {
        double[] gradient = new double[pass.tapes()[0].inputLength()];
        int half = upstream.length / LEVEL_SETS.length;
        for (int l = 0; l < LEVEL_SETS.length; l++) {
            PersistenceDiagrams diagrams = pass.tapes()[l].diagrams();
            double[][] dBirths = new double[maxDimension + 1][], dDeaths = new double[maxDimension + 1][];
            for (Diagram d : diagrams) {
                dBirths[d.dimension()] = new double[d.size()];
                dDeaths[d.dimension()] = new double[d.size()];
            }
            vector().addGradient(FeatureVector.bars(diagrams), Arrays.copyOfRange(upstream, l * half, (l + 1) * half),
                    dBirths, dDeaths);
            pass.tapes()[l].backwardInto(dBirths, dDeaths, gradient, 0);
        }
        return gradient;
    }

    private FeatureVector vector() {
        if (vector == null) {
            vector = new FeatureVector(Arrays.asList(specs));
            if (vector.maxDimension() > maxDimension) {
                throw new IllegalArgumentException("a feature reads H" + vector.maxDimension() + " but maxdim is "
                        + maxDimension);
            }
        }
        return vector;
    }

    private GridLevelSetLayer[] layers() {
        if (layers == null) {
            layers = new GridLevelSetLayer[LEVEL_SETS.length];
            for (int l = 0; l < LEVEL_SETS.length; l++) {
                layers[l] = GridLevelSetLayer.image(maxDimension, LEVEL_SETS[l]);
            }
        }
        return layers;
    }
}
