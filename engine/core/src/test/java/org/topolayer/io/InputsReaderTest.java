package org.topolayer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading through {@link Inputs}: format by extension, the shape each role needs, examples, file errors. */
class InputsReaderTest {
    @TempDir
    Path dir;

    private String path(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void singleRowOrColumnIsASignal() throws IOException {
        assertArrayEquals(new int[] {4}, Inputs.grid(path("row.csv", "1,2,3,4\n")).shape());
        assertArrayEquals(new int[] {3}, Inputs.grid(path("col.txt", "1\n2\n3\n")).shape());
        assertArrayEquals(new int[] {2, 2}, Inputs.grid(path("img.tsv", "1\t2\n3\t4\n")).shape());
    }

    @Test
    void pointsAndDistanceMatrices() throws IOException {
        assertArrayEquals(new double[][] {{0, 0}, {1, 0}, {0, 2}}, Inputs.points(path("p.csv", "0,0\n1,0\n0,2\n")));
        String npy = NpyFiles.write(dir.resolve("d.npy"), 1, "<f8", false, "(2, 2)",
                NpyFiles.doubles(ByteOrder.LITTLE_ENDIAN, 0, 1, 1, 0)).toString();
        assertArrayEquals(new double[][] {{0, 1}, {1, 0}}, Inputs.distanceMatrix(npy));
        BadInputException e = assertThrows(BadInputException.class, () -> Inputs.distanceMatrix(path("r.csv", "0 1 2\n1 0 2\n")));
        assertEquals("a distance matrix must be square, got 2×3", e.problem());
    }

    @Test
    void imagesAndVolumesCannotBePoints() throws IOException {
        Path volume = NpyFiles.write(dir.resolve("v.npy"), 1, "<f8", false, "(1, 1, 2)",
                NpyFiles.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2));
        assertEquals("a 3-D array (1×1×2) cannot be a point cloud",
                assertThrows(BadInputException.class, () -> Inputs.points(volume.toString())).problem());
        assertEquals("an image cannot be a point cloud; give it as .csv, .tsv, .txt or .npy",
                assertThrows(BadInputException.class, () -> Inputs.points(path("x.pgm", "P2 1 1 1 0"))).problem());
    }

    @Test
    void vertexValuesAreOnePerLine() throws IOException {
        assertArrayEquals(new double[] {0.5, 1, -2}, Inputs.vertexValues(path("v.txt", "0.5\n1\n-2\n\n")));
        BadInputException e = assertThrows(BadInputException.class, () -> Inputs.vertexValues(path("w.txt", "1 2\n3 4\n")));
        assertEquals("expected one value per line, got 2×2 values", e.problem());
    }

    @Test
    void complexIsTextOrAnOffMeshNotAnArray() throws IOException {
        String npy = NpyFiles.write(dir.resolve("c.npy"), 1, "<i4", false, "(1,)", NpyFiles.ints(ByteOrder.LITTLE_ENDIAN, 0)).toString();
        assertEquals("a complex is an OFF mesh (.off) or a text file with one simplex per line, not an array or an image",
                assertThrows(BadInputException.class, () -> Inputs.complex(npy)).problem());
        assertEquals(2, Inputs.complex(path("any.name", "0 1 2\n2 3\n")).size());
        Simplices square = Inputs.complex(path("square.OFF", "OFF 4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3 255 0 0\n"));
        assertEquals(2, square.size(), "a quadrilateral is split into two triangles");
        assertArrayEquals(new int[] {0, 1, 2}, square.get(0));
        assertArrayEquals(new int[] {0, 2, 3}, square.get(1));
        assertArrayEquals(new double[] {0, 1, 1, 0}, Inputs.vertexValues("x", dir.resolve("square.OFF").toString()));
    }

    @Test
    void fileProblemsNameTheFile() throws IOException {
        String missing = dir.resolve("missing.csv").toString();
        assertEquals(missing + ": no such file or directory",
                assertThrows(BadInputException.class, () -> Inputs.grid(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a file",
                assertThrows(BadInputException.class, () -> Inputs.grid(dir.toString())).getMessage());
        String unknown = path("image.jpg", "x");
        assertEquals(unknown + ": unknown extension '.jpg' (expected .csv, .tsv, .txt, .npy, .png or .pgm)",
                assertThrows(BadInputException.class, () -> Inputs.grid(unknown)).getMessage());
        String bare = path("data", "1");
        assertEquals(bare + ": no extension (expected .csv, .tsv, .txt, .npy, .png or .pgm)",
                assertThrows(BadInputException.class, () -> Inputs.grid(bare)).getMessage());
    }

    @Test
    void examplesFillTheirOwnRoleOnly() throws IOException {
        assertArrayEquals(new int[] {64, 64}, Inputs.grid("example:ring").shape());
        assertEquals(100, Inputs.points("example:circle").length);
        Simplices torus = Inputs.complex("example:torus");
        double[] heights = Inputs.vertexValues("example:torus");
        torus.requireOneValuePerVertex(heights.length, "example:torus");
        assertEquals(heights.length, Arrays.stream(heights).distinct().count(), "distinct heights");
        assertEquals("example:circle: is a point cloud (for the rips and alpha filtrations), not an image",
                assertThrows(BadInputException.class, () -> Inputs.grid("example:circle")).getMessage());
        assertEquals("example:blob: no such example (available: example:ring, example:circle, example:torus)",
                assertThrows(BadInputException.class, () -> Inputs.points("example:blob")).getMessage());
    }
}
