package kz.aifc.capital.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.aifc.capital.alerts.CapitalAlerts;
import kz.aifc.capital.rules.CapitalFacts;
import kz.aifc.capital.rules.CapitalPosition;
import kz.aifc.capital.rules.CapitalRules;
import kz.aifc.capital.rules.ReportingGap;
import kz.aifc.capital.rules.Requirement;
import kz.aifc.capital.rules.CapitalRulebook;
import kz.aifc.capital.rules.Verdict;
import kz.aifc.capital.store.CapitalStore;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.store.Inbox;
import kz.aifc.platform.time.BusinessCalendar;

/**
 * Applies a poll's events once, in one transaction with the record that they were applied: stores them, evaluates
 * the CAP rules on each firm's current position event by event, in the order they were read, and raises or resolves
 * alerts through the outbox. The poll's firms are locked, and their licences, current positions and open alerts read,
 * in one statement each; the snapshots are written in one batch, and the poll's alert changes, kept in memory in the
 * order they were decided, in one upsert, one outbox batch and one audit append at its end.
 */
@ApplicationScoped
public class CapitalIntake {

    private static final Logger LOG = Logger.getLogger(CapitalIntake.class);

    private final Inbox inbox;
    private final CapitalStore store;
    private final CapitalAlerts alerts;
    private final CapitalRulebook rulebook;
    private final Clock clock;
    /** Where a poll's time goes, by phase: inbox claim, locks and reads, rules, snapshot rows, alert changes. */
    private final Map<String, Timer> phases;

    CapitalIntake(Inbox inbox, CapitalStore store, CapitalAlerts alerts, CapitalRulebook rulebook, Clock clock,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.store = store;
        this.alerts = alerts;
        this.rulebook = rulebook;
        this.clock = clock;
        this.phases = Stream.of("claim", "read", "evaluate", "write", "alerts").collect(Collectors.toMap(p -> p,
                p -> Timer.builder("aifc.capital.batch.phase").tag("phase", p).register(meters)));
    }

    /** The firms of a poll as they stand, kept current while its events are applied. */
    private final class Firms {

        final Map<String, CapitalStore.StoredLicence> licences;
        final Map<String, CapitalStore.StoredSnapshot> current;
        final Map<String, CapitalAlerts.OpenAlerts> open;
        /** The poll's alert changes, in the order decided; written once its events are evaluated. */
        final CapitalAlerts.Changes changes = alerts.changes();

        Firms(Set<String> firmIds) {
            store.lockFirms(firmIds);
            licences = store.licences(firmIds);
            current = store.current(firmIds);
            open = alerts.open(firmIds);
        }

        LicenceChanged licence(String firmId) {
            CapitalStore.StoredLicence l = licences.get(firmId);
            return l == null ? null : l.licence();
        }

        CapitalAlerts.OpenAlerts open(String firmId) {
            return open.computeIfAbsent(firmId, f -> new CapitalAlerts.OpenAlerts());
        }
    }

    @Transactional
    public Set<String> snapshots(List<CloudEvent<CapitalSnapshot>> events) {
        Set<String> claimed = phases.get("claim").record(() -> inbox.claimAll(events, CapitalSnapshot::firmId));
        List<CloudEvent<CapitalSnapshot>> fresh = Inbox.claimedOf(events, claimed);
        if (fresh.isEmpty()) {
            return claimed;
        }
        Firms firms = phases.get("read").record(() -> new Firms(firmIds(fresh, CapitalSnapshot::firmId)));
        List<CapitalStore.NewSnapshot> rows = new ArrayList<>(fresh.size());
        phases.get("evaluate").record(() -> fresh.forEach(event -> snapshot(event, firms, rows)));
        phases.get("write").record(() -> store.insertSnapshots(rows));
        phases.get("alerts").record(() -> {
            firms.changes.write();
        });
        return claimed;
    }

