package kz.aifc.notification.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.store.RoundTrip;
import kz.aifc.testing.LocalStackResource;

/** A poll's alerts written in one statement, read back as written, and never over another writer's new alert. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class AlertBatchFlowTest {

    @Inject
    AlertStore store;

    @Test
    void shouldReadBackEveryFieldAsThePollWroteIt() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("FP-004", firm);
        AlertRaised raise = raise(alertId, firm, "first look",
                OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MILLIS));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        StoredAlert inserted = QuarkusTransaction.requiringNew().call(() -> {
            AlertBatch batch = lock(alertId);
            assertThat(batch.current(alertId)).isEmpty();
            StoredAlert stored = batch.insert(raise, now);
            write(batch);
            return stored;
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(alertId, false))).contains(inserted);

        // A second poll: resolved, then raised again in the same poll; only the last state is written.
        StoredAlert reopened = QuarkusTransaction.requiringNew().call(() -> {
            AlertBatch batch = lock(alertId);
            assertThat(batch.current(alertId)).contains(inserted);
            StoredAlert resolved = batch.resolve(alertId, "source-service", now.plusSeconds(1), "Role filled");
            assertThat(resolved.status()).isEqualTo(StoredAlert.RESOLVED);
            StoredAlert again = batch.refresh(raise(alertId, firm, "seen again", null), now.plusSeconds(2), true);
            write(batch);
            return again;
        });
        assertThat(reopened.status()).isEqualTo(StoredAlert.OPEN);
        assertThat(reopened.resolvedBy()).isNull();
        assertThat(reopened.regulatoryDeadline()).isNull();
        assertThat(reopened.version()).isEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(alertId, false))).contains(reopened);

        // A third: escalated, so the escalation's time and reason go through the write too (its reasons: the clock's test).
        StoredAlert escalated = QuarkusTransaction.requiringNew().call(() -> {
            AlertBatch batch = lock(alertId);
            StoredAlert after = batch.escalate(alertId, "DEADLINE_NEAR", now.plusSeconds(3));
            write(batch);
            return after;
        });
        assertThat(escalated.escalatedAt().toInstant()).isEqualTo(now.plusSeconds(3));
        assertThat(escalated.escalationReason()).isEqualTo("DEADLINE_NEAR");
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(alertId, false))).contains(escalated);
    }

    @Test
    void shouldFailRatherThanOverwriteAnAlertAnotherWriterInsertedMeanwhile() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            AlertBatch mine = lock(alertId);
            mine.insert(raise(alertId, firm, "mine", null), now);
            QuarkusTransaction.requiringNew().run(() -> {
                AlertBatch theirs = lock(alertId);
                theirs.insert(raise(alertId, firm, "theirs", null), now);
                write(theirs);
            });
            write(mine);
        })).hasStackTraceContaining("1 of the poll's new alerts were inserted by another writer meanwhile");
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(alertId, false)))
                .hasValueSatisfying(a -> assertThat(a.detail()).isEqualTo("theirs"));
    }

    /** The batch of one alert, read and locked as a poll does: its statement sent alone here. */
    private AlertBatch lock(String alertId) {
        RoundTrip trip = new RoundTrip();
        AlertBatch batch = store.lockAll(List.of(alertId), trip);
        store.send(trip, "lock");
        return batch;
    }

    private void write(AlertBatch batch) {
        RoundTrip trip = new RoundTrip();
        store.write(batch, trip);
        store.send(trip, "write");
    }

    private static AlertRaised raise(String alertId, String firm, String detail, OffsetDateTime deadline) {
        try {
            return CloudEventCodec.mapper().readValue(
                    AlertEvents.raised(alertId, firm, "FIT_AND_PROPER", "HIGH", detail, deadline, "/cases/C-1"),
                    AlertRaised.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
