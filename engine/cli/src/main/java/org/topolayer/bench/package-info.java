/**
 * The speed benchmarks behind {@code topo bench} and the README's benchmark table. Module
 * topolayer-cli: depends on topolayer-core, topolayer-nd4j and topolayer-apps (the layer and GAN
 * suites); the side-by-side comparison with GUDHI is the subpackage {@code peers}.
 *
 * <p>Entry points: {@link Benchmarks#run} with a {@link Benchmarks.Suite} (level sets, Rips,
 * alpha, layers, GAN, or all), each case printed as a Markdown table row with its target;
 * {@link BenchHarness#measure} times one case: median over repetitions after warm-up, and the
 * peak heap during the timed runs.
 *
 * <p>Limits: times are the calling thread's CPU time, not wall time (except the layer suite's
 * parallel batch, timed in wall time, and the GAN suite, timed by the process's CPU time), so load
 * from other processes matters less but still shows. The peak heap includes garbage not yet
 * collected: an upper bound. The Rips suite needs Ripser's benchmark clouds ({@code --data DIR} or
 * {@code $TOPO_BENCH_DATA}); o3_4096 runs only with {@code --rips-large}.
 *
 * <p>Thread safety: {@code measure} resets the JVM's heap-pool peaks, which are process-wide: run
 * one case at a time, on an otherwise idle machine for numbers worth quoting.
 */
package org.topolayer.bench;
