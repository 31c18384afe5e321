package org.topolayer.layer;

import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * TopologyLayer's {@code LevelSetLayer}: lower-star (level-set) persistence of a fixed simplicial
 * complex with one input value per vertex, shape [vertexCount]. Gradient: d(value)/d(f) is 1 at
 * the vertex whose value the simplex takes (ties: the larger vertex id). Uses the general sparse
 * reduction; for grids {@link GridLevelSetLayer} is much faster.
 */
public final class LevelSetLayer extends PersistenceLayer {
    private final SimplicialComplex complex;
    private final LevelSet levelSet;

    public LevelSetLayer(SimplicialComplex complex, int maxDimension, LevelSet levelSet) {
        super(maxDimension);
        this.complex = complex;
        this.levelSet = levelSet;
    }

    public SimplicialComplex complex() {
        return complex;
    }

    @Override
    protected void checkShape(int[] shape) {
        if (shape.length != 1 || shape[0] != complex.vertexCount()) {
            throw new IllegalArgumentException("this layer takes one value per vertex of its complex, shape ["
                    + complex.vertexCount() + "], got shape " + java.util.Arrays.toString(shape));
        }
    }

    @Override
    protected PersistenceDiagrams compute(double[] input, int[] shape) {
        return LowerStarPersistence.compute(complex, input, maxDimension(), levelSet);
    }
}
