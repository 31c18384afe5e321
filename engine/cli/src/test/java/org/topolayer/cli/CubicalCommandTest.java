package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.topolayer.cli.CliRun.topo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.NpyFiles;

/** {@code --filtration cubical}: images and volumes as cubical complexes, pixels as top cells. */
class CubicalCommandTest {
    @TempDir
    Path dir;

    private String npy(String name, String shape, double... values) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        return NpyFiles.write(dir.resolve(name), 1, "<f8", false, shape, data.array()).toString();
    }

    @Test
    void pixelsSharingACornerAreOneComponentUnlikeTheFreudenthalLevelSets() throws IOException {
        String image = Files.writeString(dir.resolve("diagonal.csv"), "1 0\n0 1\n").toString();
        CliRun cubical = topo("diagram", "--filtration", "cubical", "--input", image);
        assertEquals(0, cubical.exitCode(), cubical.err());
        assertEquals("0\t0.0\tinf\n", cubical.out());
        assertEquals("0\t0.0\t1.0\n0\t0.0\tinf\n", topo("diagram", "--filtration", "levelset", "--input", image).out());
    }

    @Test
    void aVolumeWithAVoidAndItsSuperlevelDiagram() throws IOException {
        double[] shell = new double[27];
        shell[13] = 5;
        String volume = npy("shell.npy", "(3, 3, 3)", shell);
        assertEquals("0\t0.0\tinf\n2\t0.0\t5.0\n",
                topo("diagram", "--filtration", "cubical", "--input", volume, "--maxdim", "2").out());
        assertEquals("0\t5.0\t-inf\n",
                topo("diagram", "--filtration", "cubical", "--input", volume, "--maxdim", "2", "--superlevel").out());
    }

    @Test
    void lossAndGradientGoToThePixels() throws IOException {
        // the 0-pixels enclose the centre (the 9 in a corner opens no edge-connected way out): H1 (0, 5)
        String image = Files.writeString(dir.resolve("ring.csv"), "0 0 9\n0 5 0\n0 0 0\n").toString();
        Path gradient = dir.resolve("gradient.csv");
        CliRun run = topo("loss", "--filtration", "cubical", "--input", image, "--feature", "sum:dim=1",
                "--gradient-output", gradient.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("5.0\n", run.out());
        // +1 at the death pixel (the centre), −1 at the one 0-pixel the birth is attributed to
        double[] g = Files.readString(gradient).lines().flatMap(l -> java.util.Arrays.stream(l.split(",")))
                .mapToDouble(Double::parseDouble).toArray();
        assertEquals(1.0, g[4]);
        assertEquals(0.0, java.util.Arrays.stream(g).sum());
        assertEquals(2, java.util.Arrays.stream(g).filter(x -> x != 0).count());
        assertEquals(0.0, g[2]);
    }

    @Test
    void optionsAndInputsItDoesNotTake() throws IOException {
        topo("diagram", "--filtration", "cubical", "--input", "example:ring", "--threshold", "1")
                .assertOneLineError(2, "--threshold does not apply to --filtration cubical");
        String huge = NpyFiles.write(dir.resolve("huge.npy"), 1, "<f4", false, "(20000, 20000)", new byte[0]).toString();
        topo("diagram", "--filtration", "cubical", "--input", huge)
                .assertOneLineError(1, huge + ": the cubical complex of a 20000×20000 image up to H1 needs about",
                        "downsample the input");
    }
}
