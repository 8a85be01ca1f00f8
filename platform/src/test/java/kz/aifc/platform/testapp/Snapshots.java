package kz.aifc.platform.testapp;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/** Capital snapshots as a firm's system sends them: the consumed event type of the test application. */
public final class Snapshots {

    /** A valid snapshot for firm F-0001. */
    public static final String JSON = """
            {"firmId":"F-0001","asOf":"2026-11-20T17:00:00+05:00","currency":"USD","usdRate":"1",
             "capital":{"paidUpShareCapital":"400000.00","sharePremium":"0","auditedRetainedEarnings":"120000.00",
              "otherReserves":"0","interimLosses":"30000.00","intangibleAssets":"50000.00",
              "deferredTaxAssets":"0","otherDeductions":"0"},
             "liquidAssets":"180000.00","annualOperatingExpenditure":"600000.00","capitalReductionApprovalRef":null}""";

    public static final String FIRM = "F-0001";

    private Snapshots() {
    }

    /** A new event (fresh id) carrying the valid snapshot. */
    public static CloudEvent<CapitalSnapshot> event() {
        return CloudEvent.of(IngestFlow.SOURCE, EventTypes.CAPITAL_SNAPSHOT, FIRM,
                CloudEventCodec.readPayload(JSON, CapitalSnapshot.class));
    }

    /** Sends the valid snapshot under CloudEvents id {@code id} to the run's snapshot topic; answers its event key. */
    public static String send(String id) {
        TestKafka.send(LocalStackResource.topic(Topics.CAPITAL_SNAPSHOTS), FIRM,
                IngestFlow.binaryHeaders(id, EventTypes.CAPITAL_SNAPSHOT, FIRM), JSON.getBytes(StandardCharsets.UTF_8));
        return IngestFlow.SOURCE + "/" + id;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
