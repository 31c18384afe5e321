package org.topolayer.util;

import java.util.Collection;
import java.util.Locale;

/**
 * The valid name nearest to a mistyped one, for "did you mean ...?" hints: the fewest single-letter
 * insertions, deletions, substitutions or swaps of neighbours (optimal string alignment distance),
 * ignoring case. Names further away than a typo (about one edit in four letters) get no suggestion.
 */
public final class ClosestName {
    private ClosestName() {
    }

    /** The closest valid name, or null when none is within typo distance (ties: the first listed). */
    public static String among(String typed, Collection<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        for (String name : valid) {
            int d = distance(lowerTyped, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= tolerance(typed) ? best : null;
    }

    /** "did you mean 'x'?" when a name is close, else "valid NOUN: a, b, c". */
    public static String hint(String typed, Collection<String> valid, String noun) {
        String closest = among(typed, valid);
        return closest != null ? "did you mean '" + closest + "'?" : "valid " + noun + ": " + String.join(", ", valid);
    }

    /** Edits a typo may plausibly hold: 1 for short names, up to 3 for long ones. */
    private static int tolerance(String typed) {
        return Math.max(1, Math.min(3, typed.length() / 4));
    }

    /** Optimal string alignment distance: Levenshtein plus transpositions of adjacent letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
