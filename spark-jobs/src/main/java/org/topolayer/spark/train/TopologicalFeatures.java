package org.topolayer.spark.train;

import java.io.Serializable;
import java.util.List;
import org.topolayer.features.FeatureVector;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.loss.FeatureMap;
import org.topolayer.spark.persistence.ShippedFeatures;

/**
 * Differentiable persistence features of an image: the feature specs on the sublevel and on the
 * superlevel diagrams (H0..maxdim), concatenated: the autoencoder's regularizer, as an engine
 * {@link FeatureMap} of two parts. Serializable as its {@link ShippedFeatures}; the map is rebuilt after shipping.
 */
final class TopologicalFeatures implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ShippedFeatures features;
    private final int maxDimension;
    private transient FeatureMap map;

    /** @throws IllegalArgumentException on a spec that does not parse or reads above maxDimension */
    TopologicalFeatures(String[] specs, int maxDimension) {
        this.features = new ShippedFeatures(List.of(specs));
        this.maxDimension = maxDimension;
        map();
    }

    /** One image's forward pass: the diagrams of both level sets and the feature values. */
    public FeatureMap.Evaluation forward(double[] image, int[] shape) {
        return map().forward(image, shape);
    }

    /** d(Σ upstream·features)/d(image), for the pass's image. */
    public double[] backward(FeatureMap.Evaluation pass, double[] upstream) {
        return map().backward(pass, upstream);
    }

    private FeatureMap map() {
        if (map == null) {
            FeatureVector vector = features.vector();
            if (vector.maxDimension() > maxDimension) {
                throw new IllegalArgumentException("a feature reads H" + vector.maxDimension() + " but maxdim is "
                        + maxDimension);
            }
            map = new FeatureMap(List.of(
                    new FeatureMap.Part("sublevel", GridLevelSetLayer.image(maxDimension, LevelSet.SUBLEVEL), 1, null, vector),
                    new FeatureMap.Part("superlevel", GridLevelSetLayer.image(maxDimension, LevelSet.SUPERLEVEL), 1, null,
                            vector)));
        }
        return map;
    }
}
