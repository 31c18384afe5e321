package org.topolayer.spark.train;

import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.io.Sample;

/**
 * The executors' part of a train step: for a batch of samples, the gradient of their summed loss
 * with respect to the trained network's parameters (computed by ND4J through {@link MlpNetwork} or
 * a DL4J network),
 * and the batch's losses. Shipped to the executors in the task closure.
 */
interface BatchGradient extends Serializable {
    /**
     * Slots after the p gradient entries of a step's sum: Σ task loss, Σ topological loss, samples,
     * and (classifier workload) the samples replaced by adversarial examples made on the fly.
     */
    int TASK_LOSS = 0;
    int TOPOLOGICAL_LOSS = 1;
    int SAMPLES = 2;
    int ADVERSARIAL = 3;
    int SLOTS = 4;

    /**
     * Adds the batch's summed gradient into {@code sum[0, p)} and its losses and size into the
     * slots after it (p = the first network's parameter count).
     *
     * @param networks the workload's models with this step's parameters, the trained one first (each of
     *                 the type its {@link ModelShape} builds)
     * @throws BadJobInputException for a sample the networks cannot take, naming it
     */
    void addTo(List<Sample> batch, Object[] networks, double[] sum);

    /**
     * The batch's values as the rows of a float [b, n] matrix, a network's input.
     *
     * @throws BadJobInputException for a sample without n values
     */
    static INDArray rows(List<Sample> batch, int n) {
        float[] values = new float[batch.size() * n];
        for (int k = 0; k < batch.size(); k++) {
            double[] x = batch.get(k).getValues();
            if (x.length != n) {
                throw new BadJobInputException("sample " + batch.get(k).getId() + " has " + x.length + " values; the"
                        + " network takes " + n + " (the first sample's size): give samples of one size");
            }
            for (int i = 0; i < n; i++) {
                values[k * n + i] = (float) x[i];
            }
        }
        return Nd4j.create(values, new long[] {batch.size(), n}, 'c');
    }
}
