package kz.aifc.aml.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.store.Inbox;

/** Applies each licence event once, in one transaction with the record that it was applied (transactions: {@link ScreeningPipeline}). */
@ApplicationScoped
public class AmlIntake {

    private final Inbox inbox;

    AmlIntake(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public boolean licence(CloudEvent<LicenceChanged> event) {
        return inbox.claim(event, event.data().firmId());
    }
}
