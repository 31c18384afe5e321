package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.cli.CliRun.topo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo attack}: a small end-to-end run into a temporary folder, and configuration errors. */
class AttackCommandTest {
    @TempDir
    Path dir;

    /** The numbers of a one-level {"model": number, ...} object or of {"model": {"eps": number}} under a key. */
    private static List<Double> numbersUnder(String json, String key) {
        int start = json.indexOf("\"" + key + "\":");
        assertTrue(start >= 0, "no key " + key + " in metrics.json");
        String line = json.substring(start, json.indexOf('\n', start));
        Matcher m = Pattern.compile(":\\s*(-?[0-9.]+(?:E-?[0-9]+)?)").matcher(line.substring(key.length() + 3));
        List<Double> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    @Test
    void quickRunWritesMetricsFiguresAndConfig() throws Exception {
        Path output = dir.resolve("attack");
        // the synthetic fallback (no IDX files in the temporary folder), trimmed further than --quick
        CliRun run = topo("attack", "--quick", "--output", output.toString(), "--data", dir.resolve("none").toString(),
                "--train", "300", "--test", "100", "--images", "20", "--steps", "4",
                "--attacks", "fgsm-linf-untargeted,pgd-linf-untargeted,pgd-linf-targeted,pgd-l2-untargeted",
                "--set", "topmodel.epochs=8", "--set", "pixel.epochs=1", "--set", "features.topk=3");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("data: synthetic"), run.out());
        assertTrue(run.out().contains("pgd-linf-targeted"), "progress lines: " + run.out());
        String json = Files.readString(output.resolve("metrics.json"));
        for (String key : List.of("data_source", "clean_accuracy", "accuracy_under_attack", "attack_success_rate",
                "pgd_linf_untargeted_mean_linf", "pgd_l2_untargeted_mean_l2", "fgsm_linf_untargeted_accuracy",
                "pgd_linf_targeted_success_rate", "headline_eps")) {
            assertTrue(json.contains("\"" + key + "\":"), key + " in " + json);
        }
        assertTrue(json.contains("\"data_source\": \"synthetic\""), json);
        List<Double> clean = numbersUnder(json, "clean_accuracy_attacked_images");
        assertEquals(4, clean.size());
        List<Double> underAttack = numbersUnder(json, "pgd_linf_untargeted_accuracy");
        assertEquals(8, underAttack.size()); // 4 models × 2 budgets
        for (int m = 0; m < 4; m++) {
            for (int e = 0; e < 2; e++) {
                double acc = underAttack.get(2 * m + e);
                assertTrue(acc <= clean.get(m) + 1e-12, "model " + m + ": accuracy under attack " + acc + " > clean "
                        + clean.get(m));
            }
        }
        for (double rate : numbersUnder(json, "attack_success_rate")) {
            assertTrue(rate >= 0 && rate <= 1, "success rate " + rate);
        }
        for (double norm : numbersUnder(json, "pgd_linf_untargeted_mean_linf")) {
            assertTrue(norm <= 0.2 + 1e-9, "mean L-inf " + norm + " beyond the largest budget");
        }
        for (String png : List.of("accuracy_vs_eps_pgd_linf_untargeted.png", "success_vs_eps_pgd_linf_targeted.png",
                "examples_pgd_linf_targeted.png")) {
            assertTrue(Files.size(output.resolve(png)) > 1000, png);
        }
        assertTrue(Files.readString(output.resolve("config.json")).contains("\"pgd.steps\": 4"));
        assertTrue(Files.readString(output.resolve("results.csv")).startsWith("model,attack,eps,accuracy"));
    }

    @Test
    void unknownConfigurationKeyIsABadOption() throws Exception {
        Path conf = Files.writeString(dir.resolve("attack.properties"), "seed=3\npgd.stpes=10\n");
        CliRun run = topo("attack", "--config", conf.toString(), "--output", dir.resolve("x").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("pgd.stpes") && run.err().contains("pgd.steps"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        CliRun bad = topo("attack", "--quick", "--eps", "0.1,abc", "--output", dir.resolve("y").toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("eps must be a comma-separated list of numbers > 0, got '0.1,abc'"), bad.err());
        CliRun set = topo("attack", "--set", "nosuch=1", "--output", dir.resolve("z").toString());
        assertEquals(2, set.exitCode(), set.err());
        assertTrue(set.err().contains("nosuch"), set.err());
    }
}
