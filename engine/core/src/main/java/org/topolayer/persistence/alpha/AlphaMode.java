package org.topolayer.persistence.alpha;

/** Which alpha filtration: weak (Delaunay simplices valued by their longest edge) or exact (by circumradius). */
public enum AlphaMode {
    WEAK, EXACT
}
