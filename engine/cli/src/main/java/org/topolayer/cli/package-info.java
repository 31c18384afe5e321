/**
 * The {@code topo} command line: diagrams, topological losses and figures of files, the speed
 * benchmarks, and the paper's applications, every failure reported in one line. Module
 * topolayer-cli: depends on topolayer-apps (and through it topolayer-nd4j and topolayer-core),
 * picocli and the ND4J CPU backend (nd4j-native); no other module may depend on it (the Spark jobs'
 * ModuleBoundariesTest forbids it there).
 *
 * <p>Entry points: {@link TopoCli#main} (what {@code bin/topo} runs, after building this module)
 * and {@link TopoCli#run(java.io.PrintWriter, java.io.PrintWriter, String...)} (the same with given
 * streams, returning the exit code; for tests and embedding). Commands: {@code diagram},
 * {@code loss}, {@code plot}, {@code bench}, and the applications {@code regress},
 * {@code pointcloud}, {@code denoise}, {@code generate} and {@code attack}, whose settings are
 * layered: built-in defaults (equal to {@code conf/<command>.properties}), {@code --config},
 * {@code --quick}, the command's options, then {@code --set KEY=VALUE}. The command classes are
 * package-private: the command line is the interface.
 *
 * <p>Limits and errors: exit code 0 on success; 2 for a bad command line or config key (naming the
 * option, with the closest valid one); 1 for everything else: bad input naming its file, a failed
 * write, an engine refusal, running out of memory (with a hint to raise the heap through
 * {@code TOPO_JAVA_OPTS}) or an internal error; {@code --debug} adds the stack trace.
 * {@code diagram}, {@code loss} and {@code plot} check the estimated memory against
 * {@code --memory-budget} (default auto: 80 % of the heap) before computing.
 *
 * <p>Thread safety: each call of {@code run} builds its own command objects; commands use the
 * engine's shared sample pool and may cap ND4J's native threads, which is process-wide.
 */
package org.topolayer.cli;
