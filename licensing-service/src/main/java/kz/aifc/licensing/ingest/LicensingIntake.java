package kz.aifc.licensing.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import kz.aifc.licensing.store.PersonDisclosure;
import kz.aifc.platform.store.Inbox;

/**
 * Applies a poll's events once, in one transaction with the record that they were applied and their alerts: the
 * inbox claimed and the poll's firms locked (in firm order) once, then each event in the order it was read.
 */
@ApplicationScoped
public class LicensingIntake {

    private final Inbox inbox;
    private final FitAndProperMonitor monitor;

    LicensingIntake(Inbox inbox, FitAndProperMonitor monitor) {
        this.inbox = inbox;
        this.monitor = monitor;
    }

    @Transactional
    public Set<String> staff(List<CloudEvent<StaffChange>> events) {
        return apply(events, StaffChange::firmId, this::staff);
    }

    @Transactional
    public Set<String> controllers(List<CloudEvent<ControllerChange>> events) {
        return apply(events, ControllerChange::firmId, this::controller);
    }

    /** Claims the events, locks their firms in firm order, reads them once and applies each event claimed now. */
    private <T> Set<String> apply(List<CloudEvent<T>> events, Function<T, String> firmOf,
            BiConsumer<CloudEvent<T>, FitAndProperMonitor.Firms> each) {
        Set<String> claimed = inbox.claimAll(events, firmOf);
        List<CloudEvent<T>> fresh = Inbox.claimedOf(events, claimed);
        if (!fresh.isEmpty()) {
            Set<String> firmIds = fresh.stream().map(e -> firmOf.apply(e.data()))
                    .collect(Collectors.toCollection(TreeSet::new));
            firmIds.forEach(FirmLocks::firm);
            FitAndProperMonitor.Firms firms = monitor.read(firmIds);
            fresh.forEach(event -> each.accept(event, firms));
        }
        return claimed;
    }

    private void staff(CloudEvent<StaffChange> event, FitAndProperMonitor.Firms firms) {
        StaffChange s = event.data();
        Instant now = monitor.now();
        firms.records().record(s.firmId(), PersonState.of(s), utc(now));
        List<Finding<Obligation>> triggered = List.of();
        if (s.change() == StaffChangeKind.DISCLOSURE && s.disclosure() != null) {
            PersonDisclosure.record(s.firmId(), s.personId(), s.disclosure(), event.eventKey());
            triggered = monitor.rules().disclosure(s, now);
        }
        monitor.reassess(firms, s.firmId(), triggered, List.of(event.eventKey()), now);
        monitor.draftStaffNotice(firms, s, now);
    }

    private void controller(CloudEvent<ControllerChange> event, FitAndProperMonitor.Firms firms) {
        ControllerChange c = event.data();
        Instant now = monitor.now();
        List<Finding<Obligation>> notice = monitor.rules().decreaseNotice(c, now).stream().toList();
        if (!c.proposes()) {
            // A proposal changes no holding; its completion does, and repeats no notice the proposal already raised.
            ControllerState before = firms.records().controller(c.firmId(), c.controllerId()).map(Controller::toState)
                    .orElse(null);
            firms.records().record(c.firmId(), monitor.rules().apply(before, c), utc(now));
            notice = notice.stream().filter(f -> !monitor.raisedBefore(f.alertId())).toList();
        }
        monitor.reassess(firms, c.firmId(), notice, List.of(event.eventKey()), now);
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
