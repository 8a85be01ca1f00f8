package kz.aifc.notification.api;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class SecurityWalkTest {

    @TestFactory
    Stream<DynamicTest> everyOperationGrantsExactlyItsRoles() {
        return SecurityWalk.of(Map.of("alertId", "CAP-001:F-0001:2026-12-01", "id", "WALK-1", "firmId", "F-0001"))
                .grants("GET /alerts", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /alerts/stream", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .streaming("GET /alerts/stream")
                .grants("GET /alerts/export", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /alerts/{alertId}", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /alerts/{alertId}/timeline", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("POST /alerts/{alertId}/acknowledge", COMPLIANCE_OFFICER, MLRO, ADMIN)
                .grants("POST /alerts/{alertId}/resolve", COMPLIANCE_OFFICER, MLRO, ADMIN)
                .grants("POST /subscriptions", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /subscriptions", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("DELETE /subscriptions/{id}", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /subscriptions/{id}/deliveries", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("POST /subscriptions/{id}/pause", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("POST /subscriptions/{id}/resume", COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN)
                .grants("GET /firms/{firmId}/mail-recipients", ADMIN)
                .grants("PUT /firms/{firmId}/mail-recipients", ADMIN)
                .grants("GET /firms/{firmId}/mail-deliveries", ADMIN)
                .grants("GET /audit/verify", ADMIN, REGULATOR)
                .anyToken("GET /rulebook")
                .anyToken("GET /upstream/{service}/{path}")
                .anyToken("POST /upstream/{service}/{path}")
                .anyToken("GET /login")
                .open("GET /me")
                .open("GET /config.json")
                .tests();
    }
}
