package kz.aifc.notification.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import kz.aifc.platform.ingest.EventIngest;

/**
 * Kafka edge of notification-service: alerts raised and resolved by the three checking services, a poll at a time
 * (the channel is {@code batch=true}), each poll applied in one transaction; a malformed record is parked on the DLQ alone.
 */
@ApplicationScoped
public class AlertConsumer {

    private final EventIngest ingest;
    private final AlertIntake intake;

    AlertConsumer(EventIngest ingest, AlertIntake intake) {
        this.ingest = ingest;
        this.intake = intake;
    }

    /** One topic carries both alert types; the intake tells them apart by payload. */
    @Incoming("alerts")
    @Blocking
    public CompletionStage<Void> alerts(KafkaRecordBatch<String, byte[]> poll) {
        return ingest.processBatch(poll, Object.class, intake::alerts);
    }
}
