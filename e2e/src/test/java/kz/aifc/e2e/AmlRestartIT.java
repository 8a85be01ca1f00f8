package kz.aifc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Customer;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.RiskRating;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.Screening;
import kz.aifc.contract.v1.TravelRule;

/**
 * Issue #5: a customer's history survives a crash. The packaged aml-service sees two deposits of a structuring
 * pattern (AML-005: three transfers within 24 h, each 80-100% of USD 1,000), is killed with SIGKILL, starts
 * again on the same database, sees the third, and raises the structuring alert exactly once.
 */
class AmlRestartIT {

    private static final String FIRM = "F-E2E-AML";

    private E2eStack stack;

    @AfterEach
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRaiseStructuringOnceWhenThePatternSpansASigkillAndRestart() throws Exception {
        stack = E2eStack.open("aml-restart");
        stack.freshDatabases("aml-service");
        stack.createTopics();
        // A dead member leaves the consumer group only when its session times out: 10 s instead of 45 s (kafka.* reaches
        // the service's transactions consumer).
        E2eStack.Service aml = stack.service("aml-service", "kafka.session.timeout.ms", "10000").start().awaitReady();
        String customer = "C-" + stack.run;
        OffsetDateTime now = OffsetDateTime.now(Deadlines.ALMATY).truncatedTo(ChronoUnit.SECONDS);
        String transactions = stack.topic(Topics.TRANSACTIONS_SCREENED);
        List<CloudEvent<ScreenedTransaction>> deposits = List.of(
                deposit(customer, "T-" + stack.run + "-1", "950.00", now.minusHours(3)),
                deposit(customer, "T-" + stack.run + "-2", "965.00", now.minusHours(2)),
                deposit(customer, "T-" + stack.run + "-3", "980.00", now.minusHours(1)));

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, transactions, deposits.get(0));
            send(producer, transactions, deposits.get(1));
            Poll.until(Duration.ofSeconds(60), "aml-service to apply the first two deposits",
                    () -> aml.applied(transactions) == 2);

            aml.kill();
            aml.start().awaitReady();
            send(producer, transactions, deposits.get(2));
            // Only the third is new to the restarted service; a redelivered first or second counts as a duplicate.
            Poll.until(Duration.ofSeconds(90), "the restarted aml-service to apply the third deposit",
                    () -> aml.applied(transactions) == 1);
        }

        String alerts = stack.topic(Topics.COMPLIANCE_ALERTS);
        // Alert ids are opaque (contract/README.md): the alert is found by its rule and the events that caused it.
        String firstDeposit = deposits.get(0).eventKey();
        Poll.until(Duration.ofSeconds(30), "AML-005 caused by " + firstDeposit + " on " + alerts,
                () -> PublishedAlerts.read(alerts).stream().anyMatch(p -> raisedBy(p, "AML-005", firstDeposit)));
        String alertId = PublishedAlerts.read(alerts).stream().filter(p -> raisedBy(p, "AML-005", firstDeposit))
                .findFirst().orElseThrow().alertId();
        assertThat(alertId).matches("AML-005-[0-9a-f]{32}").doesNotContain(customer)
                .doesNotContain(deposits.get(0).data().transactionId());
        // A marker after it: a sanctions hit of another customer of the firm, whose alert goes to the same partition.
        // A duplicate of the structuring alert, had the restart replayed the pattern, stands before the marker.
        CloudEvent<ScreenedTransaction> hit = transaction(customer + "-M", "T-" + stack.run + "-M", "10.00", now,
                new Screening(true, "UN SC 1267", new BigDecimal("0.97"), 90, List.of()));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, transactions, hit);
        }
        Poll.until(Duration.ofSeconds(30), "the marker (AML-001 caused by " + hit.eventKey() + ") on " + alerts,
                () -> PublishedAlerts.read(alerts).stream().anyMatch(p -> raisedBy(p, "AML-001", hit.eventKey())));
        List<PublishedAlerts.Published> published = PublishedAlerts.read(alerts).stream()
                .filter(p -> "AML-005".equals(p.raised() == null ? null : p.raised().ruleId())).toList();
        assertThat(published).as("structuring alert events on %s", alerts).hasSize(1);
        AlertRaised structuring = published.get(0).raised();
        assertThat(structuring.alertId()).isEqualTo(alertId);
        assertThat(structuring.ruleId()).isEqualTo("AML-005");
        assertThat(structuring.severity().name()).isEqualTo("HIGH");
        assertThat(structuring.causedBy()).containsExactlyInAnyOrderElementsOf(
                deposits.stream().map(CloudEvent::eventKey).toList());
    }

    /** Whether a published event raised an alert of the rule that the event {@code eventKey} caused. */
    private static boolean raisedBy(PublishedAlerts.Published p, String ruleId, String eventKey) {
        return p.raised() != null && ruleId.equals(p.raised().ruleId()) && p.raised().causedBy().contains(eventKey);
    }

    /** A clean, complete deposit just under the USD 1,000 threshold: nothing but the pattern can fire. */
    private static CloudEvent<ScreenedTransaction> deposit(String customer, String id, String usd,
            OffsetDateTime at) {
        return transaction(customer, id, usd, at, new Screening(false, null, BigDecimal.ZERO, 10, List.of()));
    }

    private static CloudEvent<ScreenedTransaction> transaction(String customer, String id, String usd,
            OffsetDateTime at, Screening screening) {
        BigDecimal amount = new BigDecimal(usd);
        ScreenedTransaction t = new ScreenedTransaction(FIRM, id, at, Direction.DEPOSIT, "USDT", amount, amount,
                amount.multiply(BigDecimal.valueOf(520)),
                new Customer(customer, CustomerType.NATURAL, "KZ", RiskRating.LOW, false, false, true, true),
                new Counterparty("Some Exchange Ltd", "TQ1", "VASP-77", false, null, true, "AE", false),
                new TravelRule("A. Example", "TQ1", "IIN 900101300123", "B. Example", "TX1"),
                screening, null);
        return CloudEvent.of("urn:aifc:e2e", EventTypes.TRANSACTION_SCREENED, FIRM, t, at);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, CloudEvent<?> event)
            throws Exception {
        producer.send(CloudEventCodec.encode(event).toProducerRecord(topic)).get();
    }
}
