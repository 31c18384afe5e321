/**
 * Level-set (lower-star) persistence of signals, images and volumes on the Freudenthal
 * triangulation. Module topolayer-core: depends on the JDK only.
 *
 * <p>Entry point: {@link LevelSetPersistence#compute}(values in row-major order, a shape of 1 to 3
 * axes, maxdim, superlevel). Values must be finite and as many as the shape holds; otherwise one
 * IllegalArgumentException says what is wrong. Each finite birth and death is attributed to one
 * grid point (vertex value model), ties broken by linear index.
 *
 * <p>Grids with at most two axes longer than 1 and at most
 * {@value FreudenthalGridPersistence#MAX_PIXELS} points go to {@link FreudenthalGridPersistence}:
 * no complex is built, H0 by union-find, H1 by Alexander duality on the dual graph, diagrams of
 * dimension 2 and above empty. True 3-D volumes with maxdim 0 go to {@link VolumeComponents}
 * (H0 by union-find over the Kuhn triangulation's 14-neighbour edges, no complex built); with
 * maxdim ≥ 1 they build the Kuhn complex up to maxdim + 1 and use {@code SparseReduction}, which
 * takes far more memory per voxel ({@link GridSize} estimates it).
 *
 * <p>Thread safety: {@code LevelSetPersistence} may be called from any thread (one image workspace
 * per thread, kept between calls); a {@code FreudenthalGridPersistence} or {@code VolumeComponents}
 * instance reuses its buffers and belongs to one thread. Diagrams are immutable.
 */
package org.topolayer.persistence.grid;
