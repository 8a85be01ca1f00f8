package kz.aifc.aml.api;

import static kz.aifc.platform.security.Roles.ADMIN;
import static kz.aifc.platform.security.Roles.COMPLIANCE_OFFICER;
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
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class SecurityWalkTest {

    @TestFactory
    Stream<DynamicTest> everyOperationGrantsExactlyItsRoles() {
        return SecurityWalk.of(Map.of("caseId", "CASE-WALK-1"))
                .grants("GET /firms/{firmId}/cases", MLRO, REGULATOR)
                .grants("GET /cases/{caseId}", MLRO, REGULATOR)
                .grants("GET /cases/{caseId}/str-draft", MLRO, REGULATOR)
                .grants("GET /cases/{caseId}/afsa-notice", MLRO, REGULATOR)
                .grants("POST /cases/{caseId}/decision", MLRO)
                .grants("GET /firms/{firmId}/afsa-notices", MLRO, REGULATOR)
                .grants("POST /cases/{caseId}/afsa-notice/sent", MLRO)
                .grants("GET /firms/{firmId}/reports/threshold", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /firms/{firmId}/reports/annual-aml-return", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /audit/verify", ADMIN, REGULATOR)
                .anyToken("GET /rulebook")
                .tests();
    }
}
