package org.topolayer.cli;

import org.topolayer.io.DiagramWriter;
import org.topolayer.io.JsonDiagramWriter;
import org.topolayer.io.TsvDiagramWriter;

/** The diagram output formats of {@code --format}. */
enum OutputFormat {
    TSV, JSON;

    DiagramWriter writer(FiltrationKind filtration) {
        return switch (this) {
            case TSV -> new TsvDiagramWriter();
            case JSON -> new JsonDiagramWriter(filtration.toString());
        };
    }
}
