package org.topolayer.spark.train;

import java.io.Serializable;

/**
 * What an executor needs, beside the broadcast parameters, to rebuild one of the driver's trained
 * models: an {@link NetworkShape} for the SameDiff networks, a {@link ClassifierShape} for the
 * classifier workload's DL4J networks.
 *
 * @param <M> the model type
 */
interface ModelShape<M> extends Serializable {
    /** Equal for shapes whose models are interchangeable (an executor's cache key). */
    String key();

    /** A new model holding the given parameters. */
    M build(float[] parameters);

    /** Gives a model of this shape other parameters. */
    void load(M model, float[] parameters);
}
