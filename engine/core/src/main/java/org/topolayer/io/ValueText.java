package org.topolayer.io;

/** How the diagram writers spell a birth or death value. */
final class ValueText {
    private ValueText() {
    }

    /** {@code Double.toString} in full precision, "inf"/"-inf" for infinities, and no negative zero. */
    static String of(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value + 0.0); // -0.0 + 0.0 is 0.0
    }
}
