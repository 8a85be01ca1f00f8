package kz.aifc.aml.screening;

import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.aml.Flows;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Direction;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;

/**
 * AML-008, AML-009 and AML-011 end to end: a later screened transaction of the same customer that shows EDD completed
 * or the knowledge test passed resolves the alert (alert.resolved.v1 on the alerts topic); an earlier one does not.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class CustomerCuresFlowTest {

    @Inject
    DataSource db;

    /** A PEP customer's transaction at 10:00 without EDD; answers the AML-011 alert id, once the alert is open. */
    private String pepWithoutEddAtTen(String customer) {
        String alertId = Flows.alertId("AML-011:F-0001:" + customer);
        Flows.send(tx().customer(customer).pep(true).at("2026-11-20T10:00:00+05:00"));
        Flows.awaitAlert(db, alertId, "OPEN");
        return alertId;
    }

    @Test
    void shouldResolveThePepAlertWhenALaterTransactionShowsEddButNotOnAnEarlierOne() {
        String customer = "C-" + UUID.randomUUID();
        String alertId = pepWithoutEddAtTen(customer);

        // Delivered late: it occurred before the breach was shown, so it says nothing of the customer since.
        var earlier = Flows.send(tx().customer(customer).pep(true).edd(true).at("2026-11-20T09:00:00+05:00"));
        IngestFlow.awaitApplied(db, "aml_transaction", earlier.eventKey());
        assertThat(Flows.value(db, "select status from alert_state where alert_id = ?", alertId)).isEqualTo("OPEN");

        var later = tx().customer(customer).pep(true).edd(true).at("2026-11-20T11:00:00+05:00");
        Flows.send(later);
        Flows.awaitAlert(db, alertId, "RESOLVED");
        AlertResolved resolved = Flows.publishedResolution(alertId);
        assertThat(resolved.firmId()).isEqualTo("F-0001");
        assertThat(resolved.reason()).contains(customer).contains(later.id).contains("enhanced due diligence");
        assertThat(Flows.count(db, "select count(*) from aml_curable_alert where alert_id = ? and cured_at is not null",
                alertId)).isEqualTo(1);
        assertThat(Flows.count(db, "select count(*) from audit_log where action = 'alert.resolved' and subject = ?",
                alertId)).isEqualTo(1);
    }

    @Test
    void shouldNotRaiseACuredBreachAgainForATransactionThatOccurredBeforeTheCureButOpenItForOneAfter() {
        String customer = "C-" + UUID.randomUUID();
        String alertId = pepWithoutEddAtTen(customer);
        Flows.send(tx().customer(customer).pep(true).edd(true).at("2026-11-20T11:00:00+05:00"));
        Flows.awaitAlert(db, alertId, "RESOLVED");

        // Delivered late: it shows the breach as it was at 10:30, already reported and cured since.
        var late = Flows.send(tx().customer(customer).pep(true).at("2026-11-20T10:30:00+05:00"));
        IngestFlow.awaitApplied(db, "aml_transaction", late.eventKey());
        assertThat(Flows.value(db, "select status from alert_state where alert_id = ?", alertId)).isEqualTo("RESOLVED");
        assertThat(Flows.count(db, "select count(*) from audit_log where action = 'alert.raised' and subject = ?",
                alertId)).isEqualTo(1);

        // After the cure the customer is shown without EDD again: a breach of its own.
        Flows.send(tx().customer(customer).pep(true).at("2026-11-20T12:00:00+05:00"));
        Flows.awaitAlert(db, alertId, "OPEN");
    }

    @Test
    void shouldResolveTheHighRiskJurisdictionAlertWhenEddIsCompleted() {
        String customer = "C-" + UUID.randomUUID();
        String alertId = Flows.alertId("AML-008:F-0001:" + customer + ":IR");
        Flows.send(tx().customer(customer).at("2026-11-20T10:00:00+05:00")
                .counterparty(new Counterparty("Tehran OTC", "W-IR", "VASP-IR", false, null, true, "IR", false)));
        Flows.awaitAlert(db, alertId, "OPEN");
        Flows.send(tx().customer(customer).edd(true).at("2026-11-22T10:00:00+05:00"));
        Flows.awaitAlert(db, alertId, "RESOLVED");
        assertThat(Flows.publishedResolution(alertId).reason()).contains("AML 12.2");
    }

    @Test
    void shouldResolveTheRetailLimitAlertWhenTheKnowledgeTestIsPassed() {
        String customer = "C-" + UUID.randomUUID();
        String alertId = Flows.alertId("AML-009:F-0001:" + customer + ":2026-11");
        Flows.send(tx().customer(customer).direction(Direction.TRADE).retail(true).knowledgeTest(false).usd("600")
                .at("2026-11-10T10:00:00+05:00"));
        Flows.send(tx().customer(customer).direction(Direction.TRADE).retail(true).knowledgeTest(false).usd("500")
                .at("2026-11-11T10:00:00+05:00"));
        Flows.awaitAlert(db, alertId, "OPEN");
        // A withdrawal still without the test changes nothing; the test passed on a later one cures the breach.
        var untested = Flows.send(tx().customer(customer).retail(true).knowledgeTest(false)
                .at("2026-11-12T10:00:00+05:00"));
        IngestFlow.awaitApplied(db, "aml_transaction", untested.eventKey());
        assertThat(Flows.value(db, "select status from alert_state where alert_id = ?", alertId)).isEqualTo("OPEN");
        Flows.send(tx().customer(customer).retail(true).knowledgeTest(true).at("2026-11-13T10:00:00+05:00"));
        Flows.awaitAlert(db, alertId, "RESOLVED");
        assertThat(Flows.publishedResolution(alertId).reason()).contains("passed the knowledge test");
    }
}
