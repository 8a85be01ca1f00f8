package kz.aifc.notification.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * The escalation clock as it runs, on its schedule, at the rulebook's real threshold (ESC-001: a CRITICAL alert nobody
 * acknowledged for 30 minutes), not a test override: an alert first seen 31 minutes ago is escalated by the next tick,
 * one seen now is not.
 */
@QuarkusTest
@TestProfile(EscalationClockFlowTest.RulebookThreshold.class)
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class EscalationClockFlowTest {

    /** The rulebook's ESC-001 threshold in force: the test profile's short override is switched off. */
    public static class RulebookThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aifc.escalation.critical-unacknowledged-after", "");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @Inject
    EscalationPolicy policy;

    @Test
    @DisplayName("ESC-001 on its schedule: unacknowledged for 31 minutes escalates, for a few seconds does not")
    void shouldEscalateACriticalAlertUnacknowledgedForThirtyMinutesAndNotAFreshOne() throws SQLException {
        assertThat(policy.criticalUnacknowledgedFor()).as("the rulebook's ESC-001").isEqualTo(Duration.ofMinutes(30));
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String fresh = AlertEvents.newAlertId("CAP-001", firm);
        String old = AlertEvents.newAlertId("AML-001", firm);
        AlertEvents.raise(fresh, firm, "CRITICAL");
        AlertEvents.raise(old, firm, "CRITICAL");
        await().atMost(WAIT).until(() -> alert(firm, fresh) != null && alert(firm, old) != null);

        firstSeen(old, Duration.ofMinutes(31));

        await().atMost(WAIT).until(() -> "CRITICAL_UNACKNOWLEDGED".equals(alert(firm, old).getString("escalationReason")));
        // The tick that escalated the old alert looked at the fresh one too (stored before the old one was back-dated).
        assertThat(alert(firm, fresh).getString("escalationReason")).isNull();
        assertThat(alert(firm, fresh).getString("status")).isEqualTo("OPEN");
    }

    private JsonPath alert(String firm, String alertId) {
        var response = given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/alerts/{id}", alertId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    /** What 31 minutes of nobody acknowledging leave behind: the desk first saw the alert that long ago. */
    private void firstSeen(String alertId, Duration ago) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "update alert set first_seen_at = now() - make_interval(secs => ?) where alert_id = ?")) {
            q.setLong(1, ago.toSeconds());
            q.setString(2, alertId);
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
    }
}
