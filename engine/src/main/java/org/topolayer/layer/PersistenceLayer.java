package org.topolayer.layer;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * A differentiable persistence layer: forward maps an input (values on a grid or complex, a point
 * cloud, a distance matrix) to its persistence diagrams of dimensions 0..maxDimension with their
 * attribution; backward maps dL/d(diagram) to dL/d(input), of the input's shape (ARCHITECTURE §3).
 *
 * <p>Two faces: primitive row-major {@code double[]} (the fast path, used by batches and the
 * command line, no ND4J involved) and {@link INDArray} (converted once per call). Layers hold no
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
        long product = 1;
        for (int len : shape) {
            product *= len;
        }
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
        DiagramTape tape = output.tape();
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
        return NdArrays.of(tape.backward(dBirths, dDeaths), output.inputShape(), output.dataType());
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
