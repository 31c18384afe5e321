package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvMatrixReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private BadInputException error(String text) throws IOException {
        Path f = file("m.csv", text);
        BadInputException e = assertThrows(BadInputException.class, () -> CsvMatrixReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void readsCommaSeparatedRows() throws IOException {
        Grid g = CsvMatrixReader.read(file("m.csv", "1,2,3\n4, 5 ,6.5\n"));
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6.5}, g.values());
    }

    @Test
    void readsWhatASpreadsheetSaves() throws IOException {
        // a UTF-8 byte-order mark, CRLF line ends and a trailing empty line
        Grid g = CsvMatrixReader.read(file("excel.csv", "\uFEFF1,2\r\n3,4.5\r\n\r\n"));
        assertArrayEquals(new int[] {2, 2}, g.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4.5}, g.values());
    }

    @Test
    void aHeaderRowIsRefusedWithTheAdviceToRemoveIt() throws IOException {
        assertTrue(error("\uFEFFx,y\r\n1,2\r\n").getMessage().endsWith(
                "line 1 looks like a header row (x, y); remove it: the file must hold numbers only"));
        // NaN spelled out and a stray word among numbers keep their own messages
        assertTrue(error("nan,1\n").getMessage().contains("NaN is not allowed"));
        assertTrue(error("x,1\n").getMessage().endsWith("line 1, column 1: 'x' is not a number"));
    }

    @Test
    void readsWhitespaceSeparatedRowsWithCommentsAndBlankEdges() throws IOException {
        String text = "\n# an image\n1 2\t3   # trailing comment\n-4e-1 +5 .5\n   # only a comment\n\n\n";
        Grid g = CsvMatrixReader.read(file("m.txt", text));
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertArrayEquals(new double[] {1, 2, 3, -0.4, 5, 0.5}, g.values());
    }

    @Test
    void handlesCrLfLineEnds() throws IOException {
        assertArrayEquals(new double[] {1, 2, 3, 4}, CsvMatrixReader.read(file("m.csv", "1,2\r\n3,4\r\n")).values());
    }

    @Test
    void raggedRowsNameTheLineAndBothLengths() throws IOException {
        String message = error("1,2,3\n# comment\n4,5\n").problem();
        assertEquals("ragged rows: line 3 has 2 values but line 1 has 3", message);
    }

    @Test
    void nonNumericTokenNamesLineColumnAndToken() throws IOException {
        assertEquals("line 2, column 3: 'abc' is not a number", error("1 2 3\n4 5 abc\n").problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-nan"})
    void nanIsRefusedWithItsPlace(String token) throws IOException {
        assertEquals("line 2, column 1: NaN is not allowed (values must be finite)", error("1 2\n" + token + " 3\n").problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-Infinity", "+INF"})
    void infinityIsRefusedWithItsPlace(String token) throws IOException {
        assertEquals("line 1, column 2: '" + token + "' is infinite (values must be finite)", error("1," + token + "\n").problem());
    }

    @Test
    void overflowIsRefused() throws IOException {
        assertEquals("line 1, column 1: '1e400' is too large for a double", error("1e400\n").problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "1d", "2f", "1,,2", "--1"})
    void nonDecimalSpellingsAreNotNumbers(String row) throws IOException {
        assertTrue(error(row + "\n").problem().startsWith("line 1, column "));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertEquals("no data (the file is empty or holds only comments)", error("").problem());
        assertEquals("no data (the file is empty or holds only comments)", error("# nothing\n\n").problem());
    }

    @Test
    void blankLineBetweenRowsIsAnError() throws IOException {
        assertEquals("line 4: data after the blank line 2 (blank lines are allowed only before or after the matrix)",
                error("1 2\n\n# c\n3 4\n").problem());
    }
}
