package kz.aifc.licensing.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.LicensingConfig;
import kz.aifc.licensing.reports.NotificationDrafts;
import kz.aifc.licensing.store.NotificationStore;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.licensing.rules.FirmFacts;
import kz.aifc.licensing.rules.Finding;
import kz.aifc.licensing.rules.FitAndProperRules;
import kz.aifc.licensing.store.FirmStateStore;
import kz.aifc.licensing.store.LicenceStore;

/**
 * Re-evaluates a firm's standing FP rules after any change to its people, controllers or licence, inside the
 * caller's transaction, so state, alerts and drafts commit together.
 */
@ApplicationScoped
public class FitAndProperMonitor {

    private final FitAndProperRules rules;
    private final FirmStateStore state;
    private final LicenceStore licences;
    private final FitAndProperAlerts alerts;
    private final LicensingConfig config;
    private final NotificationStore drafts;
    private final Clock clock = Clock.systemUTC();

    FitAndProperMonitor(FitAndProperRules rules, FirmStateStore state, LicenceStore licences, FitAndProperAlerts alerts,
            LicensingConfig config, NotificationStore drafts) {
        this.drafts = drafts;
        this.rules = rules;
        this.state = state;
        this.licences = licences;
        this.alerts = alerts;
        this.config = config;
    }

    public FitAndProperRules rules() {
        return rules;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The facts the standing rules read for one firm. */
    public FirmFacts facts(String firmId) {
        Optional<LicenceChanged> licence = licences.find(firmId).map(LicenceStore.StoredLicence::licence);
        boolean datf = licence.map(l -> l.activities().contains(Activity.DATF_OPERATOR)).orElse(false);
        return new FirmFacts(firmId, datf, state.people(firmId), state.controllers(firmId), approvedCombinations(firmId));
    }

    /**
     * Evaluates the firm now and reconciles its alerts; {@code triggered} are findings of the event just applied.
     * A firm not on the register is not (yet) an authorised firm, so nothing is raised for it: its people and
     * controllers are recorded, and registering its licence evaluates them (GEN 2.1.1 binds authorised firms).
     */
    public void reassess(String firmId, List<Finding> triggered, List<String> causedBy, Instant now) {
        Optional<LicenceChanged> licence = licences.find(firmId).map(LicenceStore.StoredLicence::licence);
        if (licence.isEmpty()) {
            return;
        }
        // A withdrawn licence ends the firm's duties as an authorised firm, so its standing findings resolve.
        List<Finding> standing = licence.get().status() == LicenceStatus.WITHDRAWN
                ? List.of()
                : rules.evaluate(facts(firmId), now);
        alerts.reconcile(firmId, rules.rulebook().version(), standing, triggered, causedBy, licence, now);
    }

    /** Drafts the GEN 6.2.1 notice for an appointment to, or a departure from, a Controlled Function. */
    public void draftStaffNotice(StaffChange e, Instant now) {
        if (e.change() != StaffChangeKind.APPOINTED && e.change() != StaffChangeKind.DEPARTED) {
            return;
        }
        Set<Role> controlled = EnumSet.noneOf(Role.class);
        e.roles().stream().filter(rules.rulebook().controlledFunctions()::contains).forEach(controlled::add);
        if (controlled.isEmpty()) {
            return;
        }
        Optional<LicenceChanged> licence = licences.find(e.firmId()).map(LicenceStore.StoredLicence::licence);
        if (licence.isEmpty()) {
            // The roster of a firm not yet licensed is its starting state, not appointments to notify.
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, BusinessCalendar.ALMATY);
        Map<String, Object> draft = NotificationDrafts.staffNotice(e, controlled, licence, rules.rulebook().version(), at);
        drafts.save(NotificationDrafts.staffNoticeId(e), e.firmId(), String.valueOf(draft.get("kind")), "GEN-6.2.1",
                String.valueOf(draft.get("subject")), at, draft);
    }

    private Set<String> approvedCombinations(String firmId) {
        Set<String> persons = new HashSet<>();
        for (String entry : config.approvedCombinations().orElse(List.of())) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length == 2 && parts[0].equals(firmId)) {
                persons.add(parts[1]);
            }
        }
        return persons;
    }
}
