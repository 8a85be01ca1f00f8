package kz.aifc.aml;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import kz.aifc.testing.HouseRules;

/** aml-service reads like its duty: packages without cycles, plain-Java rules, stores without transport, no other service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kz.aifc.aml");

    @Test
    void shouldHaveNoImportCyclesBetweenPackages() {
        HouseRules.noPackageCycles("kz.aifc.aml").check(CLASSES);
    }

    @Test
    void shouldKeepTheRulesFreeOfFrameworks() {
        HouseRules.rulesUseNoFramework("kz.aifc.aml").check(CLASSES);
    }

    @Test
    void shouldKeepTheStoresFreeOfTransport() {
        HouseRules.storesKnowNoTransport("kz.aifc.aml").check(CLASSES);
    }

    @Test
    void shouldMeetOtherServicesOnlyOnKafka() {
        HouseRules.meetsOtherServicesOnlyOnKafka("aml").check(CLASSES);
    }
}
