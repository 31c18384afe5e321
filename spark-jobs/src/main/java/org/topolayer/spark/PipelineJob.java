package org.topolayer.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.topolayer.data.DatasetChoice;
import org.topolayer.spark.attack.AttackJob;
import org.topolayer.spark.output.JobSummary;
import org.topolayer.spark.persistence.PersistenceJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main-job pipeline of the README: the persistence job on the whole dataset (Fashion-MNIST when
 * Debian's package is installed, else the synthetic images), then a short FGSM evaluation, in one
 * Spark session, printing where the outputs are.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Persistence job on the whole dataset, then a short attack evaluation.")
public final class PipelineJob extends SparkJob {
    @Option(names = {"--input", "--data"}, defaultValue = DatasetChoice.DEFAULT,
            description = "mnist, fashion-mnist (else synthetic when not installed), synthetic or an IDX directory;"
                    + " --data is the same option (default: ${DEFAULT-VALUE})")
    String input;

    @Option(names = "--output-dir", defaultValue = "topo-output", description = "where both outputs go")
    Path outputDir;

    @Option(names = "--attack-samples", defaultValue = "200", description = "samples attacked")
    int attackSamples;

    @Override
    protected String appName() {
        return "topolayer pipeline";
    }

    @Override
    protected void checkOptions() {
        if (attackSamples < 1) {
            throw new IllegalArgumentException("--attack-samples must be ≥ 1");
        }
    }

    @Override
    public JobSummary run(SparkSession spark) throws Exception {
        PersistenceJob persistence = new PersistenceJob();
        new CommandLine(persistence).parseArgs("--input", input, "--output", outputDir.resolve("persistence")
                .toString(), "--overwrite");
        JobSummary features = persistence.run(spark);
        AttackJob attack = new AttackJob();
        new CommandLine(attack).parseArgs("--input", input, "--train-samples", "2000", "--eval-samples",
                Integer.toString(attackSamples), "--output", outputDir.resolve("attack").toString(), "--overwrite");
        JobSummary robustness = attack.run(spark);
        System.err.println("persistence output: " + features.get("output") + " (" + features.get("samples")
                + " samples, " + Math.round((Double) features.get("samples_per_second")) + " samples/s)");
        System.err.println("attack output:      " + robustness.get("output") + " (accuracy by eps "
                + robustness.get("accuracy_by_eps") + ")");
        return new JobSummary().put("job", "pipeline").put("persistence", features.figures())
                .put("attack", robustness.figures());
    }
}
