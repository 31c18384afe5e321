package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;

class TsvDiagramReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatTheTsvWriterWrites() throws IOException {
        Grid ring = Inputs.grid("example:ring");
        PersistenceDiagrams diagrams = LevelSetPersistence.compute(ring.values(), ring.shape(), 1, LevelSet.SUPERLEVEL);
        StringWriter tsv = new StringWriter();
        new TsvDiagramWriter().write(diagrams, tsv);
        List<TsvDiagramReader.Bar> bars = TsvDiagramReader.read(Files.writeString(dir.resolve("d.tsv"), tsv.toString()));
        int k = 0;
        for (var d : diagrams) {
            for (int i = 0; i < d.size(); i++, k++) {
                assertEquals(new TsvDiagramReader.Bar(d.dimension(), d.birth(i), d.death(i)), bars.get(k));
            }
        }
        assertEquals(k, bars.size());
        assertEquals(Double.NEGATIVE_INFINITY, bars.get(0).death()); // superlevel: the essential bar dies at -inf
    }

    @Test
    void infinitySpellingsCommentsAndBlankLines() throws IOException {
        Path f = Files.writeString(dir.resolve("d.tsv"), "# bars\n0 0.5 +inf\n\n1,0.25,INFINITY\n0\t1\t-Infinity\n");
        assertEquals(List.of(new TsvDiagramReader.Bar(0, 0.5, Double.POSITIVE_INFINITY),
                new TsvDiagramReader.Bar(1, 0.25, Double.POSITIVE_INFINITY),
                new TsvDiagramReader.Bar(0, 1, Double.NEGATIVE_INFINITY)), TsvDiagramReader.read(f));
    }

    @Test
    void badLinesAreNamedWithFileAndLine() throws IOException {
        assertError("0 1\n", "line 1: expected 3 fields");
        assertError("0 1 2\nx 1 2\n", "line 2: 'x' is not a vertex id");
        assertError("0 inf 2\n", "line 1, column 2: 'inf' is infinite");
        assertError("0 1 nan\n", "line 1, column 3: NaN is not allowed");
    }

    private void assertError(String text, String expected) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.tsv"), text);
        BadInputException e = assertThrows(BadInputException.class, () -> TsvDiagramReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": " + expected), e.getMessage());
    }
}
