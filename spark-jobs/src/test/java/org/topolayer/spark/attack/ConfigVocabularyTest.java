package org.topolayer.spark.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.topolayer.apps.attack.AttackConfig;
import org.topolayer.config.Config;
import picocli.CommandLine;

/**
 * {@code topo attack} (conf/topo-attack.properties) and the attack job (conf/attack.properties)
 * spell the settings they share the same way: a key of topo attack is the job's option name, or
 * that name scoped to one part of the experiment ({@code topmodel.epochs} is the job's
 * {@code epochs} for the TopModel).
 */
class ConfigVocabularyTest {
    private static final Set<String> JOB = new CommandLine(new AttackJob()).getCommandSpec().options().stream()
            .map(o -> o.longestName().replaceFirst("^--", "")).collect(Collectors.toSet());
    private static final Set<String> TOPO = AttackConfig.KEYS.stream().map(Config.Key::name)
            .collect(Collectors.toSet());

    @Test
    void sharedSettingsHaveOneName() {
        for (String key : List.of("train-samples", "eval-samples", "eps", "steps", "step-factor", "directions",
                "darkness", "topk", "extent", "intensity")) {
            assertTrue(JOB.contains(key), "the attack job has no option --" + key);
            assertTrue(TOPO.contains(key), "topo attack has no key " + key);
        }
        for (String scoped : List.of("topmodel.hidden", "topmodel.epochs", "topmodel.batch", "topmodel.learning-rate",
                "pixel.epochs", "pixel.batch", "pixel.learning-rate", "pixel-mlp.hidden")) {
            assertTrue(TOPO.contains(scoped), "topo attack has no key " + scoped);
            String base = scoped.substring(scoped.indexOf('.') + 1);
            assertTrue(JOB.contains(base), scoped + " scopes --" + base + ", which the attack job lacks");
        }
    }

    @Test
    void topoAttackUsesNoOldSpelling() {
        for (String old : List.of("train", "images", "pgd.steps", "pgd.step-factor", "features.directions",
                "topmodel.lr", "pixel.lr", "save.models", "nd4j.threads", "eps.l2")) {
            assertTrue(!TOPO.contains(old), "topo attack still has the key " + old);
        }
    }
}
