package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.DiagramCollector;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.SparseReduction;
import org.topolayer.persistence.representatives.Representatives;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

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

    /** The square 0-1-2-3 (sides at 1), filled along its diagonal 0-2 at 2: H1 [1, 2). */
    private static RepresentedDiagrams square(int p) {
        Filtration.Builder b = Filtration.builder(ValueModel.VERTEX_VALUE, 1);
        for (int v = 0; v < 4; v++) {
            b.add(new int[] {v}, 0.0, v);
        }
        for (int[] side : new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 3}}) {
            b.add(side, 1.0, side[1]);
        }
        b.add(new int[] {0, 2}, 2.0, 2).add(new int[] {0, 1, 2}, 2.0, 2).add(new int[] {0, 2, 3}, 2.0, 2);
        Filtration f = b.build();
        PrimeField field = PrimeField.of(p);
        return Representatives.of(SparseReduction.compute(f, 1, field), f, Representatives.Kind.CYCLES, field);
    }

    private static String write(DiagramWriter writer, RepresentedDiagrams diagrams) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(diagrams, out);
        return out.toString();
    }

    @Test
    void representativesAreAFourthTsvFieldWithCoefficientsOverZp() throws IOException {
        // the loop's youngest side, 2-3, gives the birth: coefficient 1 (∂ = (1−0) − (3−0) + (2−1) + (3−2) = 0)
        assertEquals("""
                0\t0.0\t1.0\t0;1
                0\t0.0\t1.0\t0;3
                0\t0.0\t1.0\t1;2
                0\t0.0\tinf\t0
                1\t1.0\t2.0\t0-1;0-3;1-2;2-3
                """, write(new TsvDiagramWriter(), square(2)));
        assertEquals("""
                0\t0.0\t1.0\t-1*0;1*1
                0\t0.0\t1.0\t-1*0;1*3
                0\t0.0\t1.0\t-1*1;1*2
                0\t0.0\tinf\t1*0
                1\t1.0\t2.0\t1*0-1;-1*0-3;1*1-2;1*2-3
                """, write(new TsvDiagramWriter(), square(3)));
    }

    @Test
    void representativesInJsonAreListsBesideTheBars() throws IOException {
        assertEquals("""
                {
                  "filtration": "complex",
                  "superlevel": false,
                  "maxdim": 1,
                  "representative_kind": "cycle",
                  "modulus": 3,
                  "diagrams": [
                    {"dim": 0, "bars": [[0.0, 1.0], [0.0, 1.0], [0.0, 1.0], [0.0, "inf"]],
                     "representatives": [{"simplices": [[0], [1]], "coefficients": [-1, 1]},
                       {"simplices": [[0], [3]], "coefficients": [-1, 1]},
                       {"simplices": [[1], [2]], "coefficients": [-1, 1]},
                       {"simplices": [[0]], "coefficients": [1]}]},
                    {"dim": 1, "bars": [[1.0, 2.0]],
                     "representatives": [{"simplices": [[0, 1], [0, 3], [1, 2], [2, 3]], "coefficients": [1, -1, 1, 1]}]}
                  ]
                }
                """, write(new JsonDiagramWriter("complex"), square(3)));
    }
}
