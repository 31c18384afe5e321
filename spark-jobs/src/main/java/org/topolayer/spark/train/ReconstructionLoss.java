package org.topolayer.spark.train;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.loss.FeatureMap;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.io.Sample;

/**
 * The autoencoder workload's loss: the network maps an image x (values in [0, 1]) to tanh outputs
 * t, read as the reconstruction r = (t + 1)/2 ∈ [0, 1] (the generator's convention); the loss is
 * mean((r − x)²) + λ·Σ topological features of r (its sublevel and superlevel diagrams). The
 * gradient with respect to t is computed here, the parameters' by the network's backward pass.
 */
final class ReconstructionLoss implements BatchGradient {
    private static final long serialVersionUID = 1L;
    private final double lambda;
    private final TopologicalFeatures regularizer;

    ReconstructionLoss(double lambda, TopologicalFeatures regularizer) {
        this.lambda = lambda;
        this.regularizer = regularizer;
    }

    /** One sample's squared error, topological loss (unweighted) and d(total loss)/dt. */
    record Value(double squaredError, double topological, double[] dOutput) {}

    Value evaluate(double[] tanhOutput, double[] x, int[] shape) {
        int n = x.length;
        double[] r = new double[n];
        double[] dR = new double[n];
        double error = 0;
        for (int i = 0; i < n; i++) {
            r[i] = (tanhOutput[i] + 1) / 2;
            double e = r[i] - x[i];
            error += e * e / n;
            dR[i] = 2 * e / n;
        }
        double topological = 0;
        if (lambda != 0) {
            FeatureMap.Evaluation pass = regularizer.forward(r, shape);
            double[] weights = new double[pass.values().length];
            Arrays.fill(weights, lambda);
            double[] dTopo = regularizer.backward(pass, weights);
            for (int i = 0; i < n; i++) {
                dR[i] += dTopo[i];
            }
            for (double v : pass.values()) {
                topological += v;
            }
        }
        for (int i = 0; i < n; i++) {
            dR[i] /= 2; // dr/dt = 1/2
        }
        return new Value(error, topological, dR);
    }

    @Override
    public void addTo(List<Sample> batch, Object[] networks, double[] sum) {
        MlpNetwork network = (MlpNetwork) networks[0];
        int b = batch.size(), n = network.inputSize();
        INDArray xs = BatchGradient.rows(batch, n);
        double[][] t = network.output(xs).toDoubleMatrix();
        double[] dOutput = new double[b * n];
        int p = sum.length - SLOTS;
        for (int k = 0; k < b; k++) {
            Sample s = batch.get(k);
            Value v = evaluate(t[k], s.getValues(), s.effectiveShape());
            System.arraycopy(v.dOutput(), 0, dOutput, k * n, n);
            sum[p + TASK_LOSS] += v.squaredError();
            sum[p + TOPOLOGICAL_LOSS] += v.topological();
        }
        double[] gradient = network.backward(xs, Nd4j.create(dOutput, new long[] {b, n}, DataType.FLOAT)).parameters()
                .toDoubleVector();
        for (int i = 0; i < p; i++) {
            sum[i] += gradient[i];
        }
        sum[p + SAMPLES] += b;
    }
}
