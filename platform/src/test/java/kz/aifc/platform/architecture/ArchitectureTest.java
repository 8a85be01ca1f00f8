package kz.aifc.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import kz.aifc.testing.HouseRules;

/** The platform's packages without cycles, its rule kit plain Java, and no service known to it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kz.aifc.platform");

    @Test
    void shouldHaveNoImportCyclesBetweenPackages() {
        HouseRules.noPackageCycles("kz.aifc.platform").check(CLASSES);
    }

    @Test
    void shouldKeepTheRuleKitFreeOfFrameworks() {
        HouseRules.rulesUseNoFramework("kz.aifc.platform").check(CLASSES);
    }

    @Test
    void shouldKnowNoService() {
        noClasses().that().resideInAPackage("kz.aifc.platform..").should().dependOnClassesThat()
                .resideInAnyPackage("kz.aifc.capital..", "kz.aifc.aml..", "kz.aifc.licensing..",
                        "kz.aifc.notification..", "kz.aifc.simulator..")
                .because("the platform serves every service and depends on none").check(CLASSES);
    }
}
