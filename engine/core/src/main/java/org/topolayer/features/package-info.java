/**
 * Differentiable features of one persistence diagram, and distances between diagrams, on plain
 * arrays of births and deaths. Module topolayer-core: depends on the JDK only; the layers and
 * {@code org.topolayer.loss} (module topolayer-nd4j) apply these features to tensors.
 *
 * <p>Entry points: the {@link DiagramFeature} interface (value and vector–Jacobian product for the
 * diagram of one dimension). TopologyLayer's features {@link SumBarcodeLengths},
 * {@link TopKBarcodeLengths}, {@link PartialSumBarcodeLengths} and {@link BarcodePolyFeature} are
 * cases of the paper's {@link BarcodeEnergy} E(p, q, i₀); besides them {@link TotalPersistence},
 * {@link PersistenceEntropy}, {@link BettiCurve}, {@link PersistenceLandscape},
 * {@link PersistenceImage} and {@link WassersteinLoss} (distance to a fixed target).
 * {@link FeatureVector} concatenates features over the dimensions of a set of diagrams (with
 * the vector–Jacobian product back to the bars): the persistence job's feature column and the
 * layers' feature maps use it.
 * {@link FeatureSpec#parse} turns the {@code topo loss --feature} text (also the Spark jobs'
 * syntax) into a feature and weight. {@link DiagramDistance} gives bottleneck and Wasserstein-p
 * distances (L∞ ground metric, as GUDHI and Hera).
 *
 * <p>Limits: births must be finite, deaths finite or ±∞, NaN refused; essential bars are left out
 * of every feature but {@code BettiCurve}. E(p, q) with p &lt; 1 on a zero-length bar, or a negative
 * midpoint with non-integer q, gives NaN or infinite values. The exact Betti curve has zero
 * gradient almost everywhere (give it a smoothing). Matching is exact: O((n + m)³) time and
 * O((n + m)²) memory, fine up to a few thousand bars.
 *
 * <p>Thread safety: features are immutable and thread-safe; gradients are added into the caller's
 * arrays.
 */
package org.topolayer.features;