    private void snapshot(CloudEvent<CapitalSnapshot> event, Firms firms, List<CapitalStore.NewSnapshot> rows) {
        CapitalSnapshot snapshot = event.data();
        String firmId = snapshot.firmId();
        LicenceChanged licence = firms.licence(firmId);
        CapitalStore.StoredSnapshot current = firms.current.get(firmId);
        CapitalSnapshot currentSnapshot = current == null ? null : current.snapshot();
        boolean late = CapitalRules.isLate(currentSnapshot, snapshot);
        Requirement requirement = Requirement.of(licence, rulebook, CapitalPosition.almatyDate(snapshot.asOf()));
        CapitalPosition position = CapitalPosition.of(snapshot, requirement, rulebook);
        CapitalStore.NewSnapshot row = new CapitalStore.NewSnapshot(snapshot, event.eventKey(), position.resourcesUsd(),
                requirement.amountUsd(), requirement.basis() == null ? null : requirement.basis().activity().name(),
                requirement.hasAmount() ? position.belowRequirement() : null, late);
        rows.add(row);
        if (late) {
            // Recorded for the history and the quarterly return; the current position and its alerts stand.
            LOG.infof("late snapshot %s for %s as of %s (current as of %s): recorded only", event.eventKey(), firmId,
                    snapshot.asOf(), currentSnapshot.asOf());
            return;
        }
        firms.current.put(firmId, new CapitalStore.StoredSnapshot(0, event.eventKey(), snapshot, row.resourcesUsd(),
                row.requirementUsd(), row.requirementBasis(), row.belowRequirement(), false, null));
        OffsetDateTime now = now();
        CapitalAlerts.OpenAlerts open = firms.open(firmId);
        CapitalFacts facts = new CapitalFacts(firmId, licence, snapshot, currentSnapshot, open.reductionBaseline());
        List<Verdict> verdicts = new ArrayList<>(CapitalRules.evaluate(facts, rulebook));
        verdicts.add(gapAfterSnapshot(firmId, snapshot, now));
        alerts.apply(firms.changes, firmId, open, verdicts, snapshot.asOf(), List.of(event.eventKey()), now);
    }

    @Transactional
    public Set<String> licences(List<CloudEvent<LicenceChanged>> events) {
        Set<String> claimed = inbox.claimAll(events, LicenceChanged::firmId);
        List<CloudEvent<LicenceChanged>> fresh = Inbox.claimedOf(events, claimed);
        if (!fresh.isEmpty()) {
            Firms firms = new Firms(firmIds(fresh, LicenceChanged::firmId));
            fresh.forEach(event -> licence(event, firms));
            firms.changes.write();
        }
        return claimed;
    }

    private void licence(CloudEvent<LicenceChanged> event, Firms firms) {
        LicenceChanged licence = event.data();
        String firmId = licence.firmId();
        store.saveLicence(licence, event.eventKey());
        firms.licences.put(firmId, new CapitalStore.StoredLicence(licence, null));
        // A licence varied after a snapshot changes the requirement that snapshot is held to: re-evaluate it.
        CapitalStore.StoredSnapshot current = firms.current.get(firmId);
        OffsetDateTime now = now();
        CapitalAlerts.OpenAlerts open = firms.open(firmId);
        OffsetDateTime changedAt = event.time() == null ? now : event.time();
        CapitalFacts facts = new CapitalFacts(firmId, licence, current == null ? null : current.snapshot(), null,
                open.reductionBaseline(), CapitalPosition.almatyDate(changedAt));
        OffsetDateTime began = current != null && current.snapshot().asOf().isAfter(changedAt)
                ? current.snapshot().asOf() : changedAt;
        List<String> causes = new ArrayList<>();
        if (current != null) {
            causes.add(current.eventKey());
        }
        causes.add(event.eventKey());
        alerts.apply(firms.changes, firmId, open, CapitalRules.evaluate(facts, rulebook), began, causes, now);
    }

    private static <T> Set<String> firmIds(List<CloudEvent<T>> events, java.util.function.Function<T, String> firmOf) {
        Set<String> out = new LinkedHashSet<>();
        events.forEach(e -> out.add(firmOf.apply(e.data())));
        return out;
    }

    /** A fresh snapshot ends a reporting gap; a stale one leaves the gap alert to the scheduled check. */
    private Verdict gapAfterSnapshot(String firmId, CapitalSnapshot snapshot, OffsetDateTime now) {
        Verdict gap = ReportingGap.evaluate(firmId, snapshot.asOf(), true, now.toInstant(), rulebook);
        return gap.breached() ? Verdict.undetermined(gap.ruleId(), "the newest snapshot is itself older than the interval")
                : gap;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(BusinessCalendar.ALMATY));
    }
}
