package org.topolayer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** topolayer-nd4j reaches the JDK, ND4J's API and topolayer-core only: no backend, no DL4J, no applications. */
class ModuleBoundariesTest {
    @Test
    void nd4jModuleReachesOnlyNd4jAndCore() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.topolayer.layer", "org.topolayer.loss", "org.topolayer.nn");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.nd4j..", "org.topolayer..")
                .andShould().onlyDependOnClassesThat()
                .resideOutsideOfPackages("org.topolayer.apps..", "org.topolayer.cli..", "org.topolayer.plot..",
                        "org.topolayer.data..", "org.topolayer.config..", "org.topolayer.spark..")
                .check(classes);
    }
}
