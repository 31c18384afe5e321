package org.topolayer.layer;

import java.util.Arrays;
import org.topolayer.filtration.LevelSet;

/**
 * What the grid layers share: a fixed number of axes (any size along each) and a level-set
 * direction; the subclass says which complex the grid is read as.
 */
abstract class GridLayer extends PersistenceLayer {
    private final int rank;
    private final LevelSet levelSet;

    GridLayer(int rank, int maxDimension, LevelSet levelSet) {
        super(maxDimension);
        this.rank = rank;
        this.levelSet = levelSet;
    }

    /** Number of grid axes. */
    public int rank() {
        return rank;
    }

    public LevelSet levelSet() {
        return levelSet;
    }

    @Override
    protected void checkShape(int[] shape) {
        if (shape.length != rank) {
            throw new IllegalArgumentException("this layer takes " + rank + "-D grids, got shape "
                    + Arrays.toString(shape));
        }
    }
}
