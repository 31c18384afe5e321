/**
 * The paper's applications as library code, and the output folder every application run writes.
 * Module topolayer-apps: may depend on topolayer-core, topolayer-data, topolayer-nd4j, DL4J, XChart and picocli
 * (for {@code org.topolayer.config}); nothing here depends on the command line or on Spark, which
 * call in from modules topolayer-cli and topolayer-spark-jobs.
 *
 * <p>Entry point here: {@link RunOutput#open} (the requested folder, or
 * {@code results/<command>-<timestamp>} when none is given) collects named figures for
 * {@code metrics.json}, writes {@code config.json} with secrets masked, and names the figure files;
 * every file is written atomically. The JSON is core's {@link org.topolayer.io.Json}, also the
 * format of the Spark jobs' {@code _summary.json}.
 *
 * <p>The applications are the subpackages: {@code regularize} (weight regularization, point
 * clouds, denoising), {@code generate} (GAN with a topological prior), {@code attack} (adversarial
 * attacks on pixel classifiers and TopModels) and {@code classifier} (the DL4J classifier they
 * share).
 *
 * <p>Thread safety: a {@code RunOutput} collects metrics in an unsynchronised map; use it from one
 * thread.
 */
package org.topolayer.apps;
