package org.topolayer.cli;

/**
 * A checked {@code topo diagram} request. {@code input} and {@code values} are file names or
 * {@code example:NAME}; {@code values} is null unless the filtration is {@code complex}, and for
 * an example complex it may be the example itself. {@code threshold} is +∞ when not given.
 */
record DiagramRequest(FiltrationKind filtration, String input, String values, int maxDimension,
                      boolean superlevel, double threshold, AlphaMode alphaMode, boolean distanceMatrix) {
}
