package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

/** Writes persistence diagrams in one text format. Implementations do not close the writer. */
public interface DiagramWriter {
    void write(PersistenceDiagrams diagrams, Writer out) throws IOException;

    /** The diagrams with each bar's representative ({@code topo diagram --representatives}). */
    void write(RepresentedDiagrams diagrams, Writer out) throws IOException;
}
