package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * The TSV diagram format of ARCHITECTURE §4: one bar per line, {@code dim<TAB>birth<TAB>death},
 * values via {@code Double.toString}, essential deaths as {@code inf} or {@code -inf}, sorted by
 * dimension, then birth, then death; no header. Zero-length bars are left out unless kept.
 */
public final class TsvDiagramWriter implements DiagramWriter {
    private final boolean keepZeroLength;

    public TsvDiagramWriter(boolean keepZeroLength) {
        this.keepZeroLength = keepZeroLength;
    }

    @Override
    public void write(PersistenceDiagrams diagrams, Writer out) throws IOException {
        for (Diagram diagram : diagrams) {
            for (int i : PrintedBars.select(diagram, keepZeroLength)) {
                out.write(diagram.dimension() + "\t" + PrintedBars.number(diagram.birth(i)) + "\t"
                        + PrintedBars.number(diagram.death(i)) + "\n");
            }
        }
    }
}
