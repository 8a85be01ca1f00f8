package kz.aifc.capital.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import kz.aifc.capital.rules.ReportingGap;
import kz.aifc.capital.rules.CapitalRulebook;
import kz.aifc.capital.rules.Verdict;
import kz.aifc.capital.store.CapitalStore;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.platform.time.BusinessCalendar;

/**
 * CAP-005 on a schedule ({@code aifc.capital.gap-check.every}): raises for a firm whose latest snapshot is older
 * than the rulebook's interval; the next fresh snapshot resolves it (CapitalIntake). A licensed firm that never
 * reported is measured from when its licence reached this service.
 */
@ApplicationScoped
public class ReportingGapCheck {

    private final CapitalStore store;
    private final CapitalAlerts alerts;
    private final CapitalRulebook rulebook;
    private final Clock clock;

    ReportingGapCheck(CapitalStore store, CapitalAlerts alerts, CapitalRulebook rulebook, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.rulebook = rulebook;
        this.clock = clock;
    }

    @Scheduled(every = "${aifc.capital.gap-check.every}", delayed = "${aifc.capital.gap-check.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        for (String firmId : store.firms()) {
            checkFirm(firmId, clock.instant());
        }
    }

    /** Checks one firm at {@code now}; answers the verdict (public so a test can pick the moment). */
    @Transactional
    public Verdict checkFirm(String firmId, Instant now) {
        store.lockFirm(firmId);
        Optional<CapitalStore.StoredSnapshot> current = store.current(firmId);
        Optional<CapitalStore.StoredLicence> licence = store.licence(firmId);
        OffsetDateTime at = now.atZone(BusinessCalendar.ALMATY).toOffsetDateTime();
        Verdict verdict;
        OffsetDateTime since;
        if (licence.isPresent() && licence.get().licence().status() != LicenceStatus.ACTIVE) {
            // A suspended or withdrawn firm has no capital to report on; an old gap alert ends here.
            verdict = Verdict.clear(CapitalRulebook.CAP_005, "The licence is " + licence.get().licence().status()
                    + ": no capital snapshots are expected.");
            alerts.apply(firmId, alerts.open(firmId), List.of(verdict), at, List.of(), at);
            return verdict;
        }
        if (current.isPresent()) {
            since = current.get().snapshot().asOf();
            verdict = ReportingGap.evaluate(firmId, since, true, now, rulebook);
        } else if (licence.isPresent() && licence.get().licence().status() == LicenceStatus.ACTIVE) {
            since = licence.get().receivedAt();
            verdict = ReportingGap.evaluate(firmId, since, false, now, rulebook);
        } else {
            return Verdict.undetermined(CapitalRulebook.CAP_005, "no snapshot and no active licence");
        }
        if (verdict.breached()) {
            // The gap began when the interval ran out, not when the check noticed it.
            OffsetDateTime began = since.plus(rulebook.maxGap());
            alerts.apply(firmId, alerts.open(firmId), List.of(verdict), began, List.of(), at);
        }
        return verdict;
    }
}
