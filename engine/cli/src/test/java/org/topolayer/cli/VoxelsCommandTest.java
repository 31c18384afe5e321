package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.voxels.VoxelConfig;

/** {@code topo voxels} end to end (--quick) and its configuration errors. */
class VoxelsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TopoCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void quickRunWritesComponentCountsBeforeAndAfterAndTheSlicesFigure(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out");
        int code = run("voxels", "--quick", "--output", output.toString(), "--seed", "2");
        assertEquals(0, code, err.toString());
        String log = out.toString();
        assertTrue(log.contains("pre-training iteration 20/20") && log.contains("topology iteration 3/3"), log);
        String json = Files.readString(output.resolve("metrics.json"));
        assertTrue(json.contains("\"topology_loss\": {\"feature\": \"paper:dim=0,p=1,q=0,i0=2\""), json);
        assertTrue(json.contains("\"finite_bars_feature\": \"partialsum:dim=0,skip=0\""), json);
        Map<String, String> m = GenerateCommandTest.flatJson(json);
        for (String key : List.of("components_before", "components_after", "components_at_half_before",
                "components_at_half_after", "topo_loss_before", "topo_loss_after", "mmd_l2_before", "mmd_l2_after")) {
            double v = Double.parseDouble(m.get(key));
            assertTrue(v >= 0 && Double.isFinite(v), key + " = " + v);
        }
        for (String key : List.of("components_before", "components_after")) {
            assertTrue(Double.parseDouble(m.get(key)) >= 1, key + ": the essential bar counts, so at least 1");
        }
        for (String key : List.of("fraction_one_component_before", "fraction_one_component_after", "cov_l2_after")) {
            double v = Double.parseDouble(m.get(key));
            assertTrue(v >= 0 && v <= 1, key + " = " + v);
        }
        assertTrue(json.contains("\"components_definition\": \"mean over the evaluation volumes"), json);
        // the held-out shapes are single components (VoxelShapes' contract)
        Map<String, String> shapes = GenerateCommandTest.flatJson(GenerateCommandTest.nested(json, "reference_shapes"));
        assertEquals("1.0", shapes.get("components"));
        assertEquals("1.0", shapes.get("fraction_one_component"));
        assertTrue(json.contains("\"process_cpu\""), json);
        String config = Files.readString(output.resolve("config.json"));
        assertTrue(config.contains("\"size\": 12") && config.contains("\"seed\": 2"), config);
        for (String png : new String[] {"slices.png", "training.png"}) {
            assertTrue(Files.size(output.resolve(png)) > 0, png);
        }
    }

    @Test
    void aTypoInTheConfigFileIsAUsageErrorNamingTheKey(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("v.properties");
        Files.writeString(conf, "size=16\ntopo-iteratons=3\n");
        assertEquals(2, run("voxels", "--config", conf.toString(), "--output", dir.resolve("o").toString()));
        String e = err.toString();
        assertTrue(e.contains(conf + ": unknown key 'topo-iteratons'; did you mean 'topo-iterations'?"), e);
        assertEquals(1, e.strip().lines().count(), e);
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void badValuesAreOneLineUsageErrorsNamingTheKey(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"--size", "4"}, {"--set", "hidden=128,x"}, {"--tau", "-1"},
            {"--set", "figure-volumes=9", "--samples", "4"}, {"--set", "topo-learning-rate=0"}}) {
            StringWriter e = new StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("voxels", "--output", dir.resolve("x").toString()));
            args.addAll(List.of(bad));
            assertEquals(2, TopoCli.run(new PrintWriter(new StringWriter()), new PrintWriter(e),
                    args.toArray(String[]::new)), String.join(" ", bad));
            String key = bad[0].equals("--set") ? bad[1].substring(0, bad[1].indexOf('=')) : bad[0].substring(2);
            assertTrue(e.toString().contains(key), e.toString());
            assertEquals(1, e.toString().strip().lines().count(), e.toString());
        }
    }

    @Test
    void theShippedConfigHoldsExactlyTheBuiltInDefaults() throws Exception {
        Path conf = Path.of(System.getProperty("topo.home"), "conf", "voxels.properties");
        RegularizeCommandsTest.checkShippedConfig(conf, VoxelConfig.KEYS);
        new VoxelConfig(VoxelConfig.defaults().load(conf)); // every value in range
    }
}
