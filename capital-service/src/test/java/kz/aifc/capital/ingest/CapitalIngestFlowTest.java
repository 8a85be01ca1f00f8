package kz.aifc.capital.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_capital_test"))
class CapitalIngestFlowTest extends PlatformEndpointsContract {

    private static final String SNAPSHOT = """
            {"firmId":"F-0001","asOf":"2026-11-20T17:00:00+05:00","currency":"USD","usdRate":"1",
             "capital":{"paidUpShareCapital":"400000.00","sharePremium":"0","auditedRetainedEarnings":"120000.00",
              "otherReserves":"0","interimLosses":"30000.00","intangibleAssets":"50000.00",
              "deferredTaxAssets":"0","otherDeductions":"0"},
             "liquidAssets":"180000.00","annualOperatingExpenditure":"600000.00","capitalReductionApprovalRef":null}""";

    @Inject
    DataSource db;

    CapitalIngestFlowTest() {
        super("capital-service");
    }

    @Test
    void shouldParkMalformedSnapshotOnDlqAndApplyTheNextOneOnce() {
        String negative = SNAPSHOT.replace("\"liquidAssets\":\"180000.00\"", "\"liquidAssets\":\"-5\"");
        IngestFlow.assertMalformedParkedAndNextApplied(db, "inbound_event", Topics.CAPITAL_SNAPSHOTS,
                EventTypes.CAPITAL_SNAPSHOT, "F-0001", negative, "liquidAssets", SNAPSHOT, this::snapshotsKept);
    }

    @Test
    void shouldApplyAPollAroundAPoisonSnapshotExactlyOnce() {
        List<String> good = IntStream.range(0, 8).mapToObj(i -> SNAPSHOT.replace("2026-11-20T17:00:00+05:00",
                "2026-11-21T09:0" + i + ":00+05:00")).toList();
        IngestFlow.assertPoisonInPollParkedAndOthersAppliedOnce(db, "inbound_event", Topics.CAPITAL_SNAPSHOTS,
                EventTypes.CAPITAL_SNAPSHOT, "F-0001", SNAPSHOT.replace("\"liquidAssets\":\"180000.00\"", "\"liquidAssets\":\"-5\""),
                "liquidAssets", good, this::snapshotsKept);
    }

    @Test
    void shouldParkLicenceEventOfUnknownActivityOnDlqAndApplyTheNextOne() {
        String licence = """
                {"firmId":"F-0001","firmName":"Steppe Digital Ltd","licenceNumber":"AFSA-A-LA-2026-0001",
                 "status":"ACTIVE","activities":["DEALING_AS_PRINCIPAL"],"effectiveFrom":"2026-01-15","conditions":[]}""";
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.LICENCES, EventTypes.LICENCE_CHANGED, "F-0001",
                licence.replace("DEALING_AS_PRINCIPAL", "DEALING_IN_TULIPS"), "activities", licence);
    }

    @Test
    void shouldApplyTheLaneFirmsSnapshotAndParkAnotherFirmsWithFirmMismatch() {
        IngestFlow.assertLaneSpeaksOnlyForItsFirm(db, "inbound_event", Topics.CAPITAL_SNAPSHOTS,
                EventTypes.CAPITAL_SNAPSHOT, SNAPSHOT.replace("\"F-0001\"", "\"" + IngestFlow.LANE_FIRM + "\""));
    }

    /** The effect of a snapshot event: one row of the firm's snapshot history. */
    private int snapshotsKept() {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from capital_snapshot where firm_id = 'F-0001'");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
