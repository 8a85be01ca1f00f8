package kz.aifc.licensing.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.licensing.reports.NotificationDrafts;
import kz.aifc.licensing.rules.Obligation;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.alerts.AlertBook.StoredAlert;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.licensing.store.NotificationDraft;

/**
 * Turns findings into alerts through {@link AlertBook} (outbox + audit, caller's transaction) and keeps one
 * notification draft per alert. Standing findings that are gone resolve their open alert; triggered ones
 * (disclosures, decrease notices) stay open until the compliance team closes them.
 */
@ApplicationScoped
public class FitAndProperAlerts {

    /** Rules whose alerts describe a lasting state, so their absence on re-evaluation resolves them. */
    static final Set<String> STANDING_RULES = Set.of("FP-001", "FP-002", "FP-003", "FP-006", "FP-007", "FP-008", "FP-009");

    private static final Map<String, String> RESOLUTION = Map.of(
            "FP-001", "Vacancy filled: the role is held by a person who meets the rule (approved where approval is required)",
            "FP-002", "The controlled function is now held with AFSA approval APPROVED, or no longer held",
            "FP-003", "The MLRO now meets the residency and seniority requirements, or no longer holds the role",
            "FP-006", "The DATF roles are no longer combined in one person, or the combination is approved",
            "FP-007", "At least one third of the DATF board is independent",
            "FP-008", "AFSA approval APPROVED recorded, or the holding fell back below the threshold",
            "FP-009", "Source-of-wealth evidence recorded, or the holding is no longer above the threshold");

    private final AlertBook book;

    FitAndProperAlerts(AlertBook book) {
        this.book = book;
    }

    /** These firms' open alerts in one read: by firm, then by alert id (a firm with none is absent). */
    public Map<String, Map<String, StoredAlert>> open(Collection<String> firmIds) {
        Map<String, Map<String, StoredAlert>> out = new HashMap<>();
        for (StoredAlert a : book.open(firmIds)) {
            out.computeIfAbsent(a.firmId(), f -> new HashMap<>()).put(a.alertId(), a);
        }
        return out;
    }

    /**
     * Raises or refreshes every finding, drafts its notification, and resolves standing alerts no longer found.
     *
     * @param open the firm's open alerts by id, as stored now
     * @return whether any alert was raised, changed or resolved ({@code open} is then out of date)
     */
    @Transactional(TxType.MANDATORY)
    public boolean reconcile(String firmId, String rulebookVersion, List<Finding<Obligation>> standing,
            List<Finding<Obligation>> triggered, List<String> causedBy, Optional<LicenceChanged> licence, Instant now,
            Map<String, StoredAlert> open) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, BusinessCalendar.ALMATY);
        Set<String> found = new HashSet<>();
        boolean changed = false;
        for (Finding<Obligation> f : standing) {
            found.add(f.alertId());
            changed |= raise(f, open.get(f.alertId()), rulebookVersion, causedBy, licence, at);
        }
        for (Finding<Obligation> f : triggered) {
            changed |= raise(f, open.get(f.alertId()), rulebookVersion, causedBy, licence, at);
        }
        for (StoredAlert a : open.values()) {
            if (isStanding(a.alertId(), a.ruleId()) && !found.contains(a.alertId())) {
                changed |= book.resolve(a.alertId(), at, RESOLUTION.getOrDefault(a.ruleId(), "condition no longer holds")
                        + (causedBy.isEmpty() ? "" : " (" + String.join(", ", causedBy) + ")"));
            }
        }
        return changed;
    }

    /** Whether an alert with this id was ever raised (open or resolved). */
    public boolean known(String alertId) {
        return book.find(alertId).isPresent();
    }

    static boolean isStanding(String alertId, String ruleId) {
        return STANDING_RULES.contains(ruleId) && !alertId.contains(":NOTICE:");
    }

    /** Raises or refreshes one finding's alert; answers false when its open alert already says the same. */
    private boolean raise(Finding<Obligation> f, StoredAlert existing, String version, List<String> causedBy,
            Optional<LicenceChanged> licence, OffsetDateTime at) {
        // An open breach keeps the moment it was first detected and the deadline that started then.
        AlertRaised previous = existing == null ? null : existing.payload();
        OffsetDateTime detectedAt = previous == null ? at : previous.detectedAt();
        OffsetDateTime deadline = previous == null || !f.duty().standing() ? f.deadline() : previous.regulatoryDeadline();
        List<String> causes = previous == null ? causedBy : previous.causedBy();
        // A configuration alert (FP-010) calls for no AFSA notification: no draft, no report link.
        boolean notifies = f.duty().notification() != null;
        AlertRaised alert = new AlertRaised(f.alertId(), f.firmId(), Duty.FIT_AND_PROPER, f.ruleId(), version,
                f.rule().citation(), f.rule().severity(), f.title(), f.detail(), f.evidence(), causes, detectedAt,
                deadline, f.deadlineBasis(),
                notifies ? Map.of("report", NotificationDrafts.link(f.firmId(), f.alertId())) : Map.of());
        if (existing != null && AlertBook.unchanged(existing, alert)) {
            return false;
        }
        if (book.raise(alert) && notifies) {
            NotificationDraft.save(alert.alertId(), f.firmId(), f.duty().notification().name(), f.ruleId(), alert.title(), at,
                    NotificationDrafts.draft(f, alert, licence, at));
        }
        return true;
    }
}
