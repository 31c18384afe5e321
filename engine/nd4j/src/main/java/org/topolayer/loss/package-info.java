/**
 * Topological losses and feature maps of one input, with the gradient with respect to that input:
 * {@link TopologicalLoss}, a weighted sum of diagram features over one or more persistence layers,
 * and {@link FeatureMap}, the vector of features of several layers' diagrams of affine images of
 * the input (the TopModel's sweeps, the Spark train job's regularizer) with its vector–Jacobian
 * product. Module topolayer-nd4j: depends on the
 * JDK, ND4J's API and topolayer-core only.
 *
 * <p>Entry point: {@link TopologicalLoss#of(org.topolayer.layer.PersistenceLayer,
 * org.topolayer.features.DiagramFeature)} for one term, or {@link TopologicalLoss#of(java.util.List)}
 * of {@link TopologicalLoss.Term}s (layer, {@code org.topolayer.features} feature, weight).
 * {@code evaluate} returns L and dL/d(input) on a row-major {@code double[]} or an INDArray (the
 * gradient keeps its shape and type); {@code evaluateBatch} gives per-sample losses of a batch in
 * parallel. L = Σ weight × (sum of the feature's entries); each distinct layer runs forward and
 * backward once per evaluation.
 *
 * <p>Limits: a term is refused if its feature reads a dimension above its layer's maxdim or its
 * weight is not finite; the input limits are the layers'. Thread safety: a loss is immutable and
 * thread-safe; batches use the layers' shared sample pool.
 */
package org.topolayer.loss;
