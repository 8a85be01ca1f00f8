package kz.aifc.licensing.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.Obligation;
import kz.aifc.platform.rules.Finding;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.licensing.store.FirmLocks;
import kz.aifc.licensing.store.PersonDisclosure;
import kz.aifc.platform.store.Inbox;

/**
 * Applies a poll's events once, in one transaction with the record that they were applied and their alerts: the
 * inbox claimed, the poll's firms locked (in firm order, one statement) and read once, then each event in the order it
 * was read, the firm re-evaluated after each from its records and open alerts kept current in memory; the poll's alert
 * changes and notification drafts, kept in the order they were decided, are written at its end (one alert upsert,
 * outbox batch and audit append, one drafts upsert), then the people and controllers it changed (one upsert each).
 */
@ApplicationScoped
public class LicensingIntake {

    private final Inbox inbox;
    private final FitAndProperMonitor monitor;
    /** Where a poll's time goes, by phase: inbox claim, locks and reads, rules, alert changes and drafts, rows written. */
    private final Map<String, Timer> phases;

    LicensingIntake(Inbox inbox, FitAndProperMonitor monitor, MeterRegistry meters) {
        this.inbox = inbox;
        this.monitor = monitor;
        this.phases = Stream.of("claim", "read", "evaluate", "alerts", "flush").collect(Collectors.toMap(p -> p,
                p -> Timer.builder("aifc.licensing.batch.phase").tag("phase", p).register(meters)));
    }

    @Transactional
    public Set<String> staff(List<CloudEvent<StaffChange>> events) {
        return apply(events, StaffChange::firmId, (fresh, firms) -> {
        }, this::staff);
    }

    @Transactional
    public Set<String> controllers(List<CloudEvent<ControllerChange>> events) {
        return apply(events, ControllerChange::firmId, this::lookUpNotices, this::controller);
    }

    /**
     * Claims the events, locks their firms in firm order, reads them once, applies each event claimed now and writes
     * the alert changes and drafts they led to.
     */
    private <T> Set<String> apply(List<CloudEvent<T>> events, Function<T, String> firmOf,
            BiConsumer<List<CloudEvent<T>>, FitAndProperMonitor.Firms> prepare,
            BiConsumer<CloudEvent<T>, FitAndProperMonitor.Firms> each) {
        Set<String> claimed = phases.get("claim").record(() -> inbox.claimAll(events, firmOf));
        List<CloudEvent<T>> fresh = Inbox.claimedOf(events, claimed);
        if (!fresh.isEmpty()) {
            FitAndProperMonitor.Firms firms = phases.get("read").record(() -> {
                Set<String> firmIds = fresh.stream().map(e -> firmOf.apply(e.data()))
                        .collect(Collectors.toCollection(TreeSet::new));
                // Nothing of this transaction is dirty yet: no flush before each read (each would dirty-check every
                // entity the reads before it loaded).
                EntityManager em = Panache.getEntityManager();
                em.setFlushMode(FlushModeType.COMMIT);
                try {
                    FirmLocks.firms(firmIds);
                    FitAndProperMonitor.Firms read = monitor.read(firmIds);
                    prepare.accept(fresh, read);
                    return read;
                } finally {
                    em.setFlushMode(FlushModeType.AUTO);
                }
            });
            phases.get("evaluate").record(() -> fresh.forEach(event -> each.accept(event, firms)));
            phases.get("alerts").record(firms::write);
            phases.get("flush").record(() -> {
                firms.writeRecords();
                Panache.getEntityManager().flush();
            });
        }
        return claimed;
    }

    /** Whether the poll's decrease notices were raised before, in one read (a completion repeats no notice). */
    private void lookUpNotices(List<CloudEvent<ControllerChange>> fresh, FitAndProperMonitor.Firms firms) {
        Instant now = monitor.now();
        firms.lookUp(fresh.stream().map(CloudEvent::data).filter(c -> !c.proposes())
                .flatMap(c -> monitor.rules().decreaseNotice(c, now).stream()).map(Finding::alertId).toList());
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
            ControllerState before = firms.records().controller(c.firmId(), c.controllerId()).orElse(null);
            firms.records().record(c.firmId(), monitor.rules().apply(before, c), utc(now));
            notice = notice.stream().filter(f -> !firms.raisedBefore(f.alertId())).toList();
        }
        monitor.reassess(firms, c.firmId(), notice, List.of(event.eventKey()), now);
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
