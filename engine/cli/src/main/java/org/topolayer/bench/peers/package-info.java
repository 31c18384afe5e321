/**
 * The Java side of the side-by-side benchmark against GUDHI ({@code bin/topo-peers}): times this
 * engine on the cases of a manifest, checks that both libraries' diagrams agree, and writes the
 * comparison table and scaling plot. Module topolayer-cli: depends on topolayer-core and on
 * {@code org.topolayer.plot} (topolayer-apps) for the plot.
 *
 * <p>Entry points: {@link PeerBench#main} ({@code run --output DIR [--budget S]} times every
 * {@link PeerCase} of {@code DIR/cases.tsv}, written by {@code bench/peers/gudhi_bench.py};
 * {@code report --output DIR} compares with {@code DIR/gudhi/}) and {@link DiagramAgreement}
 * (diagrams agree when the finite bars are within a bottleneck distance of 1e-6 × their scale and
 * the essential bars match).
 *
 * <p>Limits: grids are square images or cubic volumes (the report prints their side); the exact bottleneck distance is only
 * computed up to 1500 bars a side, above which the upper bound from a sorted matching is reported;
 * zero-length bars are ignored on both sides. Memory figures are the computing thread's
 * allocations during the cold run, an upper bound of the peak heap.
 *
 * <p>Thread safety: a single-threaded command-line tool; {@code bin/topo-peers} runs it with the
 * serial collector.
 */
package org.topolayer.bench.peers;
