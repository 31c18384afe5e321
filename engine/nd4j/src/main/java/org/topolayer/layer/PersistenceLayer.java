package org.topolayer.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * A differentiable persistence layer: forward maps an input (values on a grid or complex, a point
 * cloud, a distance matrix) to its persistence diagrams of dimensions 0..maxDimension with their
 * attribution; backward maps dL/d(diagram) to dL/d(input), of the input's shape (docs/design.md §3).
 *
 * <p>Two faces: primitive row-major {@code double[]} (the fast path, used by batches and the
 * command line, no ND4J involved) and {@link INDArray} (converted once per call, or once per
 * batch). Batches run their samples in parallel on {@link SampleParallel}'s pool. Layers hold no
 * mutable state, so one layer may serve many threads.
 */
public abstract class PersistenceLayer {
    private final int maxDimension;

    protected PersistenceLayer(int maxDimension) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxdim must be ≥ 0, got " + maxDimension);
        }
        this.maxDimension = maxDimension;
    }

    public final int maxDimension() {
        return maxDimension;
    }

    /**
     * Diagrams of a row-major input of the given shape.
     *
     * @throws IllegalArgumentException if the shape is not one this layer takes, does not match the
     *     input's length, or an entry is NaN or infinite
     */
    public final DiagramTape forward(double[] input, int[] shape) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(shape, "shape");
        checkShape(shape);
        long product = sampleSize(shape);
        if (product != input.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + product
                    + " entries, got " + input.length);
        }
        for (int i = 0; i < input.length; i++) {
            if (!Double.isFinite(input[i])) {
                throw new IllegalArgumentException("input entry " + i + " is " + input[i] + "; entries must be finite");
            }
        }
        return new DiagramTape(compute(input, shape), input, shape);
    }

    /** Diagrams of an input of any floating-point type; the output's arrays have the input's type. */
    public final LayerOutput forward(INDArray input) {
        return new LayerOutput(forward(NdArrays.toDoubles(input), NdArrays.intShape(input)), input);
    }

    /**
     * dL/d(input) of the input's shape and type.
     *
     * @param dDiagrams dL/d(diagram) per homology dimension, each n×2 like {@link LayerOutput#diagram};
     *                  fewer than maxDimension + 1 may be given, and null means no gradient
     */
    public final INDArray backward(LayerOutput output, INDArray... dDiagrams) {
        double[][][] g = splitGradients(output.tape(), dDiagrams);
        return NdArrays.of(output.tape().backward(g[0], g[1]), output.inputShape(), output.dataType());
    }

    /** Diagrams of {@code batch} samples of {@code sampleShape} stored back to back in {@code flat}, in parallel. */
    public final DiagramTape[] forwardBatch(double[] flat, int batch, int[] sampleShape) {
        int size = sampleSize(sampleShape);
        if ((long) batch * size != flat.length) {
            throw new IllegalArgumentException(batch + " samples of shape " + Arrays.toString(sampleShape) + " need "
                    + (long) batch * size + " entries, got " + flat.length);
        }
        DiagramTape[] tapes = new DiagramTape[batch];
        SampleParallel.forEach(batch, i -> tapes[i] = forward(Arrays.copyOfRange(flat, i * size, (i + 1) * size),
                sampleShape));
        return tapes;
    }

    /** Diagrams of differently shaped samples, in parallel. */
    public final DiagramTape[] forwardBatch(double[][] inputs, int[][] shapes) {
        if (inputs.length != shapes.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + shapes.length + " shapes");
        }
        DiagramTape[] tapes = new DiagramTape[inputs.length];
        SampleParallel.forEach(inputs.length, i -> tapes[i] = forward(inputs[i], shapes[i]));
        return tapes;
    }

    /** Diagrams of each sample of a [B, ...] array (converted to doubles once for the whole batch). */
    public final BatchOutput forwardBatch(INDArray batch) {
        int[] shape = NdArrays.intShape(batch);
        if (shape.length < 2) {
            throw new IllegalArgumentException("a batch needs shape [B, ...], got " + Arrays.toString(shape));
        }
        int[] sampleShape = Arrays.copyOfRange(shape, 1, shape.length);
        DiagramTape[] tapes = forwardBatch(NdArrays.toDoubles(batch), shape[0], sampleShape);
        long[][] sampleShapes = new long[shape[0]][];
        Arrays.fill(sampleShapes, Arrays.copyOfRange(batch.shape(), 1, shape.length));
        return new BatchOutput(tapes, sampleShapes, batch.shape(), batch.dataType());
    }

    /** Diagrams of each sample of a list of differently sized samples. */
    public final BatchOutput forwardBatch(List<INDArray> samples) {
        double[][] inputs = new double[samples.size()][];
        int[][] shapes = new int[samples.size()][];
        long[][] sampleShapes = new long[samples.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = NdArrays.toDoubles(samples.get(i));
            shapes[i] = NdArrays.intShape(samples.get(i));
            sampleShapes[i] = samples.get(i).shape();
        }
        DiagramTape[] tapes = forwardBatch(inputs, shapes);
        return new BatchOutput(tapes, sampleShapes, null, samples.isEmpty() ? DataType.DOUBLE : samples.get(0).dataType());
    }

    /**
     * dL/d(batch) of a stacked batch's shape, from per-sample diagram gradients (each as for
     * {@link #backward}); the backward passes run in parallel.
     */
    public final INDArray backwardBatch(BatchOutput output, List<INDArray[]> dDiagrams) {
        if (!output.isStacked()) {
            throw new IllegalArgumentException("the batch was a list of samples: use backwardSamples");
        }
        int size = output.size() == 0 ? 0 : output.tape(0).inputLength();
        double[] flat = new double[output.size() * size];
        double[][][][] g = perSampleGradients(output, dDiagrams);
        SampleParallel.forEach(output.size(), i -> output.tape(i).backwardInto(g[i][0], g[i][1], flat, i * size));
        return NdArrays.of(flat, output.stackedShape(), output.dataType());
    }

    /** dL/d(sample) for each sample, shaped like it, from per-sample diagram gradients; in parallel. */
    public final List<INDArray> backwardSamples(BatchOutput output, List<INDArray[]> dDiagrams) {
        double[][][][] g = perSampleGradients(output, dDiagrams);
        double[][] grads = new double[output.size()][];
        SampleParallel.forEach(output.size(), i -> grads[i] = output.tape(i).backward(g[i][0], g[i][1]));
        List<INDArray> out = new ArrayList<>(grads.length);
        for (int i = 0; i < grads.length; i++) {
            out.add(NdArrays.of(grads[i], output.sampleShape(i), output.dataType()));
        }
        return out;
    }

    private static double[][][][] perSampleGradients(BatchOutput output, List<INDArray[]> dDiagrams) {
        if (dDiagrams.size() != output.size()) {
            throw new IllegalArgumentException("gradients for " + dDiagrams.size() + " samples given, the batch has "
                    + output.size());
        }
        double[][][][] g = new double[output.size()][][][];
        for (int i = 0; i < g.length; i++) {
            try {
                g[i] = splitGradients(output.tape(i), dDiagrams.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sample " + i + ": " + e.getMessage(), e);
            }
        }
        return g;
    }

    /** {dBirths, dDeaths} from n×2 gradients per dimension. */
    private static double[][][] splitGradients(DiagramTape tape, INDArray[] dDiagrams) {
        if (dDiagrams.length > tape.maxDimension() + 1) {
            throw new IllegalArgumentException(dDiagrams.length + " diagram gradients given, but the layer computes "
                    + (tape.maxDimension() + 1) + " diagrams (maxdim " + tape.maxDimension() + ")");
        }
        double[][] dBirths = new double[dDiagrams.length][];
        double[][] dDeaths = new double[dDiagrams.length][];
        for (int dim = 0; dim < dDiagrams.length; dim++) {
            double[][] columns = NdArrays.columns(dDiagrams[dim], tape.diagrams().get(dim).size(), dim);
            dBirths[dim] = columns[0];
            dDeaths[dim] = columns[1];
        }
        return new double[][][] {dBirths, dDeaths};
    }

    private static int sampleSize(int[] shape) {
        long size = 1;
        for (int len : shape) {
            size *= len;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) size;
    }

    /** @throws IllegalArgumentException naming what this layer takes, if it does not take {@code shape} */
    protected abstract void checkShape(int[] shape);

    /** The diagrams of a checked, finite input. */
    protected abstract PersistenceDiagrams compute(double[] input, int[] shape);

    /** Rows of a row-major n×width matrix. */
    protected static double[][] rows(double[] flat, int n, int width) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }
}
