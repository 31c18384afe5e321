package org.topolayer.spark.train;

import org.topolayer.spark.io.Sample;

/**
 * A labelled image of the classifier workload, cached on the executors with, for a TopModel, its
 * persistence features: an image's features do not depend on the parameters, so they are computed
 * once, not at every step (only on-the-fly adversarial images need theirs computed again).
 */
public final class ClassifierSample extends Sample {
    private static final long serialVersionUID = 1L;
    private double[] features;

    public ClassifierSample() {} // Kryo

    ClassifierSample(Sample s, double[] features) {
        super(s.getId(), s.getLabel(), s.getValues(), s.getShape());
        this.features = features;
    }

    /** The TopModel's raw (unstandardized) features of the image, or null for a pixel model. */
    public double[] getFeatures() {
        return features;
    }
}
