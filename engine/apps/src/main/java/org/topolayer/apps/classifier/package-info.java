/**
 * The softmax classifier the applications train, attack and score with, on DL4J. Module
 * topolayer-apps: depends on DL4J (deeplearning4j-nn), ND4J and topolayer-nd4j
 * ({@link org.topolayer.nn.DifferentiableClassifier}); the ND4J backend (nd4j-native) comes from
 * the application that runs it.
 *
 * <p>Entry point: {@link NetworkClassifier}: {@link NetworkClassifier#logistic},
 * {@link NetworkClassifier#mlp} and {@link NetworkClassifier#cnn} (a CNN of two convolutions on
 * height × width images, its widths and dropout a {@link NetworkClassifier.CnnShape}) build a seeded
 * network; {@code fit} trains it, {@code probabilities} and {@code accuracy}
 * use it, {@code lossGradient} gives d(-log p(label|x))/dx for attacks, and
 * {@code toBytes}/{@link NetworkClassifier#fromBytes}/{@link NetworkClassifier#load} save and
 * restore it.
 *
 * <p>Limits: inputs are rows of doubles (images flattened row-major, on the scale the network was
 * trained on); no batch normalisation, and dropout only in a CNN whose shape asks for it (the
 * generator's scorer; not the attacks' {@code pixel-cnn}), so otherwise training and inference
 * compute the same function. Thread safety: not thread-safe (DL4J networks are not); one instance per thread.
 */
package org.topolayer.apps.classifier;
