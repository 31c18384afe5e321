package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a simplicial complex file: one simplex per line, its vertex ids (non-negative integers)
 * separated by whitespace (commas are accepted too). Listing only the maximal simplices is
 * enough. Blank lines and '#' comments are ignored.
 */
public final class ComplexReader {
    private ComplexReader() {
    }

    public static Simplices read(Path file) throws IOException {
        String source = file.toString();
        List<int[]> simplices = new ArrayList<>();
        int[] lines = new int[64];
        try (DelimitedLines in = new DelimitedLines(file)) {
            String[] tokens;
            while ((tokens = in.next()) != null) {
                if (tokens.length == 0) {
                    continue;
                }
                int line = in.lineNumber();
                int[] simplex = new int[tokens.length];
                for (int k = 0; k < tokens.length; k++) {
                    simplex[k] = NumberTokens.parseVertexId(tokens[k], source, line);
                }
                requireDistinct(simplex, source, line);
                if (simplices.size() == lines.length) {
                    lines = Arrays.copyOf(lines, 2 * lines.length);
                }
                lines[simplices.size()] = line;
                simplices.add(simplex);
            }
        }
        if (simplices.isEmpty()) {
            throw new BadInputException(source, "no simplices (the file is empty or holds only comments)");
        }
        return new Simplices(source, simplices.toArray(new int[0][]), Arrays.copyOf(lines, simplices.size()));
    }

    static void requireDistinct(int[] simplex, String source, int line) throws BadInputException {
        int[] sorted = simplex.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                throw new BadInputException(source, "line " + line + ": vertex " + sorted[k] + " appears twice in one simplex");
            }
        }
    }
}
