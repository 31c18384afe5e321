package org.topolayer.spark.attack;

import java.io.Serializable;
import org.topolayer.apps.attack.TopFeatureMap;

/**
 * What it takes to rebuild a TopModel's {@link TopFeatureMap} on an executor: the image size and
 * the map's {@link TopFeatureMap.Spec}, as plain fields (Kryo cannot ship records).
 */
public final class FeatureMapSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private int height;
    private int width;
    private int directions;
    private double darkness;
    private int topK;
    private boolean extent;
    private boolean intensity;

    FeatureMapSpec() {} // Kryo

    FeatureMapSpec(int height, int width, TopFeatureMap.Spec spec) {
        this.height = height;
        this.width = width;
        this.directions = spec.directions();
        this.darkness = spec.darkness();
        this.topK = spec.topK();
        this.extent = spec.extent();
        this.intensity = spec.intensity();
    }

    TopFeatureMap build() {
        return new TopFeatureMap(height, width, new TopFeatureMap.Spec(directions, darkness, topK, extent, intensity));
    }
}
