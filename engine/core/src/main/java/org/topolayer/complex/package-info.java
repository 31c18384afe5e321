/**
 * Simplicial complexes and explicit filtrations built from data: grids, point clouds, listed
 * simplices and Delaunay triangulations. Module topolayer-core: depends on the JDK only.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link SimplicialComplex#builder()}: any complex from a list of simplices; faces are added
 *       and duplicates merged, so listing the maximal simplices is enough. At most
 *       {@link SimplicialComplex.Builder#MAX_VERTICES_PER_SIMPLEX} (16) vertices a simplex;
 *       negative or repeated vertex ids are refused.</li>
 *   <li>{@link GridComplex#freudenthal}: the Freudenthal (Kuhn) triangulation of a 1-, 2- or 3-D
 *       row-major grid (TopologyLayer's init_freudenthal_2d in 2-D).</li>
 *   <li>{@link RipsComplex#filtration}: the explicit Rips filtration. Every simplex is materialised
 *       (C(n, k+1) of them) and the input is not validated: it is the test oracle and for small
 *       inputs; persistence uses {@code org.topolayer.persistence.rips}.</li>
 *   <li>{@link Delaunay#of(double[][])} and {@link AlphaComplexes}: the weak and true alpha
 *       filtrations of 1-D or 2-D points, valued by {@link AlphaValues}. Exact predicates;
 *       collinear points give a path, duplicate points an extra edge at 0.</li>
 *   <li>{@link EuclideanDistance}: the one distance all Rips code calls, so equal inputs give
 *       bit-identical values.</li>
 * </ul>
 * Limits: {@link PlanarPoints} refuses points of 3 or more coordinates (use Rips), ragged rows,
 * NaN and infinities; a triangle too thin for double precision gets an infinite circumradius, and
 * coordinates beyond about 1e150 overflow the squared values.
 *
 * <p>Thread safety: built complexes, triangulations and values are immutable and may be shared;
 * builders are for one thread.
 */
package org.topolayer.complex;
