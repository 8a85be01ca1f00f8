package kz.aifc.notification.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.notification.alerts.AlertDesk;
import kz.aifc.platform.store.Inbox;

/** Applies each alert event once, in one transaction with the record that it was applied. */
@ApplicationScoped
public class AlertIntake {

    private final Inbox inbox;
    private final AlertDesk desk;

    AlertIntake(Inbox inbox, AlertDesk desk) {
        this.inbox = inbox;
        this.desk = desk;
    }

    @Transactional
    public boolean alert(CloudEvent<Object> event) {
        if (event.data() instanceof AlertRaised raised) {
            if (!inbox.claim(event, raised.firmId())) {
                return false;
            }
            desk.raised(raised, event.source());
            return true;
        }
        if (event.data() instanceof AlertResolved resolved) {
            if (!inbox.claim(event, resolved.firmId())) {
                return false;
            }
            desk.resolvedBySource(resolved, event.source());
            return true;
        }
        throw new MalformedEventException("ce_type", "type '" + event.type() + "' does not belong on the alerts topic");
    }
}
