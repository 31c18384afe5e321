/**
 * Labelled image data sets for the applications and the Spark jobs. Module topolayer-data, which
 * depends on topolayer-core only ({@link org.topolayer.io.IdxReader}): the persistence job reads its
 * images without the applications' ND4J and DL4J.
 *
 * <p>Entry point: {@link FashionMnist#loadOrSynthetic}: Fashion-MNIST from the gzip IDX files
 * under {@value FashionMnist#DEBIAN_DIR} (Debian's {@code dataset-fashion-mnist} package) or a
 * given folder, else {@link SyntheticImages} (ten classes of 28×28 shapes with known numbers of
 * components and holes, reproducible from a seed). Both give {@link ImageDataset}s: row-major
 * images scaled to [0, 1], labels, class names, and a {@code source} that every output reports.
 *
 * <p>Limits: only the first {@code maxTrain}/{@code maxTest} images are read; labels beyond the
 * ten classes and image/label count mismatches are refused naming the file. Thread safety: an
 * {@code ImageDataset} is a record over arrays that are shared, not copied: treat them as
 * read-only.
 */
package org.topolayer.data;
