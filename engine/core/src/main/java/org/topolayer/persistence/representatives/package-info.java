/**
 * Representative cycles and cocycles of persistence bars ({@code topo diagram --representatives}).
 * The entry point is {@link org.topolayer.persistence.representatives.Representatives#of}: given
 * diagrams computed by any engine and the explicit {@link org.topolayer.filtration.Filtration} they
 * are the diagrams of, it reduces the filtration's boundary (cycles) or coboundary (cocycles, as
 * Ripser) matrix keeping the reduction matrix, and returns one {@link
 * org.topolayer.persistence.representatives.Chain} per bar in the diagrams' order
 * ({@link org.topolayer.persistence.representatives.RepresentedDiagrams}).
 *
 * <p>Package-private pass: {@code ChainReduction} (R = D·V with clearing, over Z/p, its working
 * columns {@link org.topolayer.persistence.SparseChain}s as {@code SparseReduction}'s). The engines' fast paths are not touched: this is an
 * opt-in slow path, limited to {@value org.topolayer.persistence.representatives.Representatives#MAX_SIMPLICES}
 * simplices. Which filtration gets which kind, and how its explicit complex is built, is chosen by
 * {@code org.topolayer.compute.FiltrationSpec}.
 *
 * <p>Thread safety: results are immutable; the entry point keeps no shared state.
 */
package org.topolayer.persistence.representatives;
