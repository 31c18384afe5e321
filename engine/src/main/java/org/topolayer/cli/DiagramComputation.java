package org.topolayer.cli;

import java.util.function.Supplier;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.io.Simplices;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.alpha.AlphaPersistence;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.rips.RipsPersistence;
import org.topolayer.plot.TopologyFigure;

/** Loads a request's inputs and hands them to the engine's entry point for its filtration. */
final class DiagramComputation {
    private DiagramComputation() {
    }

    /**
     * The diagrams, and the input as a figure draws it: an image, a signal or points; null for
     * what has no picture (a complex, a distance matrix, a 3-D volume).
     */
    record Computed(PersistenceDiagrams diagrams, TopologyFigure.Input drawable) {}

    static Computed compute(DiagramRequest request) throws BadInputException {
        return switch (request.filtration()) {
            case LEVELSET -> levelSet(request);
            case RIPS -> rips(request);
            case ALPHA -> alpha(request);
            case COMPLEX -> lowerStar(request);
        };
    }

    private static Computed levelSet(DiagramRequest request) throws BadInputException {
        Grid grid = Inputs.grid(request.input());
        int[] shape = grid.shape();
        TopologyFigure.Input drawable = switch (shape.length) {
            case 1 -> new TopologyFigure.Signal(grid.values());
            case 2 -> new TopologyFigure.Image(grid.values(), shape[0], shape[1]);
            default -> null;
        };
        return new Computed(engine(request.input(), () -> LevelSetPersistence.compute(grid.values(), shape,
                request.maxDimension(), request.superlevel())), drawable);
    }

    private static Computed rips(DiagramRequest request) throws BadInputException {
        if (request.distanceMatrix()) {
            double[][] distances = Inputs.distanceMatrix(request.input());
            return new Computed(engine(request.input(), () -> RipsPersistence.ofDistanceMatrix(distances,
                    request.maxDimension(), request.threshold())), null);
        }
        double[][] points = Inputs.points(request.input());
        return new Computed(engine(request.input(), () -> RipsPersistence.ofPoints(points, request.maxDimension(),
                request.threshold())), new TopologyFigure.Points(points));
    }

    private static Computed alpha(DiagramRequest request) throws BadInputException {
        double[][] points = Inputs.points(request.input());
        return new Computed(engine(request.input(), () -> request.alphaMode() == AlphaMode.EXACT
                ? AlphaPersistence.exact(points, request.maxDimension())
                : AlphaPersistence.weak(points, request.maxDimension())), new TopologyFigure.Points(points));
    }

    private static Computed lowerStar(DiagramRequest request) throws BadInputException {
        Simplices simplices = Inputs.complex(request.input());
        double[] values = Inputs.vertexValues(request.values());
        simplices.requireOneValuePerVertex(values.length, request.values());
        SimplicialComplex complex = complex(simplices);
        return new Computed(engine(request.values(), () -> LowerStarPersistence.compute(complex, values,
                request.maxDimension(), request.superlevel())), null);
    }

    /** The complex of the listed simplices (faces added); a bad simplex is reported with its line. */
    static SimplicialComplex complex(Simplices simplices) throws BadInputException {
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
