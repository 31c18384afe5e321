package org.topolayer.bench.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.io.TsvDiagramReader;
import org.topolayer.io.TsvDiagramWriter;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Golden diagrams: small inputs with ties and duplicates, and GUDHI 3.7.1's diagrams of each, made
 * by {@code bench/peers/gudhi_bench.py golden} and kept in the test resources, so that every build
 * checks the engine against an independent implementation without GUDHI installed.
 */
class GoldenDiagramsTest {
    @TempDir
    Path dir;

    @Test
    void everyGoldenCaseAgreesWithGudhi() throws Exception {
        Path golden = Path.of(GoldenDiagramsTest.class.getResource("/golden/cases.tsv").toURI()).getParent();
        List<String> rows = Files.readAllLines(golden.resolve("cases.tsv"), StandardCharsets.UTF_8);
        assertTrue(rows.size() > 8, "the golden cases: " + rows);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t");
            String name = f[0], kind = f[1];
            int maxDimension = Integer.parseInt(f[3]);
            double threshold = f[4].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[4]);
            FiltrationSpec spec = PeerBench.spec(kind, maxDimension, threshold);
            String input = golden.resolve(f[2]).toString();
            PersistenceDiagrams ours;
            if (kind.equals("levelset") || kind.equals("cubical")) {
                Grid grid = Inputs.storedGrid(input);
                ours = spec.compute(grid.values(), grid.shape());
            } else {
                ours = spec.computePoints(Inputs.points(input));
            }
            StringWriter tsv = new StringWriter();
            new TsvDiagramWriter().write(ours, tsv);
            Path oursFile = Files.writeString(dir.resolve(name + ".tsv"), tsv.toString(), StandardCharsets.UTF_8);
            List<TsvDiagramReader.Bar> gudhi = TsvDiagramReader.read(golden.resolve(name + ".gudhi.tsv"));
            assertFalse(gudhi.isEmpty(), name);
            DiagramAgreement.Result result = DiagramAgreement.compare(TsvDiagramReader.read(oursFile), gudhi, maxDimension);
            assertTrue(result.agree(), name + ": " + result.summary() + " (bars ours/GUDHI " + result.bars() + ")");
            assertEquals(0, result.finiteDistance(), 1e-9 * Math.max(1, result.scale()), name);
        }
    }
}
