package org.topolayer.cli;

import org.topolayer.compute.FiltrationSpec;
import org.topolayer.filtration.LevelSet;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.persistence.alpha.AlphaMode;

/**
 * A checked {@code topo diagram} request. {@code input} and {@code values} are file names or
 * {@code example:NAME}; {@code values} is null unless the filtration is {@code complex}, and for
 * an example complex it may be the example itself. {@code threshold} is +∞ when not given;
 * {@code coefficient} is the prime p of the field Z/p (2 when not given).
 * Computations are checked against {@code budget} before they run.
 */
record DiagramRequest(FiltrationKind filtration, String input, String values, int maxDimension,
                      boolean superlevel, double threshold, AlphaMode alphaMode, RipsInput ripsInput,
                      int coefficient, MemoryBudget budget) {

    /** What a Rips input file holds. */
    enum RipsInput {
        POINTS, DISTANCE_MATRIX, SPARSE_DISTANCES
    }

    /** Whether the input is distances (full or sparse) rather than points: nothing to draw, no coordinates. */
    boolean distances() {
        return ripsInput != RipsInput.POINTS;
    }

    /** What to compute, in the engine's one filtration specification. */
    FiltrationSpec spec() {
        LevelSet levelSet = superlevel ? LevelSet.SUPERLEVEL : LevelSet.SUBLEVEL;
        FiltrationSpec spec = switch (filtration) {
            case LEVELSET -> FiltrationSpec.levelSet(levelSet, maxDimension);
            case CUBICAL -> FiltrationSpec.cubical(levelSet, maxDimension);
            case RIPS -> FiltrationSpec.rips(maxDimension, threshold);
            case ALPHA -> FiltrationSpec.alpha(alphaMode, maxDimension);
            case COMPLEX -> FiltrationSpec.lowerStar(levelSet, maxDimension);
        };
        return spec.withCoefficients(coefficient);
    }
}
