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
        // the synthetic images, trimmed further than --quick
        CliRun run = topo("attack", "--quick", "--output", output.toString(), "--data", "synthetic",
                "--train-samples", "300", "--test-samples", "100", "--eval-samples", "20", "--steps", "4", "--budgets", "1,3,6",
                "--attacks", "fgsm-linf-untargeted,pgd-linf-untargeted,pgd-linf-targeted,pgd-l2-untargeted,fgsm-linf-targeted",
                "--set", "topmodel.epochs=8", "--set", "pixel.epochs=1", "--set", "topk=3",
                "--set", "pgd.models=pixel-mlp,pixel-cnn,topmodel-mlp");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("data: synthetic"), run.out());
        assertTrue(run.out().contains("pgd-linf-targeted"), "progress lines: " + run.out());
        String json = Files.readString(output.resolve("metrics.json"));
        for (String key : List.of("data_source", "clean_accuracy", "accuracy_under_attack", "attack_success_rate",
                "pgd_linf_untargeted_mean_linf", "pgd_l2_untargeted_mean_l2", "fgsm_linf_untargeted_accuracy",
                "pgd_linf_targeted_success_rate", "headline_eps", "until_success", "until_success_step", "grid",
                "gradient_free", "matched", "fgsm_linf_targeted_success_rate")) {
            assertTrue(json.contains("\"" + key + "\":"), key + " in " + json);
        }
        assertTrue(json.contains("\"data_source\": \"synthetic\""), json);
        List<Double> clean = numbersUnder(json, "clean_accuracy_attacked_images");
        assertEquals(4, clean.size());
        List<Double> underAttack = numbersUnder(json, "pgd_linf_untargeted_accuracy");
        assertEquals(6, underAttack.size()); // the 3 pgd.models × 2 budgets
        int[] pgdModels = {0, 1, 3}; // pixel-mlp, pixel-cnn, topmodel-mlp among the 4 models
        for (int k = 0; k < 3; k++) {
            for (int e = 0; e < 2; e++) {
                double acc = underAttack.get(2 * k + e);
                int m = pgdModels[k];
                assertTrue(acc <= clean.get(m) + 1e-12, "model " + m + ": accuracy under attack " + acc + " > clean "
                        + clean.get(m));
            }
        }
        assertEquals(8, numbersUnder(json, "fgsm_linf_untargeted_accuracy").size(), "FGSM runs on every model");
        for (double rate : numbersUnder(json, "attack_success_rate")) {
            assertTrue(rate >= 0 && rate <= 1, "success rate " + rate);
        }
        for (double norm : numbersUnder(json, "pgd_linf_untargeted_mean_linf")) {
            assertTrue(norm <= 0.2 + 1e-9, "mean L-inf " + norm + " beyond the largest budget");
        }
        // the paper's protocol: every model has its rate and budget at the largest budget, rates grow with the budget
        String until = json.substring(json.indexOf("\"until_success\":"));
        until = until.substring(0, until.indexOf('\n'));
        for (String model : List.of("pixel-mlp", "pixel-cnn", "pixel-mlp-matched", "topmodel-mlp")) {
            Matcher m = Pattern.compile("\"" + model + "\": \\{\"success_rate\": ([0-9.]+), \"steps\": 6,").matcher(until);
            assertTrue(m.find(), model + " in " + until);
            Matcher curve = Pattern.compile("\"" + model + "\": \\{.*?\"curve\": \\{\"1\": \\{\"success_rate\": ([0-9.]+).*?"
                    + "\"3\": \\{\"success_rate\": ([0-9.]+).*?\"6\": \\{\"success_rate\": ([0-9.]+)").matcher(until);
            assertTrue(curve.find(), model + " curve in " + until);
            double r1 = Double.parseDouble(curve.group(1)), r3 = Double.parseDouble(curve.group(2)),
                    r6 = Double.parseDouble(curve.group(3));
            assertTrue(r1 <= r3 && r3 <= r6 && r6 == Double.parseDouble(m.group(1)), model + ": " + r1 + " " + r3 + " " + r6);
        }
        assertTrue(Files.readString(output.resolve("until_success.csv")).startsWith("model,steps,success_rate,"));
        for (String png : List.of("accuracy_vs_eps_pgd_linf_untargeted.png", "success_vs_eps_pgd_linf_targeted.png",
                "examples_until_success.png", "until_success_vs_steps.png", "grid_topmodel-mlp.png", "grid_pixel-cnn.png",
                "success_vs_eps_fgsm_linf_targeted.png")) {
            assertTrue(Files.size(output.resolve(png)) > 1000, png);
        }
        assertTrue(Files.readString(output.resolve("config.json")).contains("\"steps\": 4"));
        assertTrue(Files.readString(output.resolve("results.csv")).startsWith("model,attack,eps,accuracy"));
    }

    /** A small run on the synthetic images: one TopModel and one pixel model, FGSM only. */
    private CliRun small(String output, String... more) {
        String[] args = {"attack", "--quick", "--output", dir.resolve(output).toString(), "--data",
            "synthetic", "--train-samples", "150", "--test-samples", "30", "--eval-samples", "20",
            "--models", "topmodel-logistic,pixel-mlp", "--attacks", "fgsm-linf-untargeted",
            "--set", "headline.attack=fgsm-linf-untargeted", "--set", "directions=2", "--set", "examples=0"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return topo(all);
    }

    /** The text of a metrics.json line, from its key to the end of the line. */
    private static String line(Path metrics, String key) throws java.io.IOException {
        String json = Files.readString(metrics);
        int start = json.indexOf("\"" + key + "\":");
        assertTrue(start >= 0, key + " in " + json);
        return json.substring(start, json.indexOf('\n', start));
    }

    @Test
    void savedClassifiersAreAttackedAgainWithTheSameResults() throws Exception {
        Path models = dir.resolve("models");
        CliRun trained = small("trained", "--save-models", models.toString());
        assertEquals(0, trained.exitCode(), trained.err() + trained.out());
        Path logistic = models.resolve("topmodel-logistic.classifier"), mlp = models.resolve("pixel-mlp.classifier");
        assertTrue(Files.isRegularFile(logistic) && Files.isRegularFile(mlp));
        String saved = line(dir.resolve("trained/metrics.json"), "saved_models");
        assertTrue(saved.contains(logistic.toString()) && saved.contains("sha256"), saved);

        CliRun again = small("again", "--classifier", mlp.toString(), "--classifier", logistic.toString());
        assertEquals(0, again.exitCode(), again.err() + again.out());
        assertTrue(again.out().contains("data: synthetic, 0 training images"), again.out());
        Path before = dir.resolve("trained/metrics.json"), after = dir.resolve("again/metrics.json");
        for (String key : new String[] {"clean_accuracy", "clean_accuracy_attacked_images",
            "fgsm_linf_untargeted_accuracy", "fgsm_linf_untargeted_mean_linf"}) {
            // the same numbers, model by model (the files are given in the order the models were trained)
            assertEquals(numbersUnder(Files.readString(before), key), numbersUnder(Files.readString(after), key), key);
        }
        String files = line(after, "classifier_files");
        assertTrue(files.contains(logistic.toString()), files);
        // each file's checksum is the one recorded when it was saved
        java.util.regex.Matcher sums = Pattern.compile("\"sha256\": \"([0-9a-f]{64})\"").matcher(files);
        while (sums.find()) {
            assertTrue(saved.contains(sums.group(1)), sums.group(1) + " in " + saved);
        }
        assertTrue(Files.readString(dir.resolve("again/config.json")).contains("\"classifiers\": \"" + mlp + ","));
    }

    @Test
    void unusableClassifierFilesAreOneLineErrors() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.classifier"), "not a model\n");
        small("a", "--classifier", notes.toString()).assertOneLineError(1, "topo attack: " + notes
                + ": not a classifier file (not a zip archive); give a file written by topo attack --save-models");
        small("b", "--classifier", dir.resolve("missing.classifier").toString()).assertOneLineError(1,
                "missing.classifier: no such file or directory");
        assertTrue(!Files.exists(dir.resolve("a")) && !Files.exists(dir.resolve("b")), "nothing written");

        Path small6x6 = dir.resolve("6x6.classifier");
        org.topolayer.apps.attack.SavedClassifier.pixel("pixel-mlp", new int[] {6, 6},
                org.topolayer.apps.classifier.NetworkClassifier.mlp(36, new int[] {4}, 10, 1)).save(small6x6);
        CliRun shape = small("c", "--classifier", small6x6.toString());
        assertEquals(1, shape.exitCode());
        assertEquals("topo attack: " + small6x6 + ": a pixel-mlp of 6x6 inputs, but the synthetic data is 28x28; use"
                + " it on inputs of the shape it was trained on\n", shape.err());
        Path threeClasses = dir.resolve("3.classifier");
        org.topolayer.apps.attack.SavedClassifier.pixel("pixel-mlp", new int[] {28, 28},
                org.topolayer.apps.classifier.NetworkClassifier.logistic(784, 3, 1)).save(threeClasses);
        CliRun classes = small("d", "--classifier", threeClasses.toString());
        assertEquals("topo attack: " + threeClasses + ": a pixel-mlp of 3 classes, but the synthetic data has 10; use"
                + " it on data of the classes it was trained on\n", classes.err());
        assertTrue(!Files.exists(dir.resolve("c")) && !Files.exists(dir.resolve("d")), "nothing written");
        CliRun comma = small("g", "--classifier", dir.resolve("a,b.classifier").toString());
        assertEquals(2, comma.exitCode(), comma.err());
        assertTrue(comma.err().contains("a comma in the file name would split it in two"), comma.err());
        CliRun twice = small("e", "--classifier", threeClasses.toString(), "--classifier", small6x6.toString());
        assertTrue(twice.err().contains(small6x6 + ": a second pixel-mlp (the first is " + threeClasses + ")"),
                twice.err());

        CliRun both = small("f", "--classifier", threeClasses.toString(), "--save-models", dir.resolve("m").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("save-models keeps the classifiers a run trains"), both.err());
    }

    @Test
    void unknownConfigurationKeyIsABadOption() throws Exception {
        Path conf = Files.writeString(dir.resolve("attack.properties"), "seed=3\npgd.stpes=10\n");
        CliRun run = topo("attack", "--config", conf.toString(), "--output", dir.resolve("x").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("pgd.stpes") && run.err().contains("steps"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        CliRun bad = topo("attack", "--quick", "--eps", "0.1,abc", "--output", dir.resolve("y").toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("eps must be a comma-separated list of numbers > 0, got '0.1,abc'"), bad.err());
        CliRun set = topo("attack", "--set", "nosuch=1", "--output", dir.resolve("z").toString());
        assertEquals(2, set.exitCode(), set.err());
        assertTrue(set.err().contains("nosuch"), set.err());
        CliRun budgets = topo("attack", "--quick", "--budgets", "10,5", "--output", dir.resolve("b").toString());
        budgets.assertOneLineError(2, "until.budgets must be strictly ascending step budgets such as 1,10,100, got '10,5'");
        CliRun target = topo("attack", "--quick", "--models", "pixel-mlp,pixel-mlp-matched", "--output",
                dir.resolve("t").toString());
        assertEquals(2, target.exitCode(), target.err());
        assertTrue(target.err().contains("matched.target must be one of the models") && target.err().contains("topmodel-mlp"),
                target.err());
        CliRun heldOut = topo("attack", "--quick", "--train-samples", "100", "--output", dir.resolve("h").toString());
        assertEquals(2, heldOut.exitCode(), heldOut.err());
        assertTrue(heldOut.err().contains("matched.validation must be at most train - 16 = 84"), heldOut.err());
        assertTrue(!Files.exists(dir.resolve("b")) && !Files.exists(dir.resolve("t")) && !Files.exists(dir.resolve("h")));
    }

    @Test
    void theShippedConfigFileHoldsExactlyTheBuiltInDefaults() throws Exception {
        Path file = Path.of(System.getProperty("topo.home"), "conf", "topo-attack.properties");
        org.topolayer.config.Config defaults = new org.topolayer.config.Config(org.topolayer.apps.attack.AttackConfig.KEYS);
        org.topolayer.config.Config loaded = new org.topolayer.config.Config(org.topolayer.apps.attack.AttackConfig.KEYS)
                .load(file);
        assertEquals(defaults.effective(), loaded.effective(), file.toString());
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertEquals(org.topolayer.apps.attack.AttackConfig.KEYS.size(), p.size(), file + " lists every key");
    }
}
