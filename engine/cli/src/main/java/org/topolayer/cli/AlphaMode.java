package org.topolayer.cli;

/** Which alpha filtration: weak (Delaunay simplices valued by longest edge) or exact (circumradius). */
enum AlphaMode {
    WEAK, EXACT
}
