package kz.aifc.capital.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

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
 * Applies each incoming event once, in one transaction with the record that it was applied: stores it, evaluates
 * the CAP rules on the firm's current position and raises or resolves alerts through the outbox.
 */
@ApplicationScoped
public class CapitalIntake {

    private static final Logger LOG = Logger.getLogger(CapitalIntake.class);

    private final Inbox inbox;
    private final CapitalStore store;
    private final CapitalAlerts alerts;
    private final CapitalRulebook rulebook;
    private final Clock clock;

    CapitalIntake(Inbox inbox, CapitalStore store, CapitalAlerts alerts, CapitalRulebook rulebook, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.alerts = alerts;
        this.rulebook = rulebook;
        this.clock = clock;
    }

    @Transactional
    public boolean snapshot(CloudEvent<CapitalSnapshot> event) {
        CapitalSnapshot snapshot = event.data();
        String firmId = snapshot.firmId();
        if (!inbox.claim(event, firmId)) {
            return false;
        }
        store.lockFirm(firmId);
        LicenceChanged licence = store.licence(firmId).map(CapitalStore.StoredLicence::licence).orElse(null);
        Optional<CapitalStore.StoredSnapshot> current = store.current(firmId);
        boolean late = CapitalRules.isLate(current.map(CapitalStore.StoredSnapshot::snapshot).orElse(null), snapshot);
        Requirement requirement = Requirement.of(licence, rulebook, CapitalPosition.almatyDate(snapshot.asOf()));
        CapitalPosition position = CapitalPosition.of(snapshot, requirement, rulebook);
        store.insertSnapshot(snapshot, event.eventKey(), position.resourcesUsd(), requirement.amountUsd(),
                requirement.basis() == null ? null : requirement.basis().activity().name(),
                requirement.hasAmount() ? position.belowRequirement() : null, late);
        if (late) {
            // Recorded for the history and the quarterly return; the current position and its alerts stand.
            LOG.infof("late snapshot %s for %s as of %s (current as of %s): recorded only", event.eventKey(), firmId,
                    snapshot.asOf(), current.get().snapshot().asOf());
            return true;
        }
        OffsetDateTime now = now();
        CapitalAlerts.OpenAlerts open = alerts.open(firmId);
        CapitalFacts facts = new CapitalFacts(firmId, licence, snapshot,
                current.map(CapitalStore.StoredSnapshot::snapshot).orElse(null), open.reductionBaseline());
        List<Verdict> verdicts = new ArrayList<>(CapitalRules.evaluate(facts, rulebook));
        verdicts.add(gapAfterSnapshot(firmId, snapshot, now));
        alerts.apply(firmId, open, verdicts, snapshot.asOf(), List.of(event.eventKey()), now);
        return true;
    }

    @Transactional
    public boolean licence(CloudEvent<LicenceChanged> event) {
        LicenceChanged licence = event.data();
        String firmId = licence.firmId();
        if (!inbox.claim(event, firmId)) {
            return false;
        }
        store.lockFirm(firmId);
        store.saveLicence(licence, event.eventKey());
        // A licence varied after a snapshot changes the requirement that snapshot is held to: re-evaluate it.
        Optional<CapitalStore.StoredSnapshot> current = store.current(firmId);
        OffsetDateTime now = now();
        CapitalAlerts.OpenAlerts open = alerts.open(firmId);
        OffsetDateTime changedAt = event.time() == null ? now : event.time();
        CapitalFacts facts = new CapitalFacts(firmId, licence, current.map(CapitalStore.StoredSnapshot::snapshot).orElse(null),
                null, open.reductionBaseline(), CapitalPosition.almatyDate(changedAt));
        OffsetDateTime began = current.map(s -> s.snapshot().asOf()).filter(asOf -> asOf.isAfter(changedAt))
                .orElse(changedAt);
        List<String> causes = new ArrayList<>();
        current.ifPresent(s -> causes.add(s.eventKey()));
        causes.add(event.eventKey());
        alerts.apply(firmId, open, CapitalRules.evaluate(facts, rulebook), began, causes, now);
        return true;
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
