package kz.aifc.capital.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.ingest.EventIngest;

/**
 * Kafka edge of capital-service: firms' capital snapshots and the licence register, a poll at a time (both channels
 * {@code batch=true}), each poll applied in one transaction; a malformed record is parked on the DLQ alone.
 */
@ApplicationScoped
public class CapitalConsumers {

    private final EventIngest ingest;
    private final CapitalIntake intake;

    CapitalConsumers(EventIngest ingest, CapitalIntake intake) {
        this.ingest = ingest;
        this.intake = intake;
    }

    @Incoming("snapshots")
    @Blocking
    public CompletionStage<Void> snapshots(KafkaRecordBatch<String, byte[]> poll) {
        return ingest.processBatch(poll, CapitalSnapshot.class, intake::snapshots);
    }

    @Incoming("licences")
    @Blocking
    public CompletionStage<Void> licences(KafkaRecordBatch<String, byte[]> poll) {
        return ingest.processBatch(poll, LicenceChanged.class, intake::licences);
    }
}
