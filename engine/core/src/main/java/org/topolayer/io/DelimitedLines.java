package org.topolayer.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads a text file as lines of tokens: '#' starts a comment that runs to the end of the line;
 * a line holding a comma is split at commas (tokens trimmed, so empty fields stay visible as
 * empty tokens), any other line at runs of whitespace. Files saved by spreadsheets read alike: a
 * UTF-8 byte-order mark is skipped and CRLF line ends are line ends.
 */
final class DelimitedLines implements Closeable {
    private static final String[] BLANK = new String[0];
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final BufferedReader reader;
    private int lineNumber;

    DelimitedLines(Path file) throws IOException {
        // InputStreamReader replaces undecodable bytes, so a binary file fails as "not a number", not as a charset error
        this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    /**
     * The tokens of the next line that is not only a comment, or null at the end of the file. A
     * blank line gives an empty array.
     */
    String[] next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) { // byte-order mark (spreadsheets write it)
                line = line.substring(1);
            }
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!content.isEmpty()) {
                return content.indexOf(',') >= 0 ? splitAtCommas(content) : WHITESPACE.split(content);
            }
            if (hash < 0) {
                return BLANK;
            }
        }
        return null;
    }

    /** 1-based number of the line last returned by {@link #next}. */
    int lineNumber() {
        return lineNumber;
    }

    private static String[] splitAtCommas(String content) {
        String[] tokens = content.split(",", -1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokens[i].strip();
        }
        return tokens;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
