package kz.aifc.licensing.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.events.CloudEvent;
import kz.aifc.events.v1.ControllerChange;
import kz.aifc.events.v1.StaffChange;
import kz.aifc.platform.store.Inbox;

/** Applies each incoming event once, in one transaction with the record that it was applied. */
@ApplicationScoped
public class LicensingIntake {

    private final Inbox inbox;

    LicensingIntake(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public boolean staff(CloudEvent<StaffChange> event) {
        return inbox.claim(event, event.data().firmId());
    }

    @Transactional
    public boolean controller(CloudEvent<ControllerChange> event) {
        return inbox.claim(event, event.data().firmId());
    }
}
