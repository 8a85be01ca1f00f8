package kz.aifc.capital.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.ingest.EventIngest;

/** Kafka edge of capital-service: firms' capital snapshots and the licence register. */
@ApplicationScoped
public class CapitalConsumers {

    private final EventIngest ingest;
    private final CapitalIntake intake;
    private final Timer snapshotTimer;
    private final Timer licenceTimer;

    CapitalConsumers(EventIngest ingest, CapitalIntake intake, MeterRegistry meters) {
        this.ingest = ingest;
        this.intake = intake;
        this.snapshotTimer = meters.timer("aifc.capital.apply", "event", "snapshot");
        this.licenceTimer = meters.timer("aifc.capital.apply", "event", "licence");
    }

    @Incoming("snapshots")
    @Blocking
    public CompletionStage<Void> snapshots(Message<byte[]> message) {
        return ingest.process(message, CapitalSnapshot.class, event -> snapshotTimer.record(() -> intake.snapshot(event)));
    }

    @Incoming("licences")
    @Blocking
    public CompletionStage<Void> licences(Message<byte[]> message) {
        return ingest.process(message, LicenceChanged.class, event -> licenceTimer.record(() -> intake.licence(event)));
    }
}
