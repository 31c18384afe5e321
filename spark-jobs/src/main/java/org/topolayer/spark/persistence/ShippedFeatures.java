package org.topolayer.spark.persistence;

import java.io.Serializable;
import java.util.List;
import org.topolayer.features.FeatureVector;

/**
 * Feature specs as a Spark closure ships them: the texts travel, and each deserialized copy parses
 * them once into the engine's {@link FeatureVector}, which does the work.
 */
public final class ShippedFeatures implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> specs;
    private transient FeatureVector vector;

    /** @throws IllegalArgumentException naming a spec that does not parse */
    public ShippedFeatures(List<String> specs) {
        this.specs = List.copyOf(specs);
        vector();
    }

    public List<String> specs() {
        return specs;
    }

    /** The parsed vector (parsed once per copy). */
    public FeatureVector vector() {
        if (vector == null) {
            vector = FeatureVector.parse(specs);
        }
        return vector;
    }
}
