package org.topolayer.layer;

import java.util.Arrays;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * One forward pass of a {@link PersistenceLayer} on primitive arrays: the diagrams with their
 * attribution, plus what {@link #backward} needs to turn dL/d(diagram) into dL/d(input) (the
 * input's coordinates when values are distances or radii). Immutable and independent of every
 * other tape, so tapes of different samples may be used on different threads.
 */
public final class DiagramTape {
    private final PersistenceDiagrams diagrams;
    private final double[] input;
    private final int[] shape;
    private final int inputLength;

    DiagramTape(PersistenceDiagrams diagrams, double[] input, int[] shape) {
        this.diagrams = diagrams;
        this.shape = shape.clone();
        this.inputLength = input.length;
        ValueModel model = diagrams.valueModel();
        boolean needsCoordinates = model == ValueModel.EDGE_LENGTH || model == ValueModel.SQUARED_CIRCUMRADIUS;
        this.input = needsCoordinates ? input.clone() : null;
    }

    public PersistenceDiagrams diagrams() {
        return diagrams;
    }

    /** Highest homology dimension computed. */
    public int maxDimension() {
        return diagrams.maxDimension();
    }

    /** Shape of the input (row-major). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of input entries (the length of the gradient). */
    public int inputLength() {
        return inputLength;
    }

    /**
     * dL/d(input), row-major in the input's shape.
     *
     * @param dBirths per homology dimension, dL/d(birth) of each bar in diagram order; the array may
     *                be shorter than maxDimension + 1 and entries may be null (no gradient)
     * @param dDeaths likewise for deaths; entries for essential bars are ignored (they carry no gradient)
     * @throws IllegalArgumentException if an entry's length differs from its diagram's size
     */
    public double[] backward(double[][] dBirths, double[][] dDeaths) {
        double[] out = new double[inputLength];
        backwardInto(dBirths, dDeaths, out, 0);
        return out;
    }

    /** As {@link #backward}, adding into {@code out[offset .. offset + inputLength())} (a batch's slice). */
    public void backwardInto(double[][] dBirths, double[][] dDeaths, double[] out, int offset) {
        ValueModel model = diagrams.valueModel();
        int width = shape.length > 1 ? shape[shape.length - 1] : 1;
        int[] sources = new int[3];
        for (int dim = 0; dim <= diagrams.maxDimension(); dim++) {
            Diagram d = diagrams.get(dim);
            double[] gb = perDimension(dBirths, dim, d.size(), "birth");
            double[] gd = perDimension(dDeaths, dim, d.size(), "death");
            for (int i = 0; i < d.size(); i++) {
                if (gb != null) {
                    sources(d, i, false, sources);
                    ValueGradients.add(model, sources, gb[i], input, width, out, offset);
                }
                if (gd != null && !d.isEssential(i)) {
                    sources(d, i, true, sources);
                    ValueGradients.add(model, sources, gd[i], input, width, out, offset);
                }
            }
        }
    }

    private static double[] perDimension(double[][] grads, int dim, int size, String what) {
        if (grads == null || dim >= grads.length || grads[dim] == null) {
            return null;
        }
        if (grads[dim].length != size) {
            throw new IllegalArgumentException("gradient of the H" + dim + " " + what + "s has " + grads[dim].length
                    + " entries, but the H" + dim + " diagram has " + size + " bars");
        }
        return grads[dim];
    }

    private static void sources(Diagram d, int bar, boolean death, int[] sources) {
        Arrays.fill(sources, -1);
        for (int k = 0; k < d.valueModel().sourcesPerValue(); k++) {
            sources[k] = death ? d.deathSource(bar, k) : d.birthSource(bar, k);
        }
    }
}
