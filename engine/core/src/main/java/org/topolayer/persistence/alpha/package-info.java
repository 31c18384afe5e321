/**
 * Persistence of the weak and true alpha filtrations of 1-D or 2-D point clouds, by union-find
 * instead of matrix reduction. Module topolayer-core: depends on the JDK only.
 *
 * <p>Entry points: {@link AlphaPersistence#weak} (TopologyLayer's AlphaLayer: Delaunay simplices at
 * their longest edge length) and {@link AlphaPersistence#exact} (GUDHI's AlphaComplex: squared
 * radii of smallest empty circumcircles). Both triangulate ({@link org.topolayer.complex.Delaunay}),
 * then take H0 by Kruskal over the edges and H1 as H0 of the planar dual run backwards (Alexander
 * duality): O(n log n) after the triangulation. Values and attribution are those of
 * {@link org.topolayer.complex.AlphaValues}, so bars match a reduction of the explicit
 * {@link org.topolayer.complex.AlphaComplexes} filtration.
 *
 * <p>Limits: points with 1 or 2 finite coordinates (3-D and above are refused: use Rips); the
 * complex is planar, so there is no essential H1 and diagrams of dimension 2 and above are empty;
 * zero-length bars are dropped, as everywhere. {@code exact} reports squared radii, not radii.
 *
 * <p>Thread safety: static methods without shared state; diagrams are immutable.
 */
package org.topolayer.persistence.alpha;
