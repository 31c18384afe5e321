package org.topolayer.spark.train;

import java.io.Serializable;
import java.util.List;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.io.Sample;

/**
 * The executors' part of a train step: for a batch of samples, the gradient of their summed loss
 * with respect to the trained network's parameters (computed by ND4J through {@link MlpNetwork}),
 * and the batch's losses. Shipped to the executors in the task closure.
 */
interface BatchGradient extends Serializable {
    /** Slots after the p gradient entries of a step's sum: Σ task loss, Σ topological loss, samples. */
    int TASK_LOSS = 0;
    int TOPOLOGICAL_LOSS = 1;
    int SAMPLES = 2;
    int SLOTS = 3;

    /**
     * Adds the batch's summed gradient into {@code sum[0, p)} and its losses and size into the
     * slots after it (p = the first network's parameter count).
     *
     * @param networks the workload's networks with this step's parameters, the trained one first
     * @throws org.topolayer.spark.BadJobInputException for a sample the networks cannot take, naming it
     */
    void addTo(List<Sample> batch, MlpNetwork[] networks, double[] sum);
}
