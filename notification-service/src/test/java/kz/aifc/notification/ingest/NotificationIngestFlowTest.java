package kz.aifc.notification.ingest;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.PlatformEndpointsContract;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class NotificationIngestFlowTest extends PlatformEndpointsContract {

    private static final String RAISED = """
            {"alertId":"CAP-001:F-0001:2026-11-20","firmId":"F-0001","duty":"CAPITAL","ruleId":"CAP-001",
             "rulebookVersion":"2026.1","citation":"AIFC PRU(INV) 6.5; DAA 3.2","severity":"CRITICAL",
             "title":"Capital resources below requirement",
             "detail":"Capital resources USD 240,000.00 are below the requirement of USD 250,000.00 (96.0%).",
             "evidence":{"capitalResources":"240000.00","requirement":"250000.00"},
             "causedBy":["urn:firm/1"],"detectedAt":"2026-11-20T17:00:03+05:00",
             "regulatoryDeadline":"2026-11-23T18:00:00+05:00",
             "deadlineBasis":"Notify AFSA within 1 business day (PRU(INV) 6.5)",
             "links":{"report":"/firms/F-0001/reports/capital-breach-notice/CAP-001:F-0001:2026-11-20"}}""";

    @Inject
    DataSource db;

    NotificationIngestFlowTest() {
        super("notification-service");
    }

    @Test
    void shouldParkAlertWithUnknownSeverityOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.COMPLIANCE_ALERTS, EventTypes.ALERT_RAISED, "F-0001",
                RAISED.replace("\"CRITICAL\"", "\"APOCALYPTIC\""), "severity", RAISED);
    }

    @Test
    void shouldApplyAnAlertResolvedEventOnTheSameChannel() {
        String resolved = """
                {"alertId":"CAP-001:F-0001:2026-11-20","firmId":"F-0001","resolvedAt":"2026-11-21T09:00:00+05:00",
                 "reason":"Later snapshot restores capital"}""";
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.COMPLIANCE_ALERTS, EventTypes.ALERT_RESOLVED,
                "F-0001", resolved.replace("\"resolvedAt\":\"2026-11-21T09:00:00+05:00\"", "\"resolvedAt\":\"yesterday\""),
                "resolvedAt", resolved);
    }
}
