/**
 * Support code of the Java Jupyter notebooks in {@code notebooks/}: the kernel's start-up and the
 * helpers their cells share. Module topolayer-notebooks: depends on topolayer-spark-jobs (and
 * through it on every engine module and Spark) and on rapaio-jupyter-kernel 3.0.1, which the kernel
 * spec puts on the class path (scope provided).
 *
 * <p>Entry points: {@link KernelMain#main} (what {@code bin/topo-jupyter}'s kernel spec starts:
 * rapaio's kernel with two start-up races worked around and quieter logging) and {@link Notebook}
 * ({@code import static org.topolayer.notebooks.Notebook.*;} in a cell: the project's folders,
 * {@code show} for images and Markdown, {@code run} for a {@code bin/} command of the project).
 *
 * <p>Limits: {@link Notebook#root()} is the {@code topo.home} system property (the current folder
 * if unset); {@code run} prints only the last 15 lines of a command's output, all of it when the
 * command fails (which fails the cell). {@code show} needs a running kernel.
 *
 * <p>Thread safety: one kernel, one cell at a time; the helpers keep no state of their own.
 */
package org.topolayer.notebooks;
