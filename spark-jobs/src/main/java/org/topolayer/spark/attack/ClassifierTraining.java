package org.topolayer.spark.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.topolayer.apps.attack.ClassifierRecipe;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.io.Sample;

/**
 * Trains the attack job's classifier on the driver with {@code topo attack}'s recipe
 * ({@link ClassifierRecipe}: a TopModel or a pixel-space MLP or CNN, by Adam on the cross-entropy).
 * A TopModel's features are computed on the executors, so the driver only fits the small head.
 */
final class ClassifierTraining {
    /**
     * @param hidden the MLP's hidden widths (ignored by the logistic head and the CNN)
     */
    record Settings(String model, int classes, int epochs, int batch, double learningRate, int[] hidden, long seed,
                    TopFeatureMap.Spec features) {
        boolean topModel() {
            return SavedClassifier.isTopModel(model);
        }

        /** The training's parameters, for the job's summary (the features are the classifier's). */
        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("epochs", epochs);
            out.put("batch", batch);
            out.put("learning_rate", learningRate);
            if (model.endsWith("-mlp")) {
                out.put("hidden", Arrays.stream(hidden).boxed().toList());
            }
            out.put("seed", seed);
            return out;
        }
    }

    private ClassifierTraining() {}

    /**
     * Trains on the given samples.
     *
     * @throws BadJobInputException for unlabelled samples, labels outside the classes, images of
     *     mixed sizes or sizes a model cannot take
     */
    static SavedClassifier train(Dataset<Sample> training, Settings s) {
        List<Sample> first = training.takeAsList(1);
        if (first.isEmpty()) {
            throw new BadJobInputException("no samples to train the classifier on; lower --train-samples or check"
                    + " --input");
        }
        int[] shape = first.get(0).getValues() == null ? null : first.get(0).effectiveShape();
        if (shape == null || (shape.length != 2 && !s.model().equals("pixel-mlp"))) {
            throw new BadJobInputException("sample " + first.get(0).getId() + " is not a readable 2-D image; "
                    + s.model() + " needs images (or use --model pixel-mlp)");
        }
        List<Sample> rows = !s.topModel() ? training.collectAsList()
                : training.mapPartitions(features(shape[0], shape[1], s.features()), Encoders.bean(Sample.class))
                        .collectAsList();
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < x.length; i++) {
            Sample r = rows.get(i);
            if (r.getLabel() == null || r.getLabel() < 0 || r.getLabel() >= s.classes()) {
                throw new BadJobInputException("sample " + r.getId() + " has label " + r.getLabel() + "; the attack"
                        + " job needs labels in 0.." + (s.classes() - 1) + " (see --classes, --label-column)");
            }
            x[i] = r.getValues();
            y[i] = r.getLabel();
            if (x[i] == null || x[i].length != x[0].length) {
                throw new BadJobInputException("sample " + r.getId() + " is unreadable or not of the first sample's"
                        + " size; give images of one size");
            }
        }
        NetworkClassifier.Training fit = new NetworkClassifier.Training(s.epochs(), s.batch(), s.learningRate(),
                s.seed());
        // one line before and one after, not a line an epoch (a TopModel trains 40)
        System.err.printf(Locale.ROOT, "[attack] training %s on %d samples, %d epochs%n", s.model(), x.length, s.epochs());
        long begin = System.nanoTime();
        double[] losses = {Double.NaN, Double.NaN};
        NetworkClassifier.Progress progress = (epoch, loss) -> {
            losses[0] = epoch == 1 ? loss : losses[0];
            losses[1] = loss;
        };
        SavedClassifier trained = new ClassifierRecipe(s.model(), shape, s.classes(), s.hidden(), s.seed(),
                s.features()).fit(x, y, fit, progress);
        System.err.printf(Locale.ROOT, "[attack] trained %s: loss %.4f after epoch 1, %.4f after epoch %d (%.1f s)%n",
                s.model(), losses[0], losses[1], s.epochs(), (System.nanoTime() - begin) / 1e9);
        return trained;
    }

    /** Each sample's TopModel features in place of its pixels (label and id kept). */
    private static MapPartitionsFunction<Sample, Sample> features(int height, int width, TopFeatureMap.Spec spec) {
        return samples -> {
            TopFeatureMap map = new TopFeatureMap(height, width, spec);
            List<Sample> out = new ArrayList<>();
            while (samples.hasNext()) {
                Sample s = samples.next();
                double[] f;
                try {
                    f = s.getValues() == null ? null : map.features(s.getValues());
                } catch (IllegalArgumentException e) {
                    throw new BadJobInputException("sample " + s.getId() + ": " + e.getMessage()
                            + "; give images of one size");
                }
                out.add(new Sample(s.getId(), s.getLabel(), f, f == null ? null : new int[] {f.length}));
            }
            return out.iterator();
        };
    }
}
