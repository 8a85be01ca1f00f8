package kz.aifc.capital.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.events.CloudEvent;
import kz.aifc.events.v1.CapitalSnapshot;
import kz.aifc.events.v1.LicenceChanged;
import kz.aifc.platform.store.Inbox;

/** Applies each incoming event once, in one transaction with the record that it was applied. */
@ApplicationScoped
public class CapitalIntake {

    private final Inbox inbox;

    CapitalIntake(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public boolean snapshot(CloudEvent<CapitalSnapshot> event) {
        return inbox.claim(event, event.data().firmId());
    }

    @Transactional
    public boolean licence(CloudEvent<LicenceChanged> event) {
        return inbox.claim(event, event.data().firmId());
    }
}
