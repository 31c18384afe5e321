package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplexReaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("complex.txt"), text);
    }

    private String problem(String text) throws IOException {
        Path f = file(text);
        return assertThrows(BadInputException.class, () -> ComplexReader.read(f)).problem();
    }

    @Test
    void readsOneSimplexPerLineSkippingCommentsAndBlankLines() throws IOException {
        Simplices s = ComplexReader.read(file("# a triangle and a tail\n0 1 2\n\n2  3\n4\n"));
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {0, 1, 2}, s.get(0));
        assertArrayEquals(new int[] {2, 3}, s.get(1));
        assertArrayEquals(new int[] {4}, s.get(2));
        assertEquals(5, s.vertexCount());
        assertEquals(4, s.line(1));
    }

    @Test
    void badVertexIdsNameTheLine() throws IOException {
        assertEquals("line 2: vertex id -3 is negative", problem("0 1\n1 -3\n"));
        assertEquals("line 1: '1.5' is not a vertex id (expected a non-negative integer)", problem("0 1.5\n"));
        assertEquals("line 1: 'a' is not a vertex id (expected a non-negative integer)", problem("a b\n"));
        assertEquals("line 1: vertex id 99999999999 is too large", problem("0 99999999999\n"));
        assertEquals("line 1: vertex id 2147483647 is too large", problem("0 2147483647\n")); // the count would overflow
        assertEquals("line 3: vertex 2 appears twice in one simplex", problem("0\n1\n2 1 2\n"));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertEquals("no simplices (the file is empty or holds only comments)", problem(""));
    }

    @Test
    void valuesMustCoverEveryVertexExactly() throws IOException {
        Simplices s = ComplexReader.read(file("0 1\n1 2\n\n2 3 5\n"));
        s.requireOneValuePerVertex(6, "v.txt");
        BadInputException missing = assertThrows(BadInputException.class, () -> s.requireOneValuePerVertex(4, "v.txt"));
        assertEquals(s.source() + ": line 4: vertex 5 has no value (v.txt has 4 values, for vertices 0..3)", missing.getMessage());
        BadInputException surplus = assertThrows(BadInputException.class, () -> s.requireOneValuePerVertex(7, "v.txt"));
        assertEquals("v.txt: has 7 values but the largest vertex id in " + s.source()
                + " is 5 (expected one value per vertex, 6 values)", surplus.getMessage());
    }
}
