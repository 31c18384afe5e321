package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * The TSV diagram format of docs/design.md §4: one bar per line, {@code dim<TAB>birth<TAB>death},
 * values via {@code Double.toString}, essential deaths as {@code inf} or {@code -inf}, sorted by
 * dimension, then birth, then death; no header. The order and the absence of zero-length bars
 * are those of {@link Diagram}, which guarantees both.
 */
public final class TsvDiagramWriter implements DiagramWriter {
    @Override
    public void write(PersistenceDiagrams diagrams, Writer out) throws IOException {
        for (Diagram diagram : diagrams) {
            for (int i = 0; i < diagram.size(); i++) {
                out.write(diagram.dimension() + "\t" + ValueText.of(diagram.birth(i)) + "\t"
                        + ValueText.of(diagram.death(i)) + "\n");
            }
        }
    }
}
