package kz.aifc.licensing.api;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class SecurityWalkTest {

    @TestFactory
    Stream<DynamicTest> everyOperationGrantsExactlyItsRoles() {
        return SecurityWalk.of(Map.of("id", "N-WALK-1"))
                .grants("POST /licences", ADMIN)
                .grants("PUT /licences/{firmId}", ADMIN)
                .grants("GET /firms/{firmId}/licence", FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /firms/{firmId}/fit-and-proper", FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR,
                        ADMIN)
                .grants("GET /firms/{firmId}/notifications", FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR,
                        ADMIN)
                .grants("GET /firms/{firmId}/notifications/{id}", FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR,
                        ADMIN)
                .grants("GET /audit/verify", ADMIN, REGULATOR)
                .anyToken("GET /rulebook")
                .tests();
    }
}
