package org.topolayer.io;

import java.util.Locale;

/**
 * Parses text tokens into numbers with messages a user can act on: each error names the source
 * file and the place ("line 3, column 2"), so it is one complete line. The place is only built
 * when there is an error, which keeps large files fast.
 */
final class NumberTokens {
    private static final int SHOWN_TOKEN_LENGTH = 24;

    private NumberTokens() {
    }

    /** A finite decimal number: digits, sign, point and exponent only (no hex, no 'd'/'f' suffix). */
    static double parseFinite(String token, String source, int line, int column) throws BadInputException {
        double value = looksDecimal(token) ? parseOrNaN(token) : Double.NaN;
        if (Double.isFinite(value)) {
            return value;
        }
        String where = "line " + line + ", column " + column;
        if (token.isEmpty()) {
            throw new BadInputException(source, where + ": empty value");
        }
        String lower = token.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("nan")) {
            throw new BadInputException(source, where + ": NaN is not allowed (values must be finite)");
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            throw new BadInputException(source, where + ": " + shown(token) + " is infinite (values must be finite)");
        }
        if (Double.isInfinite(value)) {
            throw new BadInputException(source, where + ": " + shown(token) + " is too large for a double");
        }
        throw new BadInputException(source, where + ": " + shown(token) + " is not a number");
    }

    /** NaN or infinity spelled out, which {@link #parseFinite} reports as such rather than as text. */
    static boolean isSpecialValue(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.equals("nan") || lower.equals("inf") || lower.equals("infinity");
    }

    /** A vertex id: a non-negative decimal integer that fits an int. */
    static int parseVertexId(String token, String source, int line) throws BadInputException {
        boolean negative = token.startsWith("-");
        String digits = negative || token.startsWith("+") ? token.substring(1) : token;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadInputException(source, "line " + line + ": " + shown(token)
                    + " is not a vertex id (expected a non-negative integer)");
        }
        if (negative && !digits.chars().allMatch(c -> c == '0')) {
            throw new BadInputException(source, "line " + line + ": vertex id " + token + " is negative");
        }
        int id;
        try {
            id = Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            id = Integer.MAX_VALUE;
        }
        if (id == Integer.MAX_VALUE) { // the vertex count, id + 1, must fit an int too
            throw new BadInputException(source, "line " + line + ": vertex id " + token + " is too large");
        }
        return id;
    }

    /** The token in quotes, shortened and with control characters replaced so the message stays one line. */
    static String shown(String token) {
        String cut = token.length() > SHOWN_TOKEN_LENGTH ? token.substring(0, SHOWN_TOKEN_LENGTH) + "…" : token;
        StringBuilder sb = new StringBuilder("'");
        cut.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.append('\'').toString();
    }

    private static boolean looksDecimal(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    private static double parseOrNaN(String token) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
