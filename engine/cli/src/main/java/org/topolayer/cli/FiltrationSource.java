package org.topolayer.cli;

import picocli.CommandLine.Option;

/**
 * The two options every diagram computation starts from: which filtration, of which input. An
 * argument group rather than part of {@link FiltrationOptions}, so that {@code topo plot} can
 * offer it as the alternative to a diagram file; the other commands require it.
 */
final class FiltrationSource {
    @Option(names = "--filtration", required = true, paramLabel = "levelset|cubical|rips|alpha|complex", order = -3,
            description = "levelset: sublevel sets of a signal, image or volume (Freudenthal triangulation);"
                    + " cubical: the same with pixels or voxels as the cubes of a cubical complex (as GUDHI's"
                    + " top_dimensional_cells; pixels sharing a corner are connected);"
                    + " rips: Vietoris-Rips; alpha: Delaunay-based; complex: lower-star filtration of your complex.")
    FiltrationKind filtration;

    @Option(names = "--input", required = true, paramLabel = "FILE", order = -2,
            description = "The image, points or complex (see Inputs below), or example:NAME.")
    String input;
}
