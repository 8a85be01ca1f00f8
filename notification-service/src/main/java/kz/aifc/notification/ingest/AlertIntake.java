package kz.aifc.notification.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.events.CloudEvent;
import kz.aifc.events.codec.MalformedEventException;
import kz.aifc.events.v1.AlertRaised;
import kz.aifc.events.v1.AlertResolved;
import kz.aifc.platform.store.Inbox;

/** Applies each alert event once, in one transaction with the record that it was applied. */
@ApplicationScoped
public class AlertIntake {

    private final Inbox inbox;

    AlertIntake(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public boolean alert(CloudEvent<Object> event) {
        if (event.data() instanceof AlertRaised raised) {
            return inbox.claim(event, raised.firmId());
        }
        if (event.data() instanceof AlertResolved resolved) {
            return inbox.claim(event, resolved.firmId());
        }
        throw new MalformedEventException("ce_type", "type '" + event.type() + "' does not belong on the alerts topic");
    }
}
