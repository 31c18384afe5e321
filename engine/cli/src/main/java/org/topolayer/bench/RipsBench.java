package org.topolayer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.topolayer.io.CsvMatrixReader;
import org.topolayer.persistence.rips.RipsPersistence;

/**
 * Rips persistence on Ripser's benchmark clouds (--bench-data DIR or $TOPO_BENCH_DATA), single
 * thread, against Ripser 1.2's CPU times on the same kind of machine. o3_4096 (about half a
 * minute a run) runs only with {@code --rips-large}.
 */
final class RipsBench {
    private record Case(String file, int maxDimension, double threshold, String target) {}

    private static final List<Case> CASES = List.of(
            new Case("unif2d_2000.txt", 1, Double.POSITIVE_INFINITY, "≤ 1.5× Ripser 1.2–1.4 s; heap < 256 MB"),
            new Case("sphere_3_192_points.dat", 2, Double.POSITIVE_INFINITY, "≤ 1.5× Ripser 0.80 s"),
            new Case("o3_1024.txt", 3, 1.8, "≤ 1.5× Ripser 2.0 s"),
            new Case("torus3d_1000.txt", 2, 1.2, "≤ 1.5× Ripser 0.39 s"));
    private static final Case LARGE = new Case("o3_4096.txt", 3, 1.4, "Ripser 39 s");

    private RipsBench() {}

    /** @param modulus the prime p of the coefficients Z/p (Ripser's targets are for Z/2) */
    static void run(Path dataDir, double seconds, boolean large, int modulus) {
        for (Case c : large ? List.of(LARGE) : CASES) {
            double[][] points = readPoints(dataDir.resolve(c.file()));
            String name = "rips " + c.file().replaceFirst("\\.[a-z]+$", "") + " dim " + c.maxDimension()
                    + (Double.isInfinite(c.threshold()) ? "" : " t " + c.threshold())
                    + (modulus == 2 ? "" : " Z/" + modulus);
            String target = modulus == 2 ? c.target() : "Z/2: " + c.target();
            System.out.println(BenchHarness.measure(name, target, 3, seconds,
                    () -> RipsPersistence.ofPoints(points, c.maxDimension(), c.threshold(), modulus).get(1).size()).row());
        }
    }

    /** The clouds are whitespace-separated text ({@code .dat} and {@code .txt}), read by the CSV reader. */
    private static double[][] readPoints(Path file) {
        try {
            return CsvMatrixReader.read(file).rows();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark data " + file + " (pass --bench-data DIR)", e);
        }
    }
}
