package kz.aifc.aml.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.ingest.EventIngest;

/**
 * Licences, the low-volume stream: per record, through the platform's ingest (inbox, DLQ). The screened transactions,
 * the volume, have a consumer of their own: {@link TransactionsConsumer}.
 */
@ApplicationScoped
public class AmlConsumers {

    private final EventIngest ingest;
    private final AmlIntake intake;

    AmlConsumers(EventIngest ingest, AmlIntake intake) {
        this.ingest = ingest;
        this.intake = intake;
    }

    @Incoming("licences")
    @Blocking
    public CompletionStage<Void> licences(Message<byte[]> message) {
        return ingest.process(message, LicenceChanged.class, intake::licence);
    }
}
