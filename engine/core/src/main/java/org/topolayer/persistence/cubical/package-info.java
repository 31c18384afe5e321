/**
 * Persistence of cubical complexes whose top cells are an image's pixels or a volume's voxels
 * (GUDHI's {@code top_dimensional_cells}); the entry point is {@link
 * org.topolayer.persistence.cubical.CubicalPersistence}, its memory estimate {@link
 * org.topolayer.persistence.cubical.CubicalSize}. Module topolayer-core: depends on the JDK only.
 *
 * <p>How the pieces fit (no complex is ever built; all cells are index arithmetic):
 * <ul>
 *   <li>{@code CubicalGrid} squeezes axes of length 1 out of the shape and indexes the cells of a
 *       volume on the doubled grid (GUDHI's bitmap layout).</li>
 *   <li>{@code TopCellLinks}: each top cell's earlier neighbours and border faces as one bit mask,
 *       found once in memory order for the two sweeps below.</li>
 *   <li>{@code CornerComponents}: H0, union-find over top cells that share a corner, elder rule.</li>
 *   <li>{@code DualComponents}: the top dimension (H1 of an image, H2 of a volume) by Alexander
 *       duality, union-find over the complement (face-adjacent top cells and the outside) in
 *       reverse order.</li>
 *   <li>{@code EdgeCohomology}: H1 of a volume, persistent cohomology of the implicit edge
 *       coboundaries with clearing (the edges that join components, from a union-find over the
 *       complex's vertices, are skipped).</li>
 * </ul>
 * Cell order: by the rank of the lowest top cell containing the cell (top cells by value, then
 * index), then dimension, then doubled-grid index; every pass walks cells in this one order (the
 * union-find that finds the cleared edges and the reduction must agree on it).
 */
package org.topolayer.persistence.cubical;
