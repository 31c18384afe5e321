package org.topolayer.util;

/** Compares two int keys (usually indices into primitive arrays) without boxing. */
@FunctionalInterface
public interface IntComparator {
    int compare(int a, int b);
}
