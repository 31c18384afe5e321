package org.topolayer.cli;

import java.util.function.Supplier;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.io.Simplices;
import org.topolayer.limits.ComplexSize;
import org.topolayer.limits.SizeEstimate;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.representatives.Representatives;
import org.topolayer.persistence.representatives.RepresentedDiagrams;
import org.topolayer.plot.TopologyFigure;

/**
 * Loads a request's inputs, checks the computation's estimated memory against the budget, and hands
 * them to the engine's entry point for its filtration.
 */
final class DiagramComputation {
    private DiagramComputation() {
    }

    /**
     * The diagrams, and the input as a figure draws it: an image, a signal or points; null for
     * what has no picture (a complex, a distance matrix, a 3-D volume). With representatives,
     * {@code represented} holds the same diagrams with a chain per bar; otherwise it is null.
     */
    record Computed(PersistenceDiagrams diagrams, TopologyFigure.Input drawable, RepresentedDiagrams represented) {
        Computed(RepresentedDiagrams represented, TopologyFigure.Input drawable) {
            this(represented.diagrams(), drawable, represented);
        }

        Computed(PersistenceDiagrams diagrams, TopologyFigure.Input drawable) {
            this(diagrams, drawable, null);
        }
    }

    /** The filtrations whose bars get representatives (not cubical: its complex is not simplicial). */
    static final String REPRESENTED = "levelset, rips, alpha and complex";

    static Computed compute(DiagramRequest request) throws BadInputException {
        return compute(request, false, null);
    }

    /**
     * The diagrams with a representative per bar; the caller has refused the filtrations without
     * them ({@link #REPRESENTED}) and sparse distances.
     *
     * @param kind cycles or cocycles; null for the filtration's default (cocycles for rips, as Ripser)
     */
    static Computed computeWithRepresentatives(DiagramRequest request, Representatives.Kind kind)
            throws BadInputException {
        return compute(request, true, kind);
    }

    private static Computed compute(DiagramRequest request, boolean representatives, Representatives.Kind kind)
            throws BadInputException {
        return switch (request.filtration()) {
            case LEVELSET, CUBICAL -> grid(request, representatives, kind);
            case RIPS -> rips(request, representatives, kind);
            case ALPHA -> alpha(request, representatives, kind);
            case COMPLEX -> lowerStar(request, representatives, kind);
        };
    }

    private static Computed grid(DiagramRequest request, boolean representatives, Representatives.Kind kind) throws BadInputException {
        Grid grid = storedGrid(request).squeezeToSignal();
        int[] shape = grid.shape();
        TopologyFigure.Input drawable = switch (shape.length) {
            case 1 -> new TopologyFigure.Signal(grid.values());
            case 2 -> new TopologyFigure.Image(grid.values(), shape[0], shape[1]);
            default -> null;
        };
        FiltrationSpec spec = request.spec();
        return representatives
                ? new Computed(engine(request.input(), () -> spec.computeWithRepresentatives(grid.values(), shape, kind)), drawable)
                : new Computed(engine(request.input(), () -> spec.compute(grid.values(), shape)), drawable);
    }

    private static Computed rips(DiagramRequest request, boolean representatives, Representatives.Kind kind) throws BadInputException {
        FiltrationSpec spec = request.spec();
        if (request.ripsInput() == DiagramRequest.RipsInput.SPARSE_DISTANCES) {
            Inputs.SparseDistances pairs = Inputs.sparseDistances(request.input());
            withinBudget(request, request.input(), () -> spec.estimateSparseDistances(pairs.n(), pairs.rows(),
                    pairs.cols(), pairs.distances()));
            return new Computed(engine(request.input(), () -> spec.computeSparseDistances(pairs.n(), pairs.rows(),
                    pairs.cols(), pairs.distances())), null);
        }
        double[][] rows = ripsRows(request);
        boolean matrix = request.ripsInput() == DiagramRequest.RipsInput.DISTANCE_MATRIX;
        TopologyFigure.Input drawable = matrix ? null : new TopologyFigure.Points(rows);
        if (representatives) {
            return new Computed(engine(request.input(), () -> matrix ? spec.computeDistancesWithRepresentatives(rows, kind)
                    : spec.computePointsWithRepresentatives(rows, kind)), drawable);
        }
        return new Computed(engine(request.input(), () -> matrix ? spec.computeDistances(rows)
                : spec.computePoints(rows)), drawable);
    }

