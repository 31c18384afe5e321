package org.topolayer.bench.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.TsvDiagramReader;
import org.topolayer.io.TsvDiagramWriter;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.rips.RipsPersistence;

/** The peer benchmark's diagram comparison: our TSV read back, tolerance, essential bars, exact fallback. */
class DiagramAgreementTest {
    @TempDir
    Path dir;

    @Test
    void ourTsvAgreesWithItselfAndSmallChangesAreCaught() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] points = new double[60][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
        PersistenceDiagrams d = RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY);
        StringWriter tsv = new StringWriter();
        new TsvDiagramWriter().write(d, tsv);
        Path file = dir.resolve("ours.tsv");
        Files.writeString(file, tsv.toString(), StandardCharsets.UTF_8);
        List<TsvDiagramReader.Bar> ours = TsvDiagramReader.read(file);
        assertEquals(d.get(0).size() + d.get(1).size(), ours.size());

        // a peer printing the same values in another order and spelling, plus a zero-length bar
        List<TsvDiagramReader.Bar> peer = new ArrayList<>(ours);
        java.util.Collections.reverse(peer);
        peer.add(new TsvDiagramReader.Bar(1, 0.3, 0.3));
        DiagramAgreement.Result same = DiagramAgreement.compare(ours, peer, 1);
        assertTrue(same.agree(), same.toString());
        assertEquals(0, same.finiteDistance());

        // one H1 death moved by 1e-3 of the scale: found, and measured exactly (few bars)
        TsvDiagramReader.Bar h1 = ours.stream().filter(b -> b.dimension() == 1).findFirst().orElseThrow();
        List<TsvDiagramReader.Bar> moved = new ArrayList<>(ours);
        moved.set(ours.indexOf(h1), new TsvDiagramReader.Bar(1, h1.birth(), h1.death() + 1e-3 * same.scale()));
        DiagramAgreement.Result off = DiagramAgreement.compare(ours, moved, 1);
        assertFalse(off.agree());
        assertTrue(off.exact());
        assertTrue(off.finiteDistance() > 0 && off.finiteDistance() <= 1e-3 * same.scale() + 1e-15, off.toString());

        // a missing essential bar
        List<TsvDiagramReader.Bar> noEssential = ours.stream().filter(b -> Double.isFinite(b.death())).toList();
        DiagramAgreement.Result ess = DiagramAgreement.compare(ours, noEssential, 1);
        assertFalse(ess.agree());
        assertFalse(ess.essentialOk());
    }
}
