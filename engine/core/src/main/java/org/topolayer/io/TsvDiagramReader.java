package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the TSV diagram format that {@link TsvDiagramWriter} writes ({@code topo diagram --format
 * tsv}): one bar per line, {@code dim birth death}, tab-, space- or comma-separated; deaths
 * {@code inf} / {@code -inf} (also {@code +inf}, {@code infinity}) for essential bars; '#' starts
 * a comment. Any order is accepted. Each error names the file and the line.
 */
public final class TsvDiagramReader {
    /** One bar of a diagram file. */
    public record Bar(int dimension, double birth, double death) {}

    private TsvDiagramReader() {
    }

    public static List<Bar> read(Path file) throws IOException {
        String source = file.toString();
        List<Bar> bars = new ArrayList<>();
        try (DelimitedLines lines = new DelimitedLines(file)) {
            String[] tokens;
            while ((tokens = lines.next()) != null) {
                if (tokens.length == 0) {
                    continue;
                }
                int line = lines.lineNumber();
                if (tokens.length != 3 && tokens.length != 4) { // a 4th: the representative (--representatives)
                    throw new BadInputException(source, "line " + line + ": expected 3 fields, dim birth death"
                            + " (and a representative), got "
                            + tokens.length + " (a diagram as written by 'topo diagram --format tsv')");
                }
                int dim = NumberTokens.parseVertexId(tokens[0], source, line);
                double birth = NumberTokens.parseFinite(tokens[1], source, line, 2);
                double death = infinity(tokens[2]);
                if (Double.isNaN(death)) {
                    death = NumberTokens.parseFinite(tokens[2], source, line, 3);
                }
                bars.add(new Bar(dim, birth, death));
            }
        }
        return bars;
    }

    /** ±∞ for the spellings of an essential death, NaN for anything else. */
    private static double infinity(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }
}
