/**
 * Differentiable persistence layers (TopologyLayer's layers in Java): forward maps an input to its
 * persistence diagrams with their attribution, backward maps dL/d(diagram) to dL/d(input) of the
 * input's shape. Module topolayer-nd4j: depends on the JDK, ND4J's API (nd4j-api, no backend) and
 * topolayer-core only.
 *
 * <p>Entry points: {@link GridLevelSetLayer#signal}, {@link GridLevelSetLayer#image} and
 * {@link GridLevelSetLayer#volume} (level sets of grids, {@link LevelSet} sub- or superlevel),
 * {@link CubicalLayer} (cubical complexes of images and volumes, pixels as top cells),
 * {@link LevelSetLayer} (lower-star of a fixed complex, one value a vertex), {@link RipsLayer}
 * (points [n, d] or a distance matrix [n, n]) and {@link AlphaLayer} (points [n, 1] or [n, 2]),
 * all {@link PersistenceLayer}s. {@link PersistenceLayer#forward(double[], int[])} returns a
 * {@link DiagramTape} on primitive arrays (no ND4J on that path);
 * {@link PersistenceLayer#forward(org.nd4j.linalg.api.ndarray.INDArray)} returns a
 * {@link LayerOutput} of n×2 INDArrays; {@code forwardBatch}/{@code backwardBatch} run samples in
 * parallel ({@link BatchOutput}).
 *
 * <p>Limits: NaN and ±∞ entries are refused, and so is a shape the layer does not take (the
 * message names the shapes it takes); sizes are those of the core algorithms (Rips at most 65 535
 * points, alpha 1-D or 2-D, grids 1 to 3 axes). Where a value is not differentiable (tied or
 * zero-length edges, degenerate triangles) one subgradient is taken, fixed by the core's
 * tie-break.
 *
 * <p>Thread safety: layers hold no mutable state and tapes are immutable, so one layer serves many
 * threads. Batches share one process-wide daemon pool, {@link SampleParallel} (one worker per
 * core); results are bit-identical whatever the thread count.
 */
package org.topolayer.layer;
