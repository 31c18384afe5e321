package org.topolayer.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an OFF mesh (Object File Format): a line {@code OFF} (the counts may follow on it), then
 * {@code vertices faces edges}, one line {@code x y z} per vertex and one line {@code k v1 .. vk}
 * per face ('#' comments and blank lines are skipped; a face line may end with colour values,
 * which are ignored). A face of more than three vertices is split into a fan of triangles around
 * its first vertex, which adds diagonals the mesh did not list. Limits: plain {@code OFF} only
 * (COFF, NOFF, 4OFF and binary OFF are refused); edges are implied by the faces.
 */
public final class OffReader {
    /** The mesh: vertex coordinates (row k: vertex k) and the faces as simplices. */
    public record Mesh(double[][] vertices, Simplices faces) {
    }

    private OffReader() {
    }

    public static Mesh read(Path file) throws IOException {
        String source = file.toString();
        try (DelimitedLines in = new DelimitedLines(file)) {
            String[] header = nextNonBlank(in, source, "the header line 'OFF'");
            if (!header[0].equals("OFF")) {
                throw new BadInputException(source, "line " + in.lineNumber() + ": expected 'OFF', found '" + header[0]
                        + "' (only plain OFF meshes are read; convert COFF/NOFF/binary OFF to plain OFF)");
            }
            String[] counts = header.length > 1 ? Arrays.copyOfRange(header, 1, header.length)
                    : nextNonBlank(in, source, "the counts 'vertices faces edges'");
            if (counts.length < 2) {
                throw new BadInputException(source, "line " + in.lineNumber() + ": expected 'vertices faces edges', found "
                        + counts.length + " number(s)");
            }
            int vertexCount = count(counts[0], "vertex", source, in.lineNumber());
            int faceCount = count(counts[1], "face", source, in.lineNumber());
            double[][] vertices = new double[vertexCount][];
            for (int v = 0; v < vertexCount; v++) {
                String[] tokens = nextNonBlank(in, source, vertexCount + " vertex lines");
                if (tokens.length != 3) {
                    throw new BadInputException(source, "line " + in.lineNumber() + ": a vertex needs 3 coordinates, found "
                            + tokens.length);
                }
                vertices[v] = new double[3];
                for (int k = 0; k < 3; k++) {
                    vertices[v][k] = NumberTokens.parseFinite(tokens[k], source, in.lineNumber(), k + 1);
                }
            }
            List<int[]> simplices = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (int f = 0; f < faceCount; f++) {
                String[] tokens = nextNonBlank(in, source, faceCount + " face lines");
                int line = in.lineNumber();
                int k = count(tokens[0], "face vertex", source, line);
                if (k < 1 || tokens.length < 1 + k) {
                    throw new BadInputException(source, "line " + line + ": a face of " + k + " vertices needs "
                            + k + " vertex ids, found " + (tokens.length - 1));
                }
                int[] face = new int[k];
                for (int i = 0; i < k; i++) {
                    face[i] = NumberTokens.parseVertexId(tokens[1 + i], source, line);
                    if (face[i] >= vertexCount) {
                        throw new BadInputException(source, "line " + line + ": vertex " + face[i] + " of a face, but the mesh has "
                                + vertexCount + " vertices (ids count from 0)");
                    }
                }
                ComplexReader.requireDistinct(face, source, line);
                for (int[] triangle : fan(face)) {
                    simplices.add(triangle);
                    lines.add(line);
                }
            }
            if (simplices.isEmpty()) {
                throw new BadInputException(source, "the mesh has no faces");
            }
            int[] lineArray = lines.stream().mapToInt(Integer::intValue).toArray();
            return new Mesh(vertices, new Simplices(source, simplices.toArray(new int[0][]), lineArray));
        }
    }

    /** A polygon as triangles (v0, vi, vi+1); a point or an edge as itself. */
    private static List<int[]> fan(int[] face) {
        if (face.length <= 3) {
            return List.of(face);
        }
        List<int[]> triangles = new ArrayList<>(face.length - 2);
        for (int i = 1; i + 1 < face.length; i++) {
            triangles.add(new int[] {face[0], face[i], face[i + 1]});
        }
        return triangles;
    }

    private static String[] nextNonBlank(DelimitedLines in, String source, String expected) throws IOException {
        String[] tokens;
        do {
            tokens = in.next();
            if (tokens == null) {
                throw new BadInputException(source, "ends early: expected " + expected);
            }
        } while (tokens.length == 0);
        return tokens;
    }

    private static int count(String token, String what, String source, int line) throws BadInputException {
        try {
            int n = Integer.parseInt(token);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(source, "line " + line + ": '" + token + "' is not a " + what + " count");
    }
}
