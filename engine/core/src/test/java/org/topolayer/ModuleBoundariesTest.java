package org.topolayer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** topolayer-core is plain Java: it reaches nothing but the JDK, and its internals stay inside persistence. */
class ModuleBoundariesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.topolayer");

    @Test
    void coreReachesOnlyTheJdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.topolayer..")
                .because("topolayer-core has no third-party runtime dependency (no ND4J, picocli or plotting)")
                .check(CORE);
    }

    @Test
    void persistenceInternalsAreUsedOnlyByThePersistenceAlgorithms() {
        noClasses().that().resideOutsideOfPackage("org.topolayer.persistence..")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("org.topolayer.persistence.DiagramCollector")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.topolayer.persistence.ElderUnionFind")
                .because("they are shared by the algorithm packages, not API")
                .check(CORE);
    }
}
