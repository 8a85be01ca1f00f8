package kz.aifc.licensing.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.platform.ingest.EventIngest;

/**
 * Kafka edge of licensing-service: firms' staff and controller changes, a poll at a time (both channels
 * {@code batch=true}), each poll applied in one transaction; a malformed record is parked on the DLQ alone.
 */
@ApplicationScoped
public class LicensingConsumers {

    private final EventIngest ingest;
    private final LicensingIntake intake;

    LicensingConsumers(EventIngest ingest, LicensingIntake intake) {
        this.ingest = ingest;
        this.intake = intake;
    }

    @Incoming("staff")
    @Blocking
    public CompletionStage<Void> staff(KafkaRecordBatch<String, byte[]> poll) {
        return ingest.processBatch(poll, StaffChange.class, intake::staff);
    }

    @Incoming("controllers")
    @Blocking
    public CompletionStage<Void> controllers(KafkaRecordBatch<String, byte[]> poll) {
        return ingest.processBatch(poll, ControllerChange.class, intake::controllers);
    }
}
