/**
 * The attack job ({@code topo-submit attack}): distributed adversarial evaluation of the attack
 * application's classifiers, the same models and attacks as {@code topo attack}. Module
 * topolayer-spark-jobs: depends on Spark, topolayer-apps ({@code org.topolayer.apps.attack}, its
 * {@code Attack}, {@code TopModel}, {@code SavedClassifier}) and through it on ND4J and DL4J.
 *
 * <p>Entry points: {@link AttackJob}: the driver trains the chosen model on the samples with id
 * below {@code --train-samples} (a TopModel's features are computed on the executors, the driver
 * fits the small head), or reads a saved classifier file ({@code --classifier}), and broadcasts it;
 * each partition attacks the next {@code --eval-samples} ids at every ε with FGSM or PGD. Output:
 * Parquet of {@link AdversarialRecord} (clean and adversarial predictions, ε, L∞ and L2 norms, the
 * adversarial input, usable as the train job's input), with accuracy against ε in
 * {@code _summary.json}.
 *
 * <p>Limits: samples need a label in 0..classes-1 and must pass the jobs' sample checks and memory
 * budget; bad ones fail the job or go to {@code _rejected} ({@code --on-bad-sample}). A saved
 * classifier only takes samples of the shape and class count it was trained on.
 *
 * <p>Thread safety: DL4J and TopModel classifiers are not thread-safe, so each partition works on its
 * own copy, rebuilt once per partition from the broadcast classifier file.
 */
package org.topolayer.spark.attack;
