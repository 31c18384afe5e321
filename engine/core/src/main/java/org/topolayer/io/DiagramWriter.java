package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.PersistenceDiagrams;

/** Writes persistence diagrams in one text format. Implementations do not close the writer. */
public interface DiagramWriter {
    void write(PersistenceDiagrams diagrams, Writer out) throws IOException;
}
