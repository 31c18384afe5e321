package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.config.Config;

/** {@code topo regress}, {@code topo pointcloud} and {@code topo denoise} run --quick end to end, and their config errors. */
class RegularizeCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {}

    private static Run topo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TopoCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A number of the flat metrics.json. */
    private static double metric(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?[0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), "metrics.json has " + key + ":\n" + json);
        return Double.parseDouble(m.group(1));
    }

    private static String read(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        return Files.readString(file);
    }

    @Test
    void regressQuickBeatsOlsWithTheTopologicalPenaltiesAndRecordsTheirFeatures() throws IOException {
        Path out = dir.resolve("regress");
        Run run = topo("regress", "--quick", "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("[4/4"), run.out());
        String m = read(out.resolve("metrics.json"));
        String[][] penalties = {{"minus-zero-one", "ols", "l1", "l2", "top1", "top2"},
            {"sawtooth", "ols", "tv", "sobolev", "top1", "top2"}};
        for (String[] problem : penalties) {
            for (int k = 1; k < problem.length; k++) {
                String key = problem[0] + "." + problem[k] + ".n85.";
                for (String sel : new String[] {"cv", "oracle"}) {
                    for (String stat : new String[] {"mse_median", "mse_q1", "mse_q3", "mse_mean", "coef_error_median"}) {
                        double v = metric(m, key + sel + "." + stat);
                        assertTrue(v > 0 && v < 1e3, key + sel + "." + stat + " = " + v);
                    }
                }
                // the oracle picks the least ||β̂ − β*||² on the same grid as cross-validation
                assertTrue(metric(m, key + "oracle.coef_error_median") <= metric(m, key + "cv.coef_error_median"), key);
            }
        }
        // each penalty as the feature spec it is: Top1 = E(1,0,2;PD0) = every finite H0 bar
        assertTrue(m.contains("\"minus-zero-one.top1\": {\"name\": \"Top1\", \"feature\": \"paper:dim=0,p=1,q=0,i0=2\","
                + " \"paper\": \"E(1,0,2;PD0)\", \"finite_bars_feature\": \"partialsum:dim=0,skip=0\"}"), m);
        assertTrue(m.contains("\"sawtooth.top2\": {\"name\": \"Top2\", \"feature\": \"paper:dim=0,p=1,q=0,i0=4\","
                + " \"paper\": \"E(1,0,4;PD0)\", \"finite_bars_feature\": \"partialsum:dim=0,skip=2\"}"), m);
        assertTrue(m.contains("\"minus-zero-one.l2\": {\"name\": \"L2\"}"), m);
        // n = 85 < p = 100: values {−1, 0, 1} are recovered by Top1 (clusters), a sawtooth by Top2 (maxima)
        double ols = metric(m, "minus-zero-one.ols.n85.cv.mse_median");
        assertTrue(metric(m, "minus-zero-one.top1.n85.oracle.mse_median") < 0.2 * ols, m);
        double sawOls = metric(m, "sawtooth.ols.n85.cv.mse_median");
        assertTrue(metric(m, "sawtooth.top2.n85.cv.mse_median") < 0.2 * sawOls, m);
        assertTrue(metric(m, "sawtooth.tv.n85.cv.mse_median") < sawOls, m);
        assertTrue(m.contains("\"sawtooth.n85.cv.best\": \"Top"), m);
        assertTrue(read(out.resolve("config.json")).contains("\"trials\": 2"));
        String table = read(out.resolve("mse_table.md"));
        assertTrue(table.contains("| 85 |") && table.contains("λ by the oracle"), table);
        assertTrue(Files.size(out.resolve("regress.png")) > 1000);
        assertTrue(Files.size(out.resolve("regress-sawtooth.png")) > 1000);
        assertEquals(1 + 2 * 5 * 2, read(out.resolve("mse.csv")).lines().count());
    }

    @Test
    void pointcloudQuickMovesH1BothWaysAndFormsClusters() throws IOException {
        Path out = dir.resolve("pc");
        Run run = topo("pointcloud", "--quick", "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pointcloud increase-h1: iteration 0 loss"), run.out());
        String m = read(out.resolve("metrics.json"));
        assertTrue(metric(m, "increase-h1.h1_total_persistence_after")
                > 2 * metric(m, "increase-h1.h1_total_persistence_before"), m);
        assertTrue(metric(m, "decrease-h1.h1_total_persistence_after")
                < 0.1 * metric(m, "decrease-h1.h1_total_persistence_before"), m);
        assertTrue(metric(m, "clusters.loss_after") < 0.2 * metric(m, "clusters.loss_before"), m);
        assertTrue(metric(m, "clusters.components_after") <= 4 + 2, m);
        assertTrue(metric(m, "clusters.components_before") > 10, m);
        // each task's loss as the feature spec it is (4 clusters: E(1,0,5;PD0), the essential bar counted)
        assertTrue(m.contains("\"increase-h1.loss\": {\"feature\": \"paper:dim=1,p=2,q=0,i0=1,weight=-1\""), m);
        assertTrue(m.contains("\"clusters.loss\": {\"feature\": \"paper:dim=0,p=1,q=0,i0=5\", \"paper\":"
                + " \"E(1,0,5;PD0)\", \"finite_bars_feature\": \"partialsum:dim=0,skip=3\"}"), m);
        for (String f : new String[] {"pointcloud.png", "pointcloud-increase-h1.png", "pointcloud-clusters.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertTrue(read(out.resolve("config.json")).contains("\"points\": 50"));
    }

    @Test
    void denoiseQuickReachesThePriorsBettiNumbers() throws IOException {
        Path out = dir.resolve("dn");
        Run run = topo("denoise", "--quick", "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String m = read(out.resolve("metrics.json"));
        assertEquals(1, metric(m, "denoised_betti0"), m);
        assertTrue(m.contains("\"prior_components\": {\"feature\": \"paper:dim=0,p=1,q=0,i0=2"), m);
        assertTrue(m.contains("\"finite_bars_feature\": \"partialsum:dim=0,skip=0"), m);
        assertTrue(m.contains("\"prior_holes\": {\"feature\": \"paper:dim=1,p=1,q=0,i0=2"), m);
        assertEquals(1, metric(m, "denoised_betti1"), m);
        assertEquals(1, metric(m, "clean_betti0"), m);
        assertTrue(metric(m, "noisy_betti0") + metric(m, "noisy_betti1") > 4, "the noise breaks the topology: " + m);
        assertTrue(metric(m, "denoised_mse_to_clean") < metric(m, "noisy_mse_to_clean"), m);
        assertTrue(Files.size(out.resolve("denoise.png")) > 500);
    }

    @Test
    void aTypoInTheConfigFileIsAUsageErrorNamingTheKeyAndTheValidOnes() throws IOException {
        Path conf = Files.writeString(dir.resolve("c.properties"), "# comment\nseed = 3\ntrails = 4\n");
        Run run = topo("regress", "--config", conf.toString(), "--output", dir.resolve("x").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(conf + ": unknown key 'trails'; did you mean 'trials'?"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(!Files.exists(dir.resolve("x")), "nothing written");

        Run badSet = topo("denoise", "--set", "nois=0.1");
        assertEquals(2, badSet.exitCode());
        assertTrue(badSet.err().contains("--set: unknown key 'nois'; did you mean 'noise'?"), badSet.err());

        Run farOff = topo("denoise", "--set", "brightness=2");
        assertEquals(2, farOff.exitCode());
        assertTrue(farOff.err().contains("unknown key 'brightness'; valid keys: seed, size, noise"), farOff.err());

        Run badValue = topo("pointcloud", "--set", "points=many", "--output", dir.resolve("y").toString());
        assertEquals(2, badValue.exitCode());
        assertTrue(badValue.err().contains("--set: points must be an integer ≥ 3, got 'many'"), badValue.err());

        Run negative = topo("denoise", "--iterations", "0", "--output", dir.resolve("w").toString());
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("iterations must be an integer ≥ 1, got '0'"), negative.err());

        Run badProblem = topo("regress", "--problems", "sawtooth,zigzag", "--output", dir.resolve("z").toString());
        assertEquals(2, badProblem.exitCode());
        assertTrue(badProblem.err().contains("unknown entry 'zigzag'") && badProblem.err().contains("boxcar"),
                badProblem.err());

        Run missing = topo("regress", "--config", dir.resolve("none.properties").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("none.properties"), missing.err());
    }

    @Test
    void theShippedConfigFilesHoldExactlyTheBuiltInDefaults() throws IOException {
        Path conf = Path.of(System.getProperty("topo.home"), "conf");
        checkShippedConfig(conf.resolve("regress.properties"), RegressCommand.KEYS);
        checkShippedConfig(conf.resolve("pointcloud.properties"), PointCloudCommand.KEYS);
        checkShippedConfig(conf.resolve("denoise.properties"), DenoiseCommand.KEYS);
    }

    /** A shipped config file sets every key, each to its built-in default (also used by the other commands' tests). */
    static void checkShippedConfig(Path file, java.util.List<Config.Key> keys) throws IOException {
        Config defaults = new Config(keys);
        Config loaded = new Config(keys).load(file);
        assertEquals(defaults.effective(), loaded.effective(), file.toString());
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertEquals(keys.size(), p.size(), file + " lists every key");
    }
}
