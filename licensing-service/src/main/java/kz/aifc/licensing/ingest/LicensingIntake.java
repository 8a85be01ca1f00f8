package kz.aifc.licensing.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.Finding;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.licensing.store.FirmStateStore;
import kz.aifc.platform.store.Inbox;

/** Applies each incoming event once, in one transaction with the record that it was applied and its alerts. */
@ApplicationScoped
public class LicensingIntake {

    private final Inbox inbox;
    private final FirmStateStore state;
    private final FitAndProperMonitor monitor;

    LicensingIntake(Inbox inbox, FirmStateStore state, FitAndProperMonitor monitor) {
        this.inbox = inbox;
        this.state = state;
        this.monitor = monitor;
    }

    @Transactional
    public boolean staff(CloudEvent<StaffChange> event) {
        StaffChange s = event.data();
        if (!inbox.claim(event, s.firmId())) {
            return false;
        }
        state.lockFirm(s.firmId());
        Instant now = monitor.now();
        state.savePerson(s.firmId(), PersonState.of(s));
        List<Finding> triggered = List.of();
        if (s.change() == StaffChangeKind.DISCLOSURE && s.disclosure() != null) {
            state.addDisclosure(s.firmId(), s.personId(), s.disclosure(), event.eventKey());
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
        state.lockFirm(c.firmId());
        Instant now = monitor.now();
        ControllerState before = state.controller(c.firmId(), c.controllerId()).orElse(null);
        state.saveController(c.firmId(), monitor.rules().apply(before, c));
        monitor.reassess(c.firmId(), monitor.rules().decreaseNotice(c, now).stream().toList(),
                List.of(event.eventKey()), now);
        return true;
    }
}
