/**
 * Persistence diagrams: the result types every algorithm returns, and the general algorithms that
 * take any filtration. Module topolayer-core: depends on the JDK only. The fast algorithms for
 * point clouds and grids are the subpackages {@code rips}, {@code alpha}, {@code grid} and
 * {@code cubical}; {@code representatives} adds a representative cycle or cocycle to each bar of
 * computed diagrams (opt-in, on the explicit filtration).
 *
 * <p>Entry points: {@link SparseReduction#compute} (any {@link org.topolayer.filtration.Filtration};
 * sparse column reduction with twist and clearing, union-find for H0) and
 * {@link LowerStarPersistence#compute} (a {@link org.topolayer.complex.SimplicialComplex} with one
 * finite value per vertex, sublevel or superlevel). Both return {@link PersistenceDiagrams}, one
 * {@link Diagram} per dimension 0..maxdim: bars in reported units sorted by birth then death,
 * essential deaths at +∞ (−∞ for superlevel), and for each finite value the input entries it was
 * computed from, the attribution the differentiable layers follow. Zero-length bars are dropped.
 *
 * <p>Limits: Z/2 coefficients only; maxdim ≥ 0. SparseReduction keeps every reduced column, so its
 * memory grows with the number of simplices and their fill-in ({@code org.topolayer.limits}
 * estimates it before a run).
 *
 * <p>Not API: {@link DiagramCollector} and {@link ElderUnionFind} are public only because the
 * algorithm subpackages share them; a module rule ({@code ModuleBoundariesTest}) keeps every other
 * package off them.
 *
 * <p>Thread safety: diagrams are immutable; the static entry points keep no shared state and may be
 * called from many threads at once.
 */
package org.topolayer.persistence;
