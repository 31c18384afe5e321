package org.topolayer.cli;

/** The filtrations {@code topo diagram --filtration} offers (docs/design.md §2). */
enum FiltrationKind {
    LEVELSET, CUBICAL, RIPS, ALPHA, COMPLEX;

    /** The spelling on the command line and in outputs. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
