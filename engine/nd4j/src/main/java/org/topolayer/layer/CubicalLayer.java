package org.topolayer.layer;

import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.cubical.CubicalPersistence;

/**
 * Persistence of the cubical complex of images and volumes whose pixels (voxels) are the top
 * cells ({@link CubicalPersistence}; GUDHI's {@code CubicalComplex(top_dimensional_cells=...)},
 * torch-topological's {@code CubicalComplex}), sublevel or superlevel. Any grid size; the grid's
 * rank is fixed. Gradient: every birth and death is the value of one pixel (the lowest top cell
 * containing the cell, for sublevel sets; the highest for superlevel; ties by index), and
 * d(value)/d(f) is 1 at that pixel, 0 elsewhere.
 */
public final class CubicalLayer extends GridLayer {
    private CubicalLayer(int rank, int maxDimension, LevelSet levelSet) {
        super(rank, maxDimension, levelSet);
    }

    /** The layer for grids of {@code rank} axes: 1 (signals), 2 (images [H, W]) or 3 (volumes [D, H, W]). */
    public static CubicalLayer of(int rank, int maxDimension, LevelSet levelSet) {
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException("a cubical grid has 1 to 3 axes, got " + rank);
        }
        return new CubicalLayer(rank, maxDimension, levelSet);
    }

    /** Images of shape [H, W]. */
    public static CubicalLayer image(int maxDimension, LevelSet levelSet) {
        return of(2, maxDimension, levelSet);
    }

    /** Volumes of shape [D, H, W]. */
    public static CubicalLayer volume(int maxDimension, LevelSet levelSet) {
        return of(3, maxDimension, levelSet);
    }

    @Override
    protected PersistenceDiagrams compute(double[] input, int[] shape) {
        return CubicalPersistence.compute(input, shape, maxDimension(), levelSet());
    }
}
