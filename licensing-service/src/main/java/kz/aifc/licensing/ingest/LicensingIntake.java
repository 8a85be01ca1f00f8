package kz.aifc.licensing.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.Obligation;
import kz.aifc.platform.rules.Finding;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.licensing.store.Controller;
import kz.aifc.licensing.store.FirmLocks;
import kz.aifc.licensing.store.Person;
import kz.aifc.licensing.store.PersonDisclosure;
import kz.aifc.platform.store.Inbox;

/** Applies each incoming event once, in one transaction with the record that it was applied and its alerts. */
@ApplicationScoped
public class LicensingIntake {

    private final Inbox inbox;
    private final FitAndProperMonitor monitor;

    LicensingIntake(Inbox inbox, FitAndProperMonitor monitor) {
        this.inbox = inbox;
        this.monitor = monitor;
    }

    @Transactional
    public boolean staff(CloudEvent<StaffChange> event) {
        StaffChange s = event.data();
        if (!inbox.claim(event, s.firmId())) {
            return false;
        }
        FirmLocks.firm(s.firmId());
        Instant now = monitor.now();
        Person.record(s.firmId(), PersonState.of(s), utc(now));
        List<Finding<Obligation>> triggered = List.of();
        if (s.change() == StaffChangeKind.DISCLOSURE && s.disclosure() != null) {
            PersonDisclosure.record(s.firmId(), s.personId(), s.disclosure(), event.eventKey());
            triggered = monitor.rules().disclosure(s, now);
        }
        monitor.reassess(s.firmId(), triggered, List.of(event.eventKey()), now);
        monitor.draftStaffNotice(s, now);
        return true;
    }

    @Transactional
    public boolean controller(CloudEvent<ControllerChange> event) {
        ControllerChange c = event.data();
        if (!inbox.claim(event, c.firmId())) {
            return false;
        }
        FirmLocks.firm(c.firmId());
        Instant now = monitor.now();
        List<Finding<Obligation>> notice = monitor.rules().decreaseNotice(c, now).stream().toList();
        if (!c.proposes()) {
            // A proposal changes no holding; its completion does, and repeats no notice the proposal already raised.
            ControllerState before = Controller.of(c.firmId(), c.controllerId()).map(Controller::toState).orElse(null);
            Controller.record(c.firmId(), monitor.rules().apply(before, c), utc(now));
            notice = notice.stream().filter(f -> !monitor.raisedBefore(f.alertId())).toList();
        }
        monitor.reassess(c.firmId(), notice, List.of(event.eventKey()), now);
        return true;
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
