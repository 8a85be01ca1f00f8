package kz.aifc.licensing.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.platform.ingest.EventIngest;

/** Kafka edge of licensing-service: firms' staff and controller changes. */
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
    public CompletionStage<Void> staff(Message<byte[]> message) {
        return ingest.process(message, StaffChange.class, intake::staff);
    }

    @Incoming("controllers")
    @Blocking
    public CompletionStage<Void> controllers(Message<byte[]> message) {
        return ingest.process(message, ControllerChange.class, intake::controller);
    }
}
