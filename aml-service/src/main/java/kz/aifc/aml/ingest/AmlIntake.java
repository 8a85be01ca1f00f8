package kz.aifc.aml.ingest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.events.CloudEvent;
import kz.aifc.events.v1.LicenceChanged;
import kz.aifc.events.v1.ScreenedTransaction;
import kz.aifc.platform.store.Inbox;

/** Applies each incoming event once, in one transaction with the record that it was applied. */
@ApplicationScoped
public class AmlIntake {

    private final Inbox inbox;
    private final ScreeningPipeline pipeline;

    AmlIntake(Inbox inbox, ScreeningPipeline pipeline) {
        this.inbox = inbox;
        this.pipeline = pipeline;
    }

    /** The single-event path: a batch of one through the same pipeline, so both paths mean the same. */
    public boolean transaction(CloudEvent<ScreenedTransaction> event) {
        return pipeline.apply(List.of(event)).applied() == 1;
    }

    @Transactional
    public boolean licence(CloudEvent<LicenceChanged> event) {
        return inbox.claim(event, event.data().firmId());
    }
}
