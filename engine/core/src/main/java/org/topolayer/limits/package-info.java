/**
 * Memory budgets: estimate what a computation will need before it runs, and refuse it at once
 * with the estimate and a remedy rather than fail with an OutOfMemoryError minutes later. Module
 * topolayer-core: depends on the JDK only.
 *
 * <p>Entry points: {@link MemoryBudget#ofHeap()} (80 % of the JVM's maximum heap),
 * {@link MemoryBudget#ofHeap(long, int)} (a share of a heap used by several tasks, as on a Spark
 * executor) and {@link MemoryBudget#parse} (an option such as {@code 2g} or {@code auto}). Its
 * {@link MemoryBudget#require} throws {@link OverBudgetException}, an IllegalArgumentException with
 * a one-line message naming the options to change, when a {@link SizeEstimate} is over budget.
 * Estimates here: {@link ComplexSize} (a lower-star complex) and {@link LoadSize} (loading an input,
 * from its header or file length); the algorithms' own estimates live beside them
 * ({@code persistence.rips.RipsSize}, {@code persistence.alpha.AlphaSize},
 * {@code persistence.grid.GridSize}), and {@code compute.FiltrationSpec#estimate} picks the right one.
 *
 * <p>Limits: estimates are meant to be on the high side, not measurements. Combinatorial counts
 * are upper bounds (about 2× for Rips triangles of planar clouds, 1.5× for listed triangle meshes),
 * but a Rips estimate counts edges from 32 sampled points, so an unusual cloud can exceed it. Only
 * the estimated computation is checked; the 20 % left over is for what the program holds besides.
 *
 * <p>Thread safety: budgets and estimates are immutable values.
 */
package org.topolayer.limits;
