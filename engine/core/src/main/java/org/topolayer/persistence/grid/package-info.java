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
 * dimension 2 and above empty. Volumes (three axes of length ≥ 2, up to
 * {@value FreudenthalVolumePersistence#MAX_VOXELS} voxels) go to {@link FreudenthalVolumePersistence}:
 * no complex built either, H0 by union-find over the Kuhn triangulation's 14-neighbour edges, H2 by
 * duality over its tetrahedra, H1 by reducing implicit triangle boundaries cleared by that duality
 * pass; diagrams and attribution equal the general path's, ties included. Only larger volumes build
 * the Kuhn complex for {@code SparseReduction} ({@link GridSize} estimates either).
 *
 * <p>Thread safety: {@code LevelSetPersistence} may be called from any thread (one image workspace
 * per thread, kept between calls); a {@code FreudenthalGridPersistence} or {@code FreudenthalVolumePersistence}
 * instance reuses its buffers and belongs to one thread. Diagrams are immutable.
 */
package org.topolayer.persistence.grid;
