package kz.aifc.capital.api;

import static kz.aifc.platform.security.Roles.ADMIN;
import static kz.aifc.platform.security.Roles.COMPLIANCE_OFFICER;
import static kz.aifc.platform.security.Roles.FIRM_REPORTER;
import static kz.aifc.platform.security.Roles.MLRO;
import static kz.aifc.platform.security.Roles.REGULATOR;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.SecurityWalk;

/** Who may call what (contract/README.md, roles), walked over every operation with every kind of caller. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_capital_test"))
class SecurityWalkTest {

    @TestFactory
    Stream<DynamicTest> everyOperationGrantsExactlyItsRoles() {
        return SecurityWalk.of(Map.of("alertId", "CAP-001:F-0001:2026-12-01"))
                .grants("GET /firms/{firmId}/capital", FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /firms/{firmId}/reports/capital-breach-notice/{alertId}", FIRM_REPORTER,
                        COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /firms/{firmId}/reports/quarterly", FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR,
                        ADMIN)
                .grants("GET /audit/verify", ADMIN, REGULATOR)
                .anyToken("GET /rulebook")
                .tests();
    }
}
