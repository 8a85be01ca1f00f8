package kz.aifc.capital;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import kz.aifc.testing.HouseRules;

/** capital-service reads like its duty: packages without cycles, plain-Java rules, stores without transport, no other service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kz.aifc.capital");

    @Test
    void shouldHaveNoImportCyclesBetweenPackages() {
        HouseRules.noPackageCycles("kz.aifc.capital").check(CLASSES);
    }

    @Test
    void shouldKeepTheRulesFreeOfFrameworks() {
        HouseRules.rulesUseNoFramework("kz.aifc.capital").check(CLASSES);
    }

    @Test
    void shouldKeepTheStoresFreeOfTransport() {
        HouseRules.storesKnowNoTransport("kz.aifc.capital").check(CLASSES);
    }

    @Test
    void shouldMeetOtherServicesOnlyOnKafka() {
        HouseRules.meetsOtherServicesOnlyOnKafka("capital").check(CLASSES);
    }
}
