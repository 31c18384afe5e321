package org.topolayer.layer;

import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;

/**
 * Level-set persistence of signals, images and volumes on the Freudenthal triangulation
 * (docs/design.md §2): TopologyLayer's {@code LevelSetLayer1D} and {@code LevelSetLayer2D}, and their
 * 3-D counterpart. Any grid size is taken (TopologyLayer fixes it at construction); the grid's rank
 * is fixed. Gradient: d(value)/d(f) is 1 at the vertex whose value the simplex takes (its highest
 * vertex for sublevel sets, lowest for superlevel; on ties the larger vertex index).
 */
public final class GridLevelSetLayer extends GridLayer {
    private GridLevelSetLayer(int rank, int maxDimension, LevelSet levelSet) {
        super(rank, maxDimension, levelSet);
    }

    /** 1-D signals of shape [n] (TopologyLayer's LevelSetLayer1D). */
    public static GridLevelSetLayer signal(int maxDimension, LevelSet levelSet) {
        return new GridLevelSetLayer(1, maxDimension, levelSet);
    }

    /** Images of shape [H, W] (TopologyLayer's LevelSetLayer2D). */
    public static GridLevelSetLayer image(int maxDimension, LevelSet levelSet) {
        return new GridLevelSetLayer(2, maxDimension, levelSet);
    }

    /** Volumes of shape [D, H, W] (Kuhn triangulation). */
    public static GridLevelSetLayer volume(int maxDimension, LevelSet levelSet) {
        return new GridLevelSetLayer(3, maxDimension, levelSet);
    }

    @Override
    protected PersistenceDiagrams compute(double[] input, int[] shape) {
        return LevelSetPersistence.compute(input, shape, maxDimension(), levelSet());
    }
}
