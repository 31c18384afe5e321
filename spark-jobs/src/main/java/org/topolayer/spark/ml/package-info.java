/**
 * Spark ML transformers for pipelines: samples to persistence diagrams, and diagrams to feature
 * vectors for MLlib estimators. Module topolayer-spark-jobs; this package uses topolayer-core and
 * the persistence job's filtrations and features only, no ND4J, DL4J or applications (a
 * {@code ModuleBoundariesTest} rule).
 *
 * <p>Entry points: {@link PersistenceTransformer} (an {@code array<double>} or ML Vector column,
 * row-major in its {@code shape} param, to a diagrams column
 * {@code array<struct<dim:int,birth:double,death:double>>}; params filtration sublevel, superlevel, cubical, cubical-superlevel,
 * rips or weak alpha, maxDim, threshold) and {@link DiagramFeaturizer} (a diagrams column, from
 * that transformer or the persistence job's Parquet, to an ML Vector of features in the engine's
 * syntax, by default the 8 longest H0 and H1 bars). Both save and load with their params
 * ({@code load}, {@code read}); {@link ColumnTransformer} is their shared base.
 *
 * <p>Limits: schema problems (a missing column, a wrong input type, an existing output column) fail
 * in {@code transformSchema} with one message naming the transformer, the column and the fix. Row
 * values are not screened as the jobs screen samples: a null value, or one a filtration refuses
 * (wrong length for the shape, NaN or ±∞), fails the Spark task, and no memory budget is checked;
 * clean the data first, or use the persistence job with {@code --on-bad-sample reject}.
 *
 * <p>Thread safety: transformers are Spark ML params holders: configure them on the driver, then
 * transform; the UDFs they ship hold no mutable state.
 */
package org.topolayer.spark.ml;
