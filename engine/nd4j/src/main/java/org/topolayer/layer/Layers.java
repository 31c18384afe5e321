package org.topolayer.layer;

import org.topolayer.complex.SimplicialComplex;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.persistence.alpha.AlphaMode;

/**
 * The differentiable layer of a {@link FiltrationSpec}, for each kind of input: the layer computes
 * exactly the diagrams {@code spec.compute…} does, with gradients. Each method refuses a spec whose
 * kind does not take that input.
 */
public final class Layers {
    private Layers() {}

    /** Level sets or the cubical complex of a grid of {@code rank} axes (1: signal, 2: image, 3: volume). */
    public static PersistenceLayer ofGrid(FiltrationSpec spec, int rank) {
        if (spec.kind() == FiltrationSpec.Kind.CUBICAL) {
            return CubicalLayer.of(rank, spec.maxDimension(), spec.levelSet());
        }
        require(spec, FiltrationSpec.Kind.LEVEL_SET, "a grid");
        return switch (rank) {
            case 1 -> GridLevelSetLayer.signal(spec.maxDimension(), spec.levelSet());
            case 2 -> GridLevelSetLayer.image(spec.maxDimension(), spec.levelSet());
            case 3 -> GridLevelSetLayer.volume(spec.maxDimension(), spec.levelSet());
            default -> throw new IllegalArgumentException("a grid has 1 to 3 axes, got " + rank);
        };
    }

    /** Rips or alpha of a point cloud, {@code n × d}. */
    public static PersistenceLayer ofPoints(FiltrationSpec spec) {
        return switch (spec.kind()) {
            case RIPS -> RipsLayer.ofPoints(spec.maxDimension(), spec.threshold(), spec.coefficientModulus());
            case ALPHA -> spec.alphaMode() == AlphaMode.EXACT ? AlphaLayer.exact(spec.maxDimension())
                    : AlphaLayer.weak(spec.maxDimension());
            default -> throw new IllegalArgumentException("the " + spec.name() + " filtration does not take points");
        };
    }

    /** Rips of an {@code n × n} distance matrix. */
    public static PersistenceLayer ofDistanceMatrix(FiltrationSpec spec) {
        require(spec, FiltrationSpec.Kind.RIPS, "a distance matrix");
        return RipsLayer.ofDistanceMatrix(spec.maxDimension(), spec.threshold(), spec.coefficientModulus());
    }

    /** The lower (or upper) star of {@code complex}, its input one value per vertex. */
    public static PersistenceLayer ofComplex(FiltrationSpec spec, SimplicialComplex complex) {
        require(spec, FiltrationSpec.Kind.LOWER_STAR, "a complex");
        return new LevelSetLayer(complex, spec.maxDimension(), spec.levelSet(), spec.coefficientModulus());
    }

    private static void require(FiltrationSpec spec, FiltrationSpec.Kind kind, String input) {
        if (spec.kind() != kind) {
            throw new IllegalArgumentException("the " + spec.name() + " filtration does not take " + input);
        }
    }
}
