/**
 * Vietoris–Rips persistence at Ripser's speed; the entry point is {@link
 * org.topolayer.persistence.rips.RipsPersistence}.
 *
 * <p>How the pieces fit (Ripser's design, U. Bauer 2021, written anew):
 * <ul>
 *   <li>{@code DistanceTriangle} validates the input and flattens it to a lower triangle;
 *       {@code RankedDistances} replaces lengths by their ranks (ints that order as the lengths)
 *       and lists the edges in filtration order.</li>
 *   <li>Simplices are never objects: a simplex is its combinatorial-number-system index (a long,
 *       {@code Binomials}) and its diameter rank (an int); lists of them are {@code SimplexList}.</li>
 *   <li>{@code ComponentPass} does dimension 0 by union-find. For each higher dimension,
 *       {@code CoboundaryReducer} reduces coboundary columns in reverse filtration order
 *       (cohomology), {@code ColumnAssembler} lists the next dimension's columns minus the cleared
 *       ones, and {@code ApparentPairs} skips zero-persistence pairs known without reduction.</li>
 *   <li>Coboundaries are walked implicitly by a {@code CofacetEnumerator}: over all points
 *       ({@code DenseCofacetEnumerator}) or over intersected neighbour lists
 *       ({@code SparseCofacetEnumerator}, when the threshold keeps few pairs).</li>
 *   <li>{@code BarRecorder} turns pairs into bars with the longest-edge attribution.</li>
 * </ul>
 * Filtration order: diameter ascending, equal diameters by simplex index descending.
 */
package org.topolayer.persistence.rips;
