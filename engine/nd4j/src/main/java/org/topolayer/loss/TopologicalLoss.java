package org.topolayer.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.features.DiagramFeature;
import org.topolayer.layer.DiagramTape;
import org.topolayer.layer.NdArrays;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.layer.SampleParallel;
import org.topolayer.persistence.Diagram;

/**
 * A weighted sum of diagram features, possibly over several layers of the same input:
 * L = Σ_terms weight × (sum of the feature's entries). {@link #evaluate} gives L and dL/d(input)
 * in one call, running each distinct layer forward and backward once. Immutable and thread-safe.
 */
public final class TopologicalLoss {
    /** One weighted feature of one layer's diagrams. */
    public record Term(PersistenceLayer layer, DiagramFeature feature, double weight) {
        public Term {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(feature, "feature");
            if (feature.dimension() > layer.maxDimension()) {
                throw new IllegalArgumentException("feature reads H" + feature.dimension()
                        + " but the layer computes diagrams up to H" + layer.maxDimension());
            }
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite, got " + weight);
            }
        }
    }

    /** The loss value and dL/d(input), row-major in the input's shape. */
    public record Result(double value, double[] gradient) {}

    private final List<Term> terms;
    private final List<PersistenceLayer> layers;

    private TopologicalLoss(List<Term> terms) {
        this.terms = List.copyOf(terms);
        Map<PersistenceLayer, Boolean> distinct = new IdentityHashMap<>();
        List<PersistenceLayer> order = new ArrayList<>();
        for (Term t : terms) {
            if (distinct.put(t.layer(), Boolean.TRUE) == null) {
                order.add(t.layer());
            }
        }
        this.layers = List.copyOf(order);
    }

    public static TopologicalLoss of(List<Term> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a loss needs at least one term");
        }
        return new TopologicalLoss(terms);
    }

    /** A loss of one term with weight 1. */
    public static TopologicalLoss of(PersistenceLayer layer, DiagramFeature feature) {
        return of(List.of(new Term(layer, feature, 1)));
    }

    public List<Term> terms() {
        return terms;
    }

    /** L and dL/d(input) for a row-major input of the given shape. */
    public Result evaluate(double[] input, int[] shape) {
        double[] gradient = new double[input.length];
        double value = evaluateInto(input, shape, gradient, 0);
        return new Result(value, gradient);
    }

    /**
     * L for the input, adding dL/d(input) into {@code gradient[offset .. offset + input.length)}.
     * Used per sample by batches.
     */
    public double evaluateInto(double[] input, int[] shape, double[] gradient, int offset) {
        double value = 0;
        for (PersistenceLayer layer : layers) {
            DiagramTape tape = layer.forward(input, shape);
            int dims = tape.maxDimension() + 1;
            double[][] dBirths = new double[dims][];
            double[][] dDeaths = new double[dims][];
            for (Term t : terms) {
                if (t.layer() == layer) {
                    value += t.weight() * addTerm(tape, t, dBirths, dDeaths);
                }
            }
            tape.backwardInto(dBirths, dDeaths, gradient, offset);
        }
        return value;
    }

    /** The L of an INDArray input and dL/d(input) of its shape and type. */
    public Nd4jResult evaluate(INDArray input) {
        Result r = evaluate(NdArrays.toDoubles(input), NdArrays.intShape(input));
        return new Nd4jResult(r.value(), NdArrays.of(r.gradient(), input.shape(), input.dataType()));
    }

    /** {@link #evaluate(INDArray)}'s result. */
    public record Nd4jResult(double value, INDArray gradient) {}

    /** Per-sample losses of a batch and dL/d(batch) (each sample's gradient of its own loss). */
    public record BatchResult(double[] values, double[] gradient) {}

    /** {@link #evaluateBatch(INDArray)}'s result: per-sample losses and dL/d(batch) of the batch's shape. */
    public record Nd4jBatchResult(double[] values, INDArray gradient) {}

    /**
     * Losses and gradients of {@code batch} samples of {@code sampleShape} stored back to back in
     * {@code flat}, in parallel over samples (no state shared between them).
     */
    public BatchResult evaluateBatch(double[] flat, int batch, int[] sampleShape) {
        long size = 1;
        for (int len : sampleShape) {
            size *= len;
        }
        if (batch < 0 || size * batch != flat.length) {
            throw new IllegalArgumentException(batch + " samples of shape " + Arrays.toString(sampleShape)
                    + " need " + size * batch + " entries, got " + flat.length);
        }
        int n = (int) size;
        double[] values = new double[batch];
        double[] gradient = new double[flat.length];
        SampleParallel.forEach(batch, i -> values[i] = evaluateInto(Arrays.copyOfRange(flat, i * n, (i + 1) * n),
                sampleShape, gradient, i * n));
        return new BatchResult(values, gradient);
    }

    /** Losses of each sample of a [B, ...] array and dL/d(batch), converting to and from doubles once. */
    public Nd4jBatchResult evaluateBatch(INDArray batch) {
        int[] shape = NdArrays.intShape(batch);
        if (shape.length < 2) {
            throw new IllegalArgumentException("a batch needs shape [B, ...], got " + Arrays.toString(shape));
        }
        BatchResult r = evaluateBatch(NdArrays.toDoubles(batch), shape[0],
                Arrays.copyOfRange(shape, 1, shape.length));
        return new Nd4jBatchResult(r.values(), NdArrays.of(r.gradient(), batch.shape(), batch.dataType()));
    }

    /** Loss and gradient of each of a list of differently sized samples, in parallel. */
    public List<Nd4jResult> evaluateEach(List<INDArray> samples) {
        Result[] results = new Result[samples.size()];
        double[][] inputs = new double[samples.size()][];
        int[][] shapes = new int[samples.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = NdArrays.toDoubles(samples.get(i));
            shapes[i] = NdArrays.intShape(samples.get(i));
        }
        SampleParallel.forEach(inputs.length, i -> results[i] = evaluate(inputs[i], shapes[i]));
        List<Nd4jResult> out = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            INDArray s = samples.get(i);
            out.add(new Nd4jResult(results[i].value(), NdArrays.of(results[i].gradient(), s.shape(), s.dataType())));
        }
        return out;
    }

    /** Adds the term's dL/d(bars) into the per-dimension arrays (allocated on first use); returns its unweighted sum. */
    private static double addTerm(DiagramTape tape, Term t, double[][] dBirths, double[][] dDeaths) {
        int dim = t.feature().dimension();
        Diagram d = tape.diagrams().get(dim);
        double[] births = d.births(), deaths = d.deaths();
        double[] entries = t.feature().value(births, deaths);
        if (dBirths[dim] == null) {
            dBirths[dim] = new double[d.size()];
            dDeaths[dim] = new double[d.size()];
        }
        double[] upstream = new double[entries.length];
        Arrays.fill(upstream, t.weight());
        t.feature().addGradient(births, deaths, upstream, dBirths[dim], dDeaths[dim]);
        double sum = 0;
        for (double e : entries) {
            sum += e;
        }
        return sum;
    }
}
