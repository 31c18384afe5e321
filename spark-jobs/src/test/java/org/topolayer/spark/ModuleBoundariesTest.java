package org.topolayer.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Spark jobs' dependency rules: no command-line code; the persistence job and transformers stay off ND4J and the applications. */
class ModuleBoundariesTest {
    private static final JavaClasses SPARK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.topolayer.spark");

    @Test
    void sparkJobsImportNothingFromTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.topolayer.cli..", "org.topolayer.bench..")
                .check(SPARK);
    }

    @Test
    void persistenceJobAndTransformersUseTheCoreOnly() {
        noClasses().that().resideInAnyPackage("org.topolayer.spark.persistence..", "org.topolayer.spark.ml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.topolayer.layer..", "org.topolayer.loss..",
                        "org.topolayer.nn..", "org.topolayer.apps..", "org.topolayer.plot..", "org.topolayer.data..",
                        "org.nd4j..", "org.deeplearning4j..")
                .check(SPARK);
    }
}
