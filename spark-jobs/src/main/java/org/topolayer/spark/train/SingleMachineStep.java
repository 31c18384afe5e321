package org.topolayer.spark.train;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topolayer.apps.attack.Attack;
import org.topolayer.apps.attack.ClassifierRecipe;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.attack.TopModel;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.DatasetChoice;
import org.topolayer.data.ImageDataset;
import org.topolayer.nn.Nd4jThreads;
import org.topolayer.nn.Standardizer;
import org.topolayer.spark.io.Sample;

/**
 * The single-machine figure beside the train job's adversarial step: one step's work (every
 * sample replaced by its PGD L∞ example against a saved classifier, then the cross-entropy
 * gradient) as a plain loop on one thread, without Spark, in the train job's groups of
 * {@link ClassifierWorkload#GROUP} samples and through the same {@link ClassifierLoss}. Prints
 * samples per CPU second of this process (ND4J on one thread; a TopModel's topology layers also use
 * the engine's sample pool, counted in the process's CPU time).
 *
 * <p>{@code java -cp ... org.topolayer.spark.train.SingleMachineStep CLASSIFIER_FILE SAMPLES EPS PGD_STEPS [DATA]}
 * on the first SAMPLES training images of DATA ({@code fashion-mnist}, the default: the Debian
 * package; {@code mnist}), as the train job's
 * {@code --input DATA --split train --limit SAMPLES} reads them ({@code bench/spark/adversarial-step.sh}).
 */
public final class SingleMachineStep {
    private SingleMachineStep() {}

    public static void main(String[] args) throws Exception {
        Nd4jThreads.limit(1);
        SavedClassifier saved = SavedClassifier.fromBytes(Files.readAllBytes(Path.of(args[0])), args[0]);
        int count = Integer.parseInt(args[1]);
        double eps = Double.parseDouble(args[2]);
        int steps = Integer.parseInt(args[3]);
        String data = args.length > 4 ? args[4] : DatasetChoice.DEFAULT;
        ImageDataset train = DatasetChoice.parse(data).load(count, 1, 7, DatasetChoice.STDERR).train();
        TopModel top = saved.classifier() instanceof TopModel t ? t : null;
        NetworkClassifier network = top != null ? (NetworkClassifier) top.head() : (NetworkClassifier) saved.classifier();
        TopFeatureMap.Spec spec = top != null ? top.featureMap().spec() : TopFeatureMap.Spec.defaults();
        ClassifierRecipe recipe = new ClassifierRecipe(saved.model(), saved.shape(), saved.classes(), new int[] {1}, 1,
                spec);
        Standardizer standardizer = top != null ? top.standardizer() : null;
        ClassifierLoss loss = new ClassifierLoss(recipe, standardizer, new ClassifierLoss.OnTheFly(
                Attack.pgd(Attack.Norm.LINF, eps, steps, 2.5, false), 1.0, 7, false), 0);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            samples.add(new ClassifierSample(new Sample(i, train.labels()[i], train.images()[i],
                    new int[] {train.height(), train.width()}), null)); // every sample is attacked: no clean features
        }
        double[] sum = new double[network.parameters().length + BatchGradient.SLOTS];
        long cpu = cpu(), wall = System.nanoTime();
        for (int start = 0; start < samples.size(); start += (int) ClassifierWorkload.GROUP) {
            List<Sample> group = new ArrayList<>(samples.subList(start, (int) Math.min(samples.size(),
                    start + ClassifierWorkload.GROUP)));
            loss.addTo(group, new Object[] {network}, sum);
        }
        double cpuSeconds = (cpu() - cpu) / 1e9, wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d samples, PGD-%d L∞ eps %s: %.1f s CPU, %.1f s wall, %.2f samples per"
                + " CPU second of the process (no Spark), mean loss %.4f%n", saved.model(), samples.size(), steps, eps,
                cpuSeconds, wallSeconds, samples.size() / cpuSeconds,
                sum[sum.length - BatchGradient.SLOTS + BatchGradient.TASK_LOSS] / samples.size());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
