/**
 * Files in and out of the engine: numeric inputs and complexes read with one-line errors, and
 * diagrams, arrays and any other output written atomically. Module topolayer-core: depends on the
 * JDK only (PNG through {@code javax.imageio}).
 *
 * <p>Reading: {@link Inputs} is the entry point. Its {@code grid}, {@code points},
 * {@code distanceMatrix}, {@code complex} and {@code vertexValues} take a file name or a built-in
 * {@link Examples} input ({@code example:ring}, {@code example:circle}, {@code example:torus}) and
 * check the data's form for that role. The format follows the extension ({@link InputFormat}:
 * .csv/.tsv/.txt, .npy, .png, .pgm; a complex is an .off mesh or a text file with one simplex a
 * line). Every problem, a missing file included, is a {@link BadInputException} whose message is
 * one line naming the file; {@link Inputs#declaredShape} reads a binary header alone, so a size
 * limit can be checked before loading. Also {@link IdxReader} (MNIST files) and
 * {@link TsvDiagramReader}.
 *
 * <p>Writing: {@link AtomicFiles} (temporary file renamed over the target; failures are
 * {@link OutputException}), {@link ArrayWriter} (text or float64 .npy), {@link TsvDiagramWriter}
 * and {@link JsonDiagramWriter} (essential deaths as {@code inf}/{@code -inf}),
 * {@link ReproducibleZip} (byte-identical archives).
 *
 * <p>Limits: a {@link Grid} has 1 to 3 axes and fewer than 2³¹ finite values; .npy up to 3-D, float
 * and integer dtypes (64-bit integers above 2⁵³ rounded); colour PNGs become luminance; IDX
 * unsigned bytes only; plain OFF only; the first image of a PGM. Thread safety: readers are
 * stateless; {@code Grid} and {@code Simplices} are immutable.
 */
package org.topolayer.io;
