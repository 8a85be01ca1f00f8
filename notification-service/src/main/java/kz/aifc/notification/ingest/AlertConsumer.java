package kz.aifc.notification.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import kz.aifc.platform.ingest.EventIngest;

/** Kafka edge of notification-service: alerts raised and resolved by the three checking services. */
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
    public CompletionStage<Void> alerts(Message<byte[]> message) {
        return ingest.process(message, Object.class, intake::alert);
    }
}
