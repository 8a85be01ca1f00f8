package kz.aifc.licensing;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import kz.aifc.testing.HouseRules;

/** licensing-service reads like its duty: packages without cycles, plain-Java rules, stores without transport, no other service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kz.aifc.licensing");

    @Test
    void shouldHaveNoImportCyclesBetweenPackages() {
        HouseRules.noPackageCycles("kz.aifc.licensing").check(CLASSES);
    }

    @Test
    void shouldKeepTheRulesFreeOfFrameworks() {
        HouseRules.rulesUseNoFramework("kz.aifc.licensing").check(CLASSES);
    }

    @Test
    void shouldKeepTheStoresFreeOfTransport() {
        HouseRules.storesKnowNoTransport("kz.aifc.licensing").check(CLASSES);
    }

    @Test
    void shouldMeetOtherServicesOnlyOnKafka() {
        HouseRules.meetsOtherServicesOnlyOnKafka("licensing").check(CLASSES);
    }
}
