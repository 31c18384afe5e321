/**
 * What to compute: {@link FiltrationSpec}, one specification of a filtration (level sets of a grid,
 * Vietoris–Rips or alpha of points, lower star of a complex; maxdim; Rips threshold; sublevel or
 * superlevel; weak or exact alpha), which picks the engine's algorithm and its memory estimate.
 * The command line, the Spark persistence job and transformer, the layers
 * ({@code org.topolayer.layer.Layers}) and the peer benchmark dispatch through it, so a filtration
 * means the same everywhere. Module topolayer-core: depends on the JDK only.
 *
 * <p>Entry points: {@link FiltrationSpec#levelSet}, {@link FiltrationSpec#rips},
 * {@link FiltrationSpec#alpha}, {@link FiltrationSpec#lowerStar}, and {@link FiltrationSpec#named}
 * for the names options and columns use; then {@code compute…} and {@code estimate…} for the input
 * at hand.
 *
 * <p>Limits: those of the algorithms (see their packages); a spec refuses an input its kind does not
 * take with an IllegalArgumentException naming both.
 *
 * <p>Thread safety: specs are immutable (and Serializable, for Spark closures).
 */
package org.topolayer.compute;
