package org.topolayer.io;

/**
 * Simplices as listed in a complex file, each with the line it came from so that later checks can
 * point at it. Vertex ids are non-negative and distinct within a simplex; faces are not completed
 * here (the complex builder does that). Immutable.
 */
public final class Simplices {
    private final String source;
    private final int[][] simplices;
    private final int[] lines;
    private final int vertexCount;

    Simplices(String source, int[][] simplices, int[] lines) {
        this.source = source;
        this.simplices = simplices;
        this.lines = lines;
        int maxVertex = -1;
        for (int[] simplex : simplices) {
            for (int v : simplex) {
                maxVertex = Math.max(maxVertex, v);
            }
        }
        this.vertexCount = maxVertex + 1;
    }

    /** The file (or example) the simplices came from. */
    public String source() {
        return source;
    }

    public int size() {
        return simplices.length;
    }

    /** The vertex ids of the i-th simplex, in file order. */
    public int[] get(int i) {
        return simplices[i].clone();
    }

    /** The line of the file the i-th simplex was read from (1-based). */
    public int line(int i) {
        return lines[i];
    }

    /** Largest vertex id + 1: the number of vertex values the complex needs. */
    public int vertexCount() {
        return vertexCount;
    }

    /**
     * Checks that a values file gives exactly one value per vertex 0..vertexCount()-1: a vertex
     * without a value is reported with the line of the first simplex naming it, and surplus values
     * are refused too, since they mostly mean the files do not belong together.
     */
    public void requireOneValuePerVertex(int valueCount, String valuesSource) throws BadInputException {
        if (valueCount > vertexCount) {
            throw new BadInputException(valuesSource, "has " + valueCount + " values but the largest vertex id in "
                    + source + " is " + (vertexCount - 1) + " (expected one value per vertex, " + vertexCount + " values)");
        }
        for (int i = 0; i < simplices.length; i++) {
            for (int v : simplices[i]) {
                if (v >= valueCount) {
                    throw new BadInputException(source, "line " + lines[i] + ": vertex " + v + " has no value ("
                            + valuesSource + " has " + valueCount + " values, for vertices 0.." + (valueCount - 1) + ")");
                }
            }
        }
    }
}
