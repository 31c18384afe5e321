package org.topolayer.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** topolayer-data reaches the JDK and topolayer-core only (the Spark persistence job relies on it). */
class ModuleBoundariesTest {
    @Test
    void dataReachesOnlyTheJdkAndTheCore() {
        classes().that().resideInAPackage("org.topolayer.data..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.topolayer.data..", "org.topolayer.io..",
                        "org.topolayer.util..")
                .because("topolayer-data depends on topolayer-core's I/O only")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.topolayer"));
    }
}