    private static Computed alpha(DiagramRequest request, boolean representatives, Representatives.Kind kind) throws BadInputException {
        double[][] points = alphaPoints(request);
        TopologyFigure.Input drawable = new TopologyFigure.Points(points);
        FiltrationSpec spec = request.spec();
        return representatives
                ? new Computed(engine(request.input(), () -> spec.computePointsWithRepresentatives(points, kind)), drawable)
                : new Computed(engine(request.input(), () -> spec.computePoints(points)), drawable);
    }

    private static Computed lowerStar(DiagramRequest request, boolean representatives, Representatives.Kind kind) throws BadInputException {
        LoadedComplex loaded = complex(request);
        FiltrationSpec spec = request.spec();
        return representatives
                ? new Computed(engine(request.values(), () -> spec.computeComplexWithRepresentatives(loaded.complex(),
                        loaded.values(), kind)), null)
                : new Computed(engine(request.values(), () -> spec.computeComplex(loaded.complex(), loaded.values())),
                        null);
    }

    // ---- the inputs of each filtration, loaded and checked against the memory budget (shared with topo loss)

    /**
     * The grid input (level sets, cubical) as stored. A binary file's declared shape is checked before loading, so
     * an image too large for the budget is refused without reading it; text after loading.
     */
    static Grid storedGrid(DiagramRequest request) throws BadInputException {
        int[] declared = Inputs.declaredShape(request.input());
        if (declared != null) {
            withinBudget(request, request.input(), () -> request.spec().estimateGrid(declared));
        }
        Grid grid = Inputs.storedGrid(request.input());
        if (declared == null) {
            withinBudget(request, request.input(), () -> request.spec().estimateGrid(grid.shape()));
        }
        return grid;
    }

    /** The points (or, with --distance-matrix, the matrix rows) of a Rips request. */
    static double[][] ripsRows(DiagramRequest request) throws BadInputException {
        boolean matrix = request.ripsInput() == DiagramRequest.RipsInput.DISTANCE_MATRIX;
        double[][] rows = matrix ? Inputs.distanceMatrix(request.input()) : Inputs.points(request.input());
        FiltrationSpec spec = request.spec();
        withinBudget(request, request.input(), () -> matrix ? spec.estimateDistances(rows)
                : spec.estimatePoints(rows));
        return rows;
    }

    static double[][] alphaPoints(DiagramRequest request) throws BadInputException {
        double[][] points = Inputs.points(request.input());
        withinBudget(request, request.input(), () -> request.spec().estimatePoints(points));
        return points;
    }

    /** A complex with one value per vertex. */
    record LoadedComplex(SimplicialComplex complex, double[] values) {
    }

    static LoadedComplex complex(DiagramRequest request) throws BadInputException {
        Simplices simplices = Inputs.complex(request.input());
        double[] values = Inputs.vertexValues(request.values(), request.input());
        simplices.requireOneValuePerVertex(values.length, request.values());
        withinBudget(request, request.input(), () -> ComplexSize.of(simplices, request.maxDimension()));
        return new LoadedComplex(complex(simplices), values);
    }

    /** Refuses a computation whose estimate exceeds the request's budget, as bad input naming the source. */
    private static void withinBudget(DiagramRequest request, String source, Supplier<SizeEstimate> estimate)
            throws BadInputException {
        engine(source, () -> {
            request.budget().require(estimate.get());
            return null;
        });
    }

    /** The complex of the listed simplices (faces added); a bad simplex is reported with its line. */
    private static SimplicialComplex complex(Simplices simplices) throws BadInputException {
        SimplicialComplex.Builder complex = SimplicialComplex.builder();
        for (int i = 0; i < simplices.size(); i++) {
            try {
                complex.add(simplices.get(i));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(simplices.source(), "line " + simplices.line(i) + ": " + e.getMessage());
            }
        }
        return complex.build();
    }

    /** The engine refuses bad content with IllegalArgumentException: report it against the input it came from. */
    static <T> T engine(String source, Supplier<T> computation) throws BadInputException {
        try {
            return computation.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, e.getMessage());
        }
    }
}
