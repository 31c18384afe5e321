package org.topolayer.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the side-by-side benchmark's manifest ({@code cases.tsv}, written by
 * {@code bench/peers/gudhi_bench.py generate}): the case, its filtration kind ({@code rips},
 * {@code alpha_weak}, {@code alpha_exact}, {@code levelset} or {@code cubical}), the family it
 * belongs to in the scaling plot, its size (points, pixels or voxels), the input
 * file, maxdim, threshold ({@code inf} for none) and the published reference times.
 */
public record PeerCase(String name, String kind, String family, long size, Path input, int maxDimension,
                       double threshold, String topologyLayerRef, String ripserRef, String gudhiRef) {

    /** Whether the input is a grid of values (level sets, cubical complexes) rather than points. */
    public boolean takesGrid() {
        return kind.equals("levelset") || kind.equals("cubical");
    }

    public static List<PeerCase> readManifest(Path file) throws IOException {
        List<PeerCase> cases = new ArrayList<>();
        for (Map<String, String> m : readTable(file)) {
            String t = m.get("threshold");
            cases.add(new PeerCase(m.get("case"), m.get("kind"), m.get("family"), Long.parseLong(m.get("size")),
                    Path.of(m.get("input")), Integer.parseInt(m.get("maxdim")),
                    t == null || t.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(t),
                    m.getOrDefault("tl_ref", "-"), m.getOrDefault("ripser_ref", "-"), m.getOrDefault("gudhi_ref", "-")));
        }
        return cases;
    }

    /** A results.tsv (either driver's): case → column → value. */
    public static Map<String, Map<String, String>> readResults(Path file) throws IOException {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (Map<String, String> m : readTable(file)) {
            out.put(m.get("case"), m);
        }
        return out;
    }

    /** The rows of a TSV file with a header line, each as column → value; blank lines skipped. */
    private static List<Map<String, String>> readTable(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split("\t");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length && i < f.length; i++) {
                m.put(header[i], f[i]);
            }
            rows.add(m);
        }
        return rows;
    }
}
