/**
 * The train job ({@code topo-submit train}): synchronous data-parallel training of a network with a
 * topological term, reproducible to the bit and resumable. Module topolayer-spark-jobs: depends on
 * Spark, topolayer-nd4j ({@link org.topolayer.nn.MlpNetwork}, Adam, layers) and topolayer-apps
 * (the generative application's GAN and prior).
 *
 * <p>Entry points: {@link TrainJob} with {@code --workload autoencoder} (reconstructions in [0, 1]
 * with a regularizer of sublevel and superlevel diagram features; the input may be the attack
 * job's output, for adversarial training) or {@code --workload generator} (the GAN generator with
 * the "one component" prior, the discriminator stepped on the driver as {@code topo generate}
 * does). Each step the driver broadcasts the parameters, partitions sum their samples' gradients
 * as {@link ExactSum}s (fixed point, so the sum does not depend on task order), and the driver
 * applies Adam. {@link Checkpoints} writes {@code step-<N>.ckpt} files (parameters and Adam state,
 * CRC-checked) every N steps; a rerun resumes from the latest valid one with the result of an
 * uninterrupted run.
 *
 * <p>Limits: autoencoder samples must all have the first sample's size, and the generator's real
 * images must be 28×28 (the paper's generator). An unreadable sample fails the job in one line;
 * there is no {@code --on-bad-sample} nor NaN/±∞ screening here, so clean inputs first. Gradients
 * are summed in multiples of 2⁻³⁰, and a sum that is not finite or beyond about ±4.3e9 stops the
 * job as a diverging step; mini-batches draw from at most 2³¹ samples; networks compute in float32
 * from a double-precision master copy.
 *
 * <p>Thread safety: the trained networks and Adam live on the driver; executors keep one network
 * per shape and task thread, since SameDiff graphs are not thread-safe.
 */
package org.topolayer.spark.train;
