package kz.aifc.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The contract knows no framework, no service and not the platform; its packages have no cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kz.aifc.contract");

    @Test
    void shouldKnowNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..",
                "org.eclipse.microprofile..", "io.vertx..", "org.hibernate..", "io.micrometer..")
                .because("a firm integrates against the contract without Quarkus").check(CLASSES);
    }

    @Test
    void shouldKnowNoServiceNorThePlatform() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("kz.aifc.platform..", "kz.aifc.capital..",
                "kz.aifc.aml..", "kz.aifc.licensing..", "kz.aifc.notification..", "kz.aifc.simulator..")
                .because("the services depend on the contract, never the other way round").check(CLASSES);
    }

    @Test
    void shouldHaveNoImportCyclesBetweenPackages() {
        slices().matching("kz.aifc.contract.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
