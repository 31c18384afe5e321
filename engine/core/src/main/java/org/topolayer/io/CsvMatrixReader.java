package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a text matrix: one row per line, values separated by commas or by whitespace (.csv, .tsv,
 * .txt alike). '#' starts a comment; lines that are only a comment are ignored. Blank lines may
 * come before or after the data but not between rows, since a gap usually means two matrices were
 * concatenated. Every value must be a finite decimal number and every row as long as the first; a
 * first row of names (a spreadsheet's header) is refused with the advice to remove it.
 */
public final class CsvMatrixReader {
    private CsvMatrixReader() {
    }

    /** The matrix as a rows × columns grid. */
    public static Grid read(Path file) throws IOException {
        String source = file.toString();
        double[] values = new double[64];
        int count = 0;
        int rows = 0;
        int width = -1;
        int firstLine = -1;
        int blankAfterData = -1;
        try (DelimitedLines lines = new DelimitedLines(file)) {
            String[] tokens;
            while ((tokens = lines.next()) != null) {
                int line = lines.lineNumber();
                if (tokens.length == 0) {
                    if (rows > 0 && blankAfterData < 0) {
                        blankAfterData = line;
                    }
                    continue;
                }
                if (blankAfterData >= 0) {
                    throw new BadInputException(source, "line " + line + ": data after the blank line " + blankAfterData
                            + " (blank lines are allowed only before or after the matrix)");
                }
                if (width < 0) {
                    refuseHeader(tokens, source, line);
                    width = tokens.length;
                    firstLine = line;
                } else if (tokens.length != width) {
                    throw new BadInputException(source, "ragged rows: line " + line + " has " + tokens.length
                            + " values but line " + firstLine + " has " + width);
                }
                if (count + width > values.length) {
                    values = Arrays.copyOf(values, Math.max(2 * values.length, count + width));
                }
                for (int c = 0; c < width; c++) {
                    values[count++] = NumberTokens.parseFinite(tokens[c], source, line, c + 1);
                }
                rows++;
            }
        }
        if (rows == 0) {
            throw new BadInputException(source, "no data (the file is empty or holds only comments)");
        }
        return Grid.owning(Arrays.copyOf(values, count), rows, width);
    }

    /** A first row whose every field starts with a letter is a header: say so instead of "not a number". */
    private static void refuseHeader(String[] tokens, String source, int line) throws BadInputException {
        for (String token : tokens) {
            if (token.isEmpty() || !Character.isLetter(token.charAt(0)) || NumberTokens.isSpecialValue(token)) {
                return;
            }
        }
        throw new BadInputException(source, "line " + line + " looks like a header row (" + String.join(", ", tokens)
                + "); remove it: the file must hold numbers only");
    }
}
