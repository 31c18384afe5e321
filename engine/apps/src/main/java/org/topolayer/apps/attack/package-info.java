/**
 * The adversarial-attack application ({@code topo attack}, and the pieces the Spark attack job
 * reuses): gradient attacks on pixel classifiers and on the paper's TopModel, which sees an image
 * only through differentiable persistence features. Module topolayer-apps: depends on
 * topolayer-core, topolayer-nd4j, DL4J (through {@code apps.classifier}) and XChart.
 *
 * <p>Entry points: {@link AttackExperiment#run} with an {@link AttackConfig} (the whole experiment:
 * train or load classifiers, attack, write metrics, results.csv and figures); {@link Attack#fgsm}
 * and {@link Attack#pgd} (L∞ or L2, untargeted or targeted, clamped to the pixel range; no random
 * start, so runs are deterministic); {@link TopFeatureMap} and {@link TopModel} (features from
 * directional sweeps and intensity level sets, then a standardized logistic or MLP head);
 * {@link SavedClassifier} (models saved as one versioned zip file, refused in one line naming the
 * file when truncated, corrupt or of the wrong shape or class count).
 *
 * <p>Limits: images are H×W with intensities in [0, 1], at least 2×2 for the feature map; a
 * saved classifier only accepts inputs of the shape and class count it was trained on.
 * Thread safety: {@code Attack} and {@code TopFeatureMap} are immutable (per-sample work may run on
 * any thread or Spark task); {@code TopModel} is not thread-safe when its head is not (DL4J heads
 * are not): one model per thread.
 */
package org.topolayer.apps.attack;
