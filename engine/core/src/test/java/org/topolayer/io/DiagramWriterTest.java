package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;

class DiagramWriterTest {
    /** Bars added out of order, with a zero-length bar and values that need full precision. */
    private static PersistenceDiagrams sublevel() {
        DiagramCollector c = new DiagramCollector(ValueModel.VERTEX_VALUE, 2, 1);
        c.add(1, 2.0, 3.0, 0, -1, -1, 1, -1, -1);
        c.add(0, 0.1 + 0.2, 1e-5 + 1, 0, -1, -1, 1, -1, -1);
        c.addEssential(0, -1.5, 2, -1, -1);
        c.add(0, 0.5, 0.5, 3, -1, -1, 3, -1, -1);
        c.add(1, 1.0, 7.0, 0, -1, -1, 1, -1, -1);
        c.add(0, -1.5, 4.0, 0, -1, -1, 1, -1, -1);
        c.add(1, 1.0, 2.0, 0, -1, -1, 1, -1, -1);
        return c.build();
    }

    /** Superlevel: values go in as sublevel values of -f and come out in f's units. */
    private static PersistenceDiagrams superlevel() {
        DiagramCollector c = new DiagramCollector(ValueModel.VERTEX_VALUE, 0, -1);
        c.addEssential(0, -9, 0, -1, -1);
        c.add(0, -5, 0.0, 1, -1, -1, 2, -1, -1);
        return c.build();
    }

    private static String write(DiagramWriter writer, PersistenceDiagrams diagrams) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(diagrams, out);
        return out.toString();
    }

    @Test
    void tsvIsSortedByDimBirthDeathWithInfAndNoZeroLengthBars() throws IOException {
        assertEquals("""
                0\t-1.5\t4.0
                0\t-1.5\tinf
                0\t0.30000000000000004\t1.00001
                1\t1.0\t2.0
                1\t1.0\t7.0
                1\t2.0\t3.0
                """, write(new TsvDiagramWriter(), sublevel()));
    }

    @Test
    void tsvSuperlevelEssentialDiesAtMinusInfAndZeroIsNotNegative() throws IOException {
        assertEquals("0\t5.0\t0.0\n0\t9.0\t-inf\n", write(new TsvDiagramWriter(), superlevel()));
    }

    @Test
    void smallValuesUseDoubleToString() throws IOException {
        DiagramCollector c = new DiagramCollector(ValueModel.VERTEX_VALUE, 0, 1);
        c.add(0, 1e-7, 2.5e10, 0, -1, -1, 1, -1, -1);
        assertEquals("0\t1.0E-7\t2.5E10\n", write(new TsvDiagramWriter(), c.build()));
    }

    @Test
    void jsonDocumentsEveryDimensionWithInfinityAsString() throws IOException {
        assertEquals("""
                {
                  "filtration": "levelset",
                  "superlevel": false,
                  "maxdim": 2,
                  "diagrams": [
                    {"dim": 0, "bars": [[-1.5, 4.0], [-1.5, "inf"], [0.30000000000000004, 1.00001]]},
                    {"dim": 1, "bars": [[1.0, 2.0], [1.0, 7.0], [2.0, 3.0]]},
                    {"dim": 2, "bars": []}
                  ]
                }
                """, write(new JsonDiagramWriter("levelset"), sublevel()));
    }

    @Test
    void jsonSuperlevelAndEscapedName() throws IOException {
        assertEquals("""
                {
                  "filtration": "my \\"own\\"",
                  "superlevel": true,
                  "maxdim": 0,
                  "diagrams": [
                    {"dim": 0, "bars": [[5.0, 0.0], [9.0, "-inf"]]}
                  ]
                }
                """, write(new JsonDiagramWriter("my \"own\""), superlevel()));
    }
}
