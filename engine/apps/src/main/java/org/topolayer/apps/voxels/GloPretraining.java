package org.topolayer.apps.voxels;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;

/**
 * The voxel generator's pre-training: a decoder trained as a Generative Latent Optimization model
 * (GLO, Bojanowski et al. 2018). Each training shape owns a latent code; the decoder (an
 * {@link MlpNetwork} latent → hidden layers (LeakyReLU 0.2) → n³ tanh) and the codes are fitted
 * jointly by Adam to reconstruct the shapes, with the squared error between the decoded occupancy
 * u = (x + 1)/2 and the shape's, summed over voxels and averaged over a minibatch. Codes are
 * kept in the unit ball (GLO's constraint: the decoder cannot rescale them away). A decoder has
 * no encoder and no discriminator: the cheapest of the usual pre-trainings to run on two cores.
 * It becomes a generator through {@link LatentGaussian#fit} on the learned codes.
 *
 * <p>Reproducible from the seed. Not thread-safe (the network is not).
 */
public final class GloPretraining {
    private final double[][] shapes;
    private final MlpNetwork decoder;
    private final INDArray parameters;
    private final AdamOptimizer decoderOptimizer;
    private final AdamOptimizer codeOptimizer;
    private final double[] codes; // row-major [shapes, latent]
    private final int latent;
    private final int batchSize;
    private final SplittableRandom random;

    /**
     * @param shapes       training volumes with values in [0, 1], all of the same length
     * @param hidden       hidden layer sizes of the decoder
     * @param learningRate Adam's step for the decoder's weights
     * @param codeRate     Adam's step for the codes
     */
    public GloPretraining(double[][] shapes, int latent, int[] hidden, int batchSize, double learningRate,
                          double codeRate, long seed) {
        if (shapes.length == 0) {
            throw new IllegalArgumentException("no training shapes");
        }
        this.shapes = shapes;
        this.latent = latent;
        this.batchSize = batchSize;
        this.random = new SplittableRandom(seed);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = latent;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = shapes[0].length;
        this.decoder = new MlpNetwork(sizes, MlpNetwork.Output.TANH, seed * 31 + 1);
        this.parameters = decoder.parameterVector();
        this.decoderOptimizer = AdamOptimizer.standard(learningRate);
        this.codeOptimizer = AdamOptimizer.standard(codeRate);
        this.codes = new double[shapes.length * latent];
        SplittableRandom init = new SplittableRandom(seed * 31 + 2);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = MlpNetwork.gaussian(init) / Math.sqrt(latent); // norm about 1
        }
        for (int s = 0; s < shapes.length; s++) {
            projectToUnitBall(s);
        }
    }

    public MlpNetwork decoder() {
        return decoder;
    }

    /** A copy of the learned codes, one row per training shape. */
    public double[][] codes() {
        double[][] out = new double[shapes.length][];
        for (int s = 0; s < out.length; s++) {
            out[s] = java.util.Arrays.copyOfRange(codes, s * latent, (s + 1) * latent);
        }
        return out;
    }

    /**
     * One Adam step of the decoder and of the batch's codes on a minibatch of shapes drawn with
     * replacement. Returns the batch's mean squared error per voxel (before the step).
     */
    public double step() {
        int[] batch = new int[batchSize];
        float[] z = new float[batchSize * latent];
        for (int b = 0; b < batchSize; b++) {
            batch[b] = random.nextInt(shapes.length);
            for (int k = 0; k < latent; k++) {
                z[b * latent + k] = (float) codes[batch[b] * latent + k];
            }
        }
        INDArray input = Nd4j.create(z, new long[] {batchSize, latent}, 'c');
        double[] x = org.topolayer.layer.NdArrays.toDoubles(decoder.output(input));
        int voxels = shapes[0].length;
        double[] dx = new double[x.length];
        double squares = 0;
        for (int b = 0; b < batchSize; b++) {
            double[] target = shapes[batch[b]];
            for (int v = 0; v < voxels; v++) {
                double u = Math.min(1, Math.max(0, (x[b * voxels + v] + 1) / 2));
                double e = u - target[v];
                squares += e * e;
                dx[b * voxels + v] = e / batchSize; // d/dx of (u − y)²/B with du/dx = 1/2
            }
        }
        MlpNetwork.Gradients g = decoder.backward(input,
                Nd4j.create(dx, new long[] {batchSize, voxels}, DataType.FLOAT));
        decoderOptimizer.step(parameters, g.parameters());
        decoder.setParameters(parameters);
        // a shape drawn twice gets both rows' gradients; the other codes' gradients are zero
        double[] dz = new double[codes.length];
        double[] dInput = org.topolayer.layer.NdArrays.toDoubles(g.input());
        for (int b = 0; b < batchSize; b++) {
            for (int k = 0; k < latent; k++) {
                dz[batch[b] * latent + k] += dInput[b * latent + k];
            }
        }
        codeOptimizer.step(codes, dz);
        for (int b : batch) {
            projectToUnitBall(b);
        }
        return squares / ((double) batchSize * voxels);
    }

    /** The decoder's occupancies u = (x + 1)/2 for codes [B, latent], one row per code. */
    public static double[][] decode(MlpNetwork decoder, INDArray codes) {
        double[][] rows = decoder.output(codes).toDoubleMatrix();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ComponentPrior.toUnit(rows[i]);
        }
        return rows;
    }

    private void projectToUnitBall(int s) {
        double norm = 0;
        for (int k = 0; k < latent; k++) {
            norm += codes[s * latent + k] * codes[s * latent + k];
        }
        norm = Math.sqrt(norm);
        if (norm > 1) {
            for (int k = 0; k < latent; k++) {
                codes[s * latent + k] /= norm;
            }
        }
    }
}
