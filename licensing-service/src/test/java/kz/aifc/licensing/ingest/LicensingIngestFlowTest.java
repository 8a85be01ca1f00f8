package kz.aifc.licensing.ingest;

import java.util.List;
import java.util.stream.IntStream;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class LicensingIngestFlowTest extends PlatformEndpointsContract {

    private static final String STAFF = """
            {"firmId":"F-0001","personId":"P-7","fullName":"Aigerim Example","change":"APPOINTED","roles":["MLRO"],
             "afsaApproval":"APPROVED","residentInKazakhstan":true,"seniority":"SENIOR_MANAGER","disclosure":null,
             "effectiveDate":"2026-11-20"}""";

    private static final String CONTROLLER = """
            {"firmId":"F-0001","controllerId":"K-3","name":"Steppe Holdings","type":"LEGAL","previousHoldingPct":"8.0",
             "newHoldingPct":"12.5","afsaApproval":"NONE","sourceOfWealthEvidence":false,"effectiveDate":"2026-11-20"}""";

    @Inject
    DataSource db;

    LicensingIngestFlowTest() {
        super("licensing-service");
    }

    @Test
    void shouldParkStaffChangeWithUnknownRoleOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.STAFF_CHANGES, EventTypes.STAFF_CHANGE, "F-0001",
                STAFF.replace("[\"MLRO\"]", "[\"CHIEF_VIBES_OFFICER\"]"), "roles", STAFF);
    }

    @Test
    void shouldApplyAPollAroundAPoisonStaffChangeExactlyOnce() {
        String firm = "F-POLL-" + System.nanoTime();
        String staff = STAFF.replace("F-0001", firm).replace("\"MLRO\"", "\"COMPLIANCE_OFFICER\"");
        List<String> good = IntStream.range(0, 8).mapToObj(i -> staff.replace("P-7", "P-10" + i)).toList();
        IngestFlow.assertPoisonInPollParkedAndOthersAppliedOnce(db, "inbound_event", Topics.STAFF_CHANGES,
                EventTypes.STAFF_CHANGE, firm, staff.replace("[\"COMPLIANCE_OFFICER\"]", "[\"CHIEF_VIBES_OFFICER\"]"),
                "roles", good, () -> IngestFlow.count(db, "select count(*) from person where firm_id = ?", List.of(firm)));
    }

    @Test
    void shouldParkControllerChangeWithoutFirmOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.CONTROLLER_CHANGES, EventTypes.CONTROLLER_CHANGE,
                "F-0001", CONTROLLER.replace("\"firmId\":\"F-0001\",", ""), "firmId", CONTROLLER);
    }

    @Test
    void shouldApplyTheLaneFirmsStaffChangeAndParkAnotherFirmsWithFirmMismatch() {
        IngestFlow.assertLaneSpeaksOnlyForItsFirm(db, "inbound_event", Topics.STAFF_CHANGES, EventTypes.STAFF_CHANGE,
                STAFF.replace("\"F-0001\"", "\"" + IngestFlow.LANE_FIRM + "\""));
    }

    @Test
    void shouldApplyTheLaneFirmsControllerChangeAndParkAnotherFirmsWithFirmMismatch() {
        IngestFlow.assertLaneSpeaksOnlyForItsFirm(db, "inbound_event", Topics.CONTROLLER_CHANGES,
                EventTypes.CONTROLLER_CHANGE, CONTROLLER.replace("\"F-0001\"", "\"" + IngestFlow.LANE_FIRM + "\""));
    }
}
