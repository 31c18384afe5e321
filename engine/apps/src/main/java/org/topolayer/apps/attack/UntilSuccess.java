package org.topolayer.apps.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's adversarial protocol, summarized: a targeted gradient attack with no ε cap
 * ({@link Attack#untilSuccess}) run on every image until it reaches its target class, read at
 * several step budgets. One run to the largest budget gives every smaller one, since an image
 * stops at its first success: it succeeded within b steps iff it succeeded after at most b steps.
 *
 * <p>The success rate is over the images the model classified correctly before the attack (as
 * for every attack of {@code topo attack}; the target then differs from the prediction, so no
 * success is free), and also over all attacked images (the paper "conducted [the attack] on
 * 1,000 images" without saying which; a misclassified image may start at its target, a success
 * in 0 steps). The perturbation an image needed is the one at its success (L∞, L2, and
 * {@link Attack#pixelsChanged pixels changed}); a budget reports the medians over the correctly
 * classified images that succeeded within it (NaN when none did).
 */
public final class UntilSuccess {
    private UntilSuccess() {}

    /** Figures at one step budget. */
    public record Budget(int steps, double successRate, double successRateAll, int succeeded,
                         double medianLinf, double medianL2, double medianPixelsChanged) {
    }

    /**
     * {@code succeeded} in a {@link Budget} counts the correctly classified images that succeeded.
     *
     * @param images  attacked images
     * @param correct of them, those the model classified correctly before the attack
     * @param curve   one entry per budget, ascending
     */
    public record Summary(int images, int correct, List<Budget> curve) {
        /** The figures at the largest budget. */
        public Budget last() {
            return curve.get(curve.size() - 1);
        }

        /**
         * The {@code until_success} entry of one model in metrics.json: {@code success_rate} and
         * {@code steps} at the largest budget, the perturbation medians there, and {@code curve}
         * with every budget's figures (keyed by the budget).
         */
        public Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            Budget last = last();
            out.put("success_rate", last.successRate());
            out.put("steps", last.steps());
            out.put("success_rate_all_images", last.successRateAll());
            out.put("images", images);
            out.put("correctly_classified", correct);
            out.put("succeeded", last.succeeded());
            out.put("median_linf", last.medianLinf());
            out.put("median_l2", last.medianL2());
            out.put("median_pixels_changed", last.medianPixelsChanged());
            Map<String, Object> curveJson = new LinkedHashMap<>();
            for (Budget b : curve) {
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("success_rate", b.successRate());
                at.put("success_rate_all_images", b.successRateAll());
                at.put("succeeded", b.succeeded());
                at.put("median_linf", b.medianLinf());
                at.put("median_l2", b.medianL2());
                at.put("median_pixels_changed", b.medianPixelsChanged());
                curveJson.put(Integer.toString(b.steps()), at);
            }
            out.put("curve", curveJson);
            return out;
        }
    }

    /**
     * Reads a run of {@link Attack#untilSuccess} (to at least the largest budget) at each budget.
     *
     * @param clean          the clean images the attack started from
     * @param labels         their true classes
     * @param cleanPredicted the model's predictions on the clean images
     * @param budgets        step budgets, ascending, the largest at most the run's steps
     */
    public static Summary summarize(Attack.Result result, double[][] clean, int[] labels, int[] cleanPredicted,
                                    int[] budgets) {
        int n = clean.length;
        if (labels.length != n || cleanPredicted.length != n || result.success().length != n) {
            throw new IllegalArgumentException("a summary needs one label, clean prediction and result per image");
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += cleanPredicted[i] == labels[i] ? 1 : 0;
        }
        List<Budget> curve = new ArrayList<>();
        for (int b : budgets) {
            List<Double> linf = new ArrayList<>(), l2 = new ArrayList<>(), pixels = new ArrayList<>();
            int succeededAll = 0;
            for (int i = 0; i < n; i++) {
                if (!result.success()[i] || result.steps()[i] > b) {
                    continue;
                }
                succeededAll++;
                if (cleanPredicted[i] != labels[i]) {
                    continue;
                }
                linf.add(Attack.linf(result.adversarial()[i], clean[i]));
                l2.add(Attack.l2(result.adversarial()[i], clean[i]));
                pixels.add((double) Attack.pixelsChanged(result.adversarial()[i], clean[i]));
            }
            curve.add(new Budget(b, correct == 0 ? Double.NaN : (double) linf.size() / correct,
                    n == 0 ? Double.NaN : (double) succeededAll / n, linf.size(),
                    median(linf), median(l2), median(pixels)));
        }
        return new Summary(n, correct, List.copyOf(curve));
    }

    /** The median (the mean of the two middle values for an even count); NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
