package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.output.JobSummary;

@Tag("slow") // the adversarial pipeline end to end on local Spark (verify only)
class AdversarialJobTest {
    @TempDir
    Path tmp;

    private JobSummary run(Path out, String... more) throws Exception {
        String[] args = {"--input", "synthetic", "--model", "pixel-mlp", "--train-samples", "40", "--eval-samples", "8",
            "--steps", "3", "--batch-size", "8", "--eps", "0.05", "--attack-steps", "2", "--train-attack-steps", "2",
            "--output-dir", out.toString()};
        return LocalSpark.run(new AdversarialJob(), LocalSpark.with(args, more));
    }

    @Test
    void aRerunReusesTheTrainingsOnlyWithTheSameOptions() throws Exception {
        Path out = tmp.resolve("adv");
        JobSummary first = run(out);
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) first.get("before");
        assertTrue(before.containsKey("clean_accuracy") && before.containsKey("accuracy_by_eps"), before.toString());
        assertTrue(Files.readString(out.resolve(AdversarialJob.OPTIONS_FILE)).contains("--train-eps 0.05\n"));

        // the same trainings (another evaluation protocol): both resume at their last step, retraining nothing
        JobSummary again = run(out, "--eps", "0.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> training = (Map<String, Object>) again.get("training");
        assertEquals(Map.of("baseline", 3L, "adversarial", 3L), training.get("resumed_at_step"));
        assertEquals(((Map<?, ?>) first.get("after")).get("clean_accuracy"),
                ((Map<?, ?>) again.get("after")).get("clean_accuracy"), "the same adversarially trained classifier");

        BadJobInputException e = assertThrows(BadJobInputException.class, () -> run(out, "--train-eps", "0.1"));
        assertEquals("--output-dir " + out + " holds the trainings of a run with other options (--train-eps was"
                + " 0.05, is 0.1): rerun with that run's options to reuse them, or give a fresh --output-dir",
                e.getMessage());
    }
}
