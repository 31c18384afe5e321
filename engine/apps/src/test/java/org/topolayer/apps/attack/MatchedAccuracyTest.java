package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;

/** The search for a pixel MLP at a target accuracy: doubling, then bisection, then the nearest. */
class MatchedAccuracyTest {
    private static final ImageDataset TRAIN = SyntheticImages.generate(400, 31);

    @Test
    void searchesByDoublingThenBisectionAndKeepsTheNearest() {
        List<String> lines = new ArrayList<>();
        NetworkClassifier.Training training = new NetworkClassifier.Training(4, 32, 3e-3, 7);
        MatchedAccuracy.Match match = MatchedAccuracy.train(TRAIN, 100, 0.5, 0.02, new int[] {16}, training, 7, lines::add);
        List<Integer> sizes = match.tried().stream().map(MatchedAccuracy.Candidate::samples).toList();
        assertEquals(16, sizes.get(0));
        int firstAbove = -1;
        for (int k = 0; k < sizes.size(); k++) {
            if (match.tried().get(k).validationAccuracy() >= 0.5) {
                firstAbove = k;
                break;
            }
        }
        assertTrue(firstAbove >= 0, "the synthetic classes are learnable: " + sizes + " " + lines);
        for (int k = 1; k <= firstAbove; k++) {
            assertEquals(Math.min(300, 2 * sizes.get(k - 1)), sizes.get(k), "doubling " + sizes);
        }
        for (int k = firstAbove + 1; k < sizes.size(); k++) {
            assertTrue(sizes.get(k) < sizes.get(firstAbove), "bisection below the first size that reached " + sizes);
        }
        assertTrue(sizes.size() - firstAbove - 1 <= MatchedAccuracy.BISECTIONS);
        for (MatchedAccuracy.Candidate c : match.tried()) {
            assertTrue(Math.abs(match.best().validationAccuracy() - 0.5) <= Math.abs(c.validationAccuracy() - 0.5));
            assertTrue(c.samples() <= 300, "never a held-out image: " + c.samples());
        }
        assertEquals(sizes.size(), lines.size());
        assertThrows(IllegalArgumentException.class, () -> MatchedAccuracy.train(TRAIN, 390, 0.5, 0.02, new int[] {4},
                training, 1, s -> { }));
    }
}
