package kz.aifc.platform.testapp;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.platform.ingest.EventIngest;

/** The test application's Kafka edge: one channel wired through EventIngest as every service wires its own. */
@ApplicationScoped
public class SnapshotConsumer {

    private final EventIngest ingest;
    private final EffectLedger ledger;

    SnapshotConsumer(EventIngest ingest, EffectLedger ledger) {
        this.ingest = ingest;
        this.ledger = ledger;
    }

    @Incoming("snapshots")
    @Blocking
    public CompletionStage<Void> snapshots(Message<byte[]> message) {
        return ingest.process(message, CapitalSnapshot.class, ledger::apply);
    }
}
