package org.topolayer.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Spark jobs' dependency rules: no command-line code; the persistence job and transformers stay
 * off ND4J and the applications, directly or through the packages they use.
 */
class ModuleBoundariesTest {
    private static final JavaClasses TOPOLAYER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.topolayer");
    private static final JavaClasses SPARK = TOPOLAYER.that(
            com.tngtech.archunit.base.DescribedPredicate.describe("in org.topolayer.spark",
                    c -> c.getPackageName().startsWith("org.topolayer.spark")));

    @Test
    void sparkJobsImportNothingFromTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.topolayer.cli..", "org.topolayer.bench..")
                .check(SPARK);
    }

    @Test
    void persistenceJobAndTransformersUseTheCoreOnly() {
        // transitive: through the shared io/output packages too, so a helper cannot smuggle ND4J in
        noClasses().that().resideInAnyPackage("org.topolayer.spark.persistence..", "org.topolayer.spark.ml..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.topolayer.layer..",
                        "org.topolayer.loss..", "org.topolayer.nn..", "org.topolayer.apps..", "org.topolayer.plot..",
                        "org.topolayer.config..", "org.nd4j..", "org.deeplearning4j..", "org.knowm..")
                .because("they need topolayer-core and topolayer-data only")
                .check(TOPOLAYER);
    }
}
