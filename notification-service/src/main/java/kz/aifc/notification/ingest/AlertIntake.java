package kz.aifc.notification.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.notification.alerts.AlertDesk;
import kz.aifc.notification.store.AlertBatch;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.platform.store.Inbox;
import kz.aifc.platform.store.RoundTrip;

/** Applies a poll's alert events once each, in order, in one transaction with the record that they were applied. */
@ApplicationScoped
public class AlertIntake {

    private final Inbox inbox;
    private final AlertDesk desk;
    private final AlertStore store;
    private final Timer claim;

    AlertIntake(Inbox inbox, AlertDesk desk, AlertStore store, MeterRegistry meters) {
        this.inbox = inbox;
        this.desk = desk;
        this.store = store;
        this.claim = AlertDesk.phase(meters, "claim");
    }

    @Transactional
    public Set<String> alerts(List<CloudEvent<Object>> events) {
        for (CloudEvent<Object> event : events) {
            if (!(event.data() instanceof AlertRaised) && !(event.data() instanceof AlertResolved)) {
                throw new MalformedEventException("ce_type",
                        "type '" + event.type() + "' does not belong on the alerts topic");
            }
        }
        // The claim and the alerts' read and lock in one message: the alerts of every event, claimed or not (a
        // redelivered one's alert is locked for nothing, and redeliveries are rare).
        Set<String> claimed = new HashSet<>();
        RoundTrip first = new RoundTrip();
        inbox.claimAll(events, AlertIntake::firmOf, first, claimed::addAll);
        AlertBatch batch = desk.lockAll(events, first);
        claim.record(() -> store.send(first, "claim a poll's alert events and lock their alerts"));
        desk.fromSources(Inbox.claimedOf(events, claimed), batch);
        return claimed;
    }

    private static String firmOf(Object data) {
        return data instanceof AlertRaised r ? r.firmId() : ((AlertResolved) data).firmId();
    }
}
