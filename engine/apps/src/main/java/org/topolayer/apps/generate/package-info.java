/**
 * The generative application ({@code topo generate}): a baseline GAN on Fashion-MNIST (or the
 * synthetic fallback), then the topological prior "one component" (superlevel E(1,0,2;PD0) of
 * each image) applied by fine-tuning the generator's weights or by optimizing latent codes, with
 * before/after sample metrics. Module topolayer-apps: depends on topolayer-core, topolayer-nd4j
 * ({@link org.topolayer.nn.MlpNetwork}, layers and losses), DL4J (the scoring classifier) and
 * XChart.
 *
 * <p>Entry points: {@link GenerateApp#run} with a {@link GenerateConfig} (the whole run into a
 * {@link org.topolayer.apps.RunOutput}); the reusable pieces {@link GanTrainer} (the paper's MLP
 * generator and a discriminator, Adam on the non-saturating GAN loss, with its two gradients as
 * pure static functions for distributed jobs), {@link ComponentPrior}, {@link LatentOptimizer},
 * {@link RealImages}, {@link ScorerCache} (trained scorer CNNs kept between runs) and
 * {@link SampleMetrics} (MMD with the median-heuristic Gaussian kernel,
 * coverage, inception-style score; not the paper's minimum-matching MMD and COV).
 *
 * <p>Limits: the paper's generator has 784 outputs, so images must be 28×28 (GanTrainer refuses
 * other sizes); generator outputs are tanh values in [-1, 1], read as (x + 1)/2 by the prior and
 * the metrics; MlpNetwork works in float32. Thread safety: {@code ComponentPrior} and
 * {@code RealImages} are immutable and may be shared; {@code GanTrainer} and the networks are not
 * thread-safe.
 */
package org.topolayer.apps.generate;
