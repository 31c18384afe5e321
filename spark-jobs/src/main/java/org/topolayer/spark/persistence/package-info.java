/**
 * The persistence job ({@code topo-submit persistence}): large-dataset preprocessing that computes,
 * per sample, the diagrams of each requested filtration and a feature vector, written atomically
 * as Parquet. Module topolayer-spark-jobs; this package uses topolayer-core only, no ND4J, DL4J or
 * applications (a {@code ModuleBoundariesTest} rule), so its tasks start no native library.
 *
 * <p>Entry points: {@link PersistenceJob} (the job's options: {@code --filtration} sublevel,
 * superlevel, cubical, cubical-superlevel, rips, alpha; {@code --maxdim}; {@code --threshold}; {@code --coeff} (Rips
 * over Z/p); {@code --feature} in the
 * {@code topo loss} syntax); {@link PersistenceOutput} (the output schema: id, label, one
 * {@code diagrams_<filtration>} column of {@code array<struct<dim,birth,death>>} each, features);
 * {@link SampleFeaturizer} (the per-sample work: each filtration a core
 * {@code compute.FiltrationSpec}, the features a core {@code features.FeatureVector}) and
 * {@link ShippedFeatures} (feature specs as closures ship them), which the {@code ml} transformers reuse.
 *
 * <p>Limits: level sets and cubical complexes read a sample as a grid of its shape (1 to 3 axes); Rips and alpha read it
 * as shape[0] points of shape[1] coordinates, alpha being the weak alpha filtration of 1-D or 2-D
 * points. Each sample's memory is estimated and checked against {@code --memory-budget} before it
 * is computed; a sample a filtration refuses or over budget is a bad sample
 * ({@code --on-bad-sample}: the job fails naming it, or it goes to {@code _rejected}).
 *
 * <p>Thread safety: {@code SampleFeaturizer} and {@code ShippedFeatures} are serializable and hold
 * no state shared between samples; the parsed features are rebuilt once per deserialised copy.
 */
package org.topolayer.spark.persistence;
