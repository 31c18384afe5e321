package org.topolayer.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.topolayer.features.FeatureVector;
import org.topolayer.layer.DiagramTape;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.persistence.Diagram;

/**
 * A differentiable vector of persistence features of one input: for each part, a layer's diagrams
 * of an affine image of the input (f = slope·x + offset, entry by entry) vectorized by a
 * {@link FeatureVector}; the parts' vectors concatenated in order. {@link #backward} is the
 * vector–Jacobian product back to the input, through the layers' attribution. The TopModel's
 * directional sweeps and the Spark train job's regularizer are feature maps. Immutable and
 * thread-safe; an {@link Evaluation} belongs to one input.
 */
public final class FeatureMap {
    /**
     * One part: {@code layer} computes the diagrams of {@code slope · x + offset} ({@code offset}
     * null for none), vectorized by {@code features}.
     */
    public record Part(String name, PersistenceLayer layer, double slope, double[] offset, FeatureVector features) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(features, "features");
            if (!Double.isFinite(slope) || slope == 0) {
                throw new IllegalArgumentException("part " + name + ": the slope must be finite and non-zero, got " + slope);
            }
            if (features.maxDimension() > layer.maxDimension()) {
                throw new IllegalArgumentException("part " + name + ": a feature reads H" + features.maxDimension()
                        + " but the layer computes up to H" + layer.maxDimension());
            }
            offset = offset == null ? null : offset.clone();
        }

        /** The part's filtration values of an input. */
        public double[] values(double[] input) {
            double[] f = new double[input.length];
            for (int p = 0; p < f.length; p++) {
                f[p] = slope * input[p] + (offset == null ? 0 : offset[p]);
            }
            return f;
        }
    }

    /** One input's features with the diagrams they came from, for {@link #backward}. */
    public record Evaluation(double[] values, DiagramTape[] tapes) {
    }

    private final List<Part> parts;
    private final int length;

    public FeatureMap(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a feature map needs at least one part");
        }
        this.parts = List.copyOf(parts);
        this.length = this.parts.stream().mapToInt(p -> p.features().length()).sum();
    }

    public List<Part> parts() {
        return parts;
    }

    /** Entries of the feature vector. */
    public int length() {
        return length;
    }

    /**
     * The features of a row-major input of {@code shape}.
     *
     * @throws IllegalArgumentException if an offset's length differs from the input's, or a layer refuses it
     */
    public Evaluation forward(double[] input, int[] shape) {
        double[] out = new double[length];
        DiagramTape[] tapes = new DiagramTape[parts.size()];
        int at = 0;
        for (int i = 0; i < tapes.length; i++) {
            Part part = parts.get(i);
            if (part.offset() != null && part.offset().length != input.length) {
                throw new IllegalArgumentException("part " + part.name() + " has " + part.offset().length
                        + " offsets for an input of " + input.length + " entries");
            }
            tapes[i] = part.layer().forward(part.values(input), shape);
            double[] v = part.features().of(tapes[i].diagrams());
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return new Evaluation(out, tapes);
    }

    /**
     * Σ_j upstream[j] · ∂feature_j/∂input: d(loss)/d(input) from d(loss)/d(features), in the
     * input's layout.
     *
     * @throws IllegalArgumentException if upstream does not have {@link #length} entries
     */
    public double[] backward(Evaluation evaluation, double[] upstream) {
        if (upstream.length != length) {
            throw new IllegalArgumentException("upstream gradient has " + upstream.length + " entries, the map has "
                    + length + " features");
        }
        double[] gradient = new double[evaluation.tapes()[0].inputLength()];
        double[] partGradient = new double[gradient.length];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            DiagramTape tape = evaluation.tapes()[i];
            int top = tape.maxDimension();
            double[][] dBirths = new double[top + 1][], dDeaths = new double[top + 1][];
            for (Diagram d : tape.diagrams()) {
                dBirths[d.dimension()] = new double[d.size()];
                dDeaths[d.dimension()] = new double[d.size()];
            }
            int n = part.features().length();
            part.features().addGradient(FeatureVector.bars(tape.diagrams()), Arrays.copyOfRange(upstream, at, at + n),
                    dBirths, dDeaths);
            at += n;
            Arrays.fill(partGradient, 0);
            tape.backwardInto(dBirths, dDeaths, partGradient, 0);
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] += part.slope() * partGradient[p];
            }
        }
        return gradient;
    }

    /** The names of the parts, in order. */
    public List<String> partNames() {
        List<String> names = new ArrayList<>();
        for (Part part : parts) {
            names.add(part.name());
        }
        return names;
    }
}
