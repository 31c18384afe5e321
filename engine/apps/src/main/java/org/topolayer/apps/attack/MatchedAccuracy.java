package org.topolayer.apps.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;

/**
 * A pixel MLP made as accurate as another model, and no more: the comparison the adversarial
 * experiment needs, since a weaker classifier can be easier or harder to fool for reasons that
 * have nothing to do with topology. The MLP is trained (same architecture and epochs each time)
 * on the first n images of a training pool, n chosen so that its accuracy on held-out training
 * images (the last {@code validation} of the training set, never in the pool, never test images)
 * is nearest the target: n doubles from {@link #FIRST} until the accuracy reaches the target,
 * then bisection between the last two sizes, at most {@link #BISECTIONS} times or until within
 * half the tolerance.
 *
 * <p>Accuracy is not strictly monotone in n, and the held-out accuracy is not the test accuracy:
 * the caller reports the test accuracy of the result beside the target and whether it lies
 * within the tolerance.
 */
final class MatchedAccuracy {
    static final int FIRST = 16;
    static final int BISECTIONS = 6;

    private MatchedAccuracy() {}

    /** One trained candidate. */
    record Candidate(int samples, double validationAccuracy, NetworkClassifier model) {
    }

    /** The candidate nearest the target and every candidate tried (in order). */
    record Match(Candidate best, List<Candidate> tried) {
        Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("training_images", best.samples());
            out.put("validation_accuracy", best.validationAccuracy());
            Map<String, Object> all = new LinkedHashMap<>();
            for (Candidate c : tried) {
                all.put(Integer.toString(c.samples()), c.validationAccuracy());
            }
            out.put("validation_accuracy_by_training_images", all);
            return out;
        }
    }

    /**
     * @param train      the training set; its last {@code validation} images are held out
     * @param target     the accuracy to match
     * @param tolerance  the accepted distance to the target (the search stops within half of it)
     */
    static Match train(ImageDataset train, int validation, double target, double tolerance, int[] hidden,
                       NetworkClassifier.Training training, long seed, Consumer<String> log) {
        int pool = train.size() - validation;
        if (validation < 1 || pool < FIRST) {
            throw new IllegalArgumentException("matching an accuracy needs at least " + FIRST + " training images and"
                    + " 1 held out, got " + train.size() + " with " + validation + " held out");
        }
        double[][] heldOut = Arrays.copyOfRange(train.images(), pool, train.size());
        int[] heldOutLabels = Arrays.copyOfRange(train.labels(), pool, train.size());
        List<Candidate> tried = new ArrayList<>();
        java.util.function.IntFunction<Candidate> fit = n -> {
            NetworkClassifier mlp = NetworkClassifier.mlp(train.pixels(), hidden, train.classNames().length, seed);
            mlp.fit(Arrays.copyOf(train.images(), n), Arrays.copyOf(train.labels(), n), training,
                    NetworkClassifier.Progress.SILENT);
            Candidate c = new Candidate(n, mlp.accuracy(heldOut, heldOutLabels), mlp);
            log.accept(String.format(java.util.Locale.ROOT, "  %d training images: held-out accuracy %.4f (target %.4f)",
                    n, c.validationAccuracy(), target));
            tried.add(c);
            return c;
        };
        int below = 0, above = -1;
        for (int n = FIRST; ; n = Math.min(pool, 2 * n)) {
            Candidate c = fit.apply(n);
            if (c.validationAccuracy() >= target) {
                above = n;
                break;
            }
            below = n;
            if (n == pool) {
                break;
            }
        }
        for (int k = 0; k < BISECTIONS && above > 0 && above - below > 1
                && Math.abs(nearest(tried, target).validationAccuracy() - target) > tolerance / 2; k++) {
            int mid = (below + above) / 2;
            if (mid <= below || mid >= above) {
                break;
            }
            Candidate c = fit.apply(mid);
            if (c.validationAccuracy() >= target) {
                above = mid;
            } else {
                below = mid;
            }
        }
        return new Match(nearest(tried, target), List.copyOf(tried));
    }

    private static Candidate nearest(List<Candidate> tried, double target) {
        Candidate best = tried.get(0);
        for (Candidate c : tried) {
            if (Math.abs(c.validationAccuracy() - target) < Math.abs(best.validationAccuracy() - target)) {
                best = c;
            }
        }
        return best;
    }
}
