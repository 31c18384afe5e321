/**
 * The paper's regularization experiments: topological penalties on regression weights
 * ({@code topo regress}, §5.1, Figures 8–9), point clouds moved by a topological loss
 * ({@code topo pointcloud}, Figure 1) and topological image denoising ({@code topo denoise}).
 * Module topolayer-apps: depends on topolayer-core, topolayer-nd4j (layers, losses, Adam) and
 * XChart.
 *
 * <p>Entry points: {@link RegressionExperiment#run} (every {@link Problem} × sample size × trial,
 * each {@link Penalty} from {@link Penalties#byName} fitted by {@link PenalizedFit} with λ chosen
 * by {@link CrossValidation}; {@link RegressionReport} writes the results),
 * {@link PointCloudExperiment#run} (weak-alpha losses on points kept in the unit square) and
 * {@link DenoiseExperiment#run} (superlevel prior of c components and h holes on an image).
 *
 * <p>Limits: {@link LeastSquares} solves dense normal equations, meant for n and p in the
 * hundreds and assuming a full-rank design; the topological penalties are non-convex and depend
 * on the fit's starting point ({@code topo regress} starts from a small-ridge fit by default).
 * Thread safety: penalties are immutable and thread-safe; RegressionExperiment runs its cells on
 * its own pool, each drawing from its own seed, so results do not depend on the thread count.
 */
package org.topolayer.apps.regularize;
