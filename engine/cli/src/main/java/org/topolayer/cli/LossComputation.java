package org.topolayer.cli;

import java.util.ArrayList;
import java.util.List;
import org.topolayer.features.FeatureSpec;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.layer.Layers;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.loss.TopologicalLoss;

/**
 * Loads a {@code topo loss} request's input, builds the layer of its filtration, and evaluates
 * Σ weight × (sum of the feature's entries) with dL/d(input). Uses only the primitive-array face of
 * the layers, so no ND4J backend starts.
 */
final class LossComputation {
    /**
     * The loss and its gradient, row-major in {@code storedShape} (the input's layout as stored:
     * a one-row signal stays one row); {@code npy} when the input (the values, for a complex) was a
     * .npy file.
     */
    record Outcome(double value, double[] gradient, int[] storedShape, boolean npy) {
    }

    private LossComputation() {
    }

    static Outcome run(DiagramRequest request, List<FeatureSpec> features) throws BadInputException {
        return switch (request.filtration()) {
            case LEVELSET, CUBICAL -> grid(request, features);
            case RIPS -> rips(request, features);
            case ALPHA -> alpha(request, features);
            case COMPLEX -> lowerStar(request, features);
        };
    }

    private static Outcome grid(DiagramRequest request, List<FeatureSpec> features) throws BadInputException {
        Grid stored = DiagramComputation.storedGrid(request);
        Grid grid = stored.squeezeToSignal();
        PersistenceLayer layer = Layers.ofGrid(request.spec(), grid.rank());
        return evaluate(request.input(), layer, grid.values(), grid.shape(), stored.shape(), features);
    }

    private static Outcome rips(DiagramRequest request, List<FeatureSpec> features) throws BadInputException {
        if (request.ripsInput() == DiagramRequest.RipsInput.SPARSE_DISTANCES) {
            throw new BadInputException(request.input(), "topo loss takes points or a full distance matrix, not"
                    + " sparse distances (topo diagram computes their diagrams)");
        }
        double[][] rows = DiagramComputation.ripsRows(request);
        PersistenceLayer layer = request.ripsInput() == DiagramRequest.RipsInput.DISTANCE_MATRIX
                ? Layers.ofDistanceMatrix(request.spec())
                : Layers.ofPoints(request.spec());
        return evaluateRows(request.input(), layer, rows, features);
    }

    private static Outcome alpha(DiagramRequest request, List<FeatureSpec> features) throws BadInputException {
        double[][] points = DiagramComputation.alphaPoints(request);
        PersistenceLayer layer = Layers.ofPoints(request.spec());
        return evaluateRows(request.input(), layer, points, features);
    }

    private static Outcome lowerStar(DiagramRequest request, List<FeatureSpec> features) throws BadInputException {
        DiagramComputation.LoadedComplex loaded = DiagramComputation.complex(request);
        PersistenceLayer layer = Layers.ofComplex(request.spec(), loaded.complex());
        int[] shape = {loaded.values().length};
        return evaluate(request.values(), layer, loaded.values(), shape, shape, features);
    }

    private static Outcome evaluateRows(String source, PersistenceLayer layer, double[][] rows, List<FeatureSpec> features)
            throws BadInputException {
        int width = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        int[] shape = {rows.length, width};
        return evaluate(source, layer, flat, shape, shape, features);
    }

    private static Outcome evaluate(String source, PersistenceLayer layer, double[] input, int[] shape,
                                    int[] storedShape, List<FeatureSpec> features) throws BadInputException {
        List<TopologicalLoss.Term> terms = new ArrayList<>();
        for (FeatureSpec f : features) {
            terms.add(new TopologicalLoss.Term(layer, f.feature(), f.weight()));
        }
        TopologicalLoss loss = TopologicalLoss.of(terms);
        TopologicalLoss.Result result = DiagramComputation.engine(source, () -> loss.evaluate(input, shape));
        return new Outcome(result.value(), result.gradient(), storedShape, Inputs.isNpy(source));
    }
}
