/**
 * Training tools for topological losses on ND4J: the optimizer, a dense network with an external
 * backward pass, and the bridge that trains any SameDiff graph with a loss computed outside it.
 * Module topolayer-nd4j: depends on the JDK, ND4J's API (no backend, no DL4J) and topolayer-core
 * only.
 *
 * <p>Entry points: {@link AdamOptimizer#standard} (Adam on one flat parameter vector; the state can
 * be exported and {@link AdamOptimizer#resume}d), {@link MlpNetwork} (dense LeakyReLU(0.2) network,
 * {@link MlpNetwork#paperGenerator} and {@link MlpNetwork#discriminator} of the paper's GAN; its
 * {@link MlpNetwork#backward} takes dL/d(output) from any outside loss), {@link TopologicalTrainer}
 * (trains a SameDiff graph on a {@link org.topolayer.loss.TopologicalLoss} through the surrogate
 * Σ h·dL/dh with ND4J's updaters; {@code step} returns the true loss, not the surrogate),
 * {@link Standardizer}, the {@link DifferentiableClassifier} interface that attacks and scores
 * need, and {@link Nd4jThreads#limit} (caps ND4J's native threads, process-wide).
 *
 * <p>Limits: MlpNetwork computes and stores its parameters in float32, whatever the input's type
 * (Adam's moments stay in double). Thread safety: {@code AdamOptimizer}, {@code MlpNetwork} and
 * {@code TopologicalTrainer} are not thread-safe (SameDiff is not): one instance per thread;
 * {@code Standardizer} is immutable.
 */
package org.topolayer.nn;
