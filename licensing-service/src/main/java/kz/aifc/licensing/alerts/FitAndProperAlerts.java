package kz.aifc.licensing.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import kz.aifc.platform.store.Jdbc;
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
    private final Jdbc jdbc;

    FitAndProperAlerts(AlertBook book, Jdbc jdbc) {
        this.book = book;
        this.jdbc = jdbc;
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
     * A unit of work's alert changes and notification drafts, kept in the order they were decided and written by
     * {@link #write} in a few statements ({@link AlertBook#applyAll}, {@link NotificationDraft#saveAll}); call it
     * inside the unit's transaction, before its commit.
     */
    public final class Changes {

        private final List<AlertBook.Change> changes = new ArrayList<>();
        private final List<NotificationDraft.Save> drafts = new ArrayList<>();
        /** Whether an alert id was ever raised (stored, or raised in this unit), as far as it was looked up. */
        private final Map<String, Boolean> known = new HashMap<>();

        private Changes() {
        }

        void raise(AlertRaised alert, Map<String, StoredAlert> open) {
            changes.add(new AlertBook.Raise(alert));
            known.put(alert.alertId(), true);
            open.put(alert.alertId(), StoredAlert.open(alert));
        }

        void resolve(StoredAlert alert, OffsetDateTime at, String reason, Map<String, StoredAlert> open) {
            changes.add(new AlertBook.Resolution(alert.alertId(), at, reason));
            open.remove(alert.alertId());
        }

        /** Saves a notification draft when the unit is written, after the drafts saved before it. */
        public void draft(NotificationDraft.Save draft) {
            drafts.add(draft);
        }

        /** Looks up in one read which of these alert ids were ever raised, for {@link #raisedBefore}. */
        public void lookUp(Collection<String> alertIds) {
            List<String> ids = alertIds.stream().filter(id -> !known.containsKey(id)).distinct().toList();
            if (!ids.isEmpty()) {
                Set<String> stored = book.existing(ids);
                ids.forEach(id -> known.put(id, stored.contains(id)));
            }
        }

        /** Whether an alert with this id was ever raised (open or resolved), this unit's raises included. */
        public boolean raisedBefore(String alertId) {
            lookUp(List.of(alertId));
            return known.get(alertId);
        }

        /** Writes the alert changes in order, then the drafts; answers how many alert events were emitted. */
        public int write() {
            int emitted = book.applyAll(changes);
            changes.clear();
            NotificationDraft.saveAll(jdbc, drafts);
            drafts.clear();
            return emitted;
        }
    }

    /** A new unit of work. */
    public Changes changes() {
        return new Changes();
    }

    /**
     * Decides the firm's alert changes into {@code changes}: raises or refreshes every finding and drafts its
     * notification, and resolves standing alerts no longer found; {@code open} is kept as it will stand once written.
     *
     * @param open the firm's open alerts by id, as they stand in this unit of work
     */
    @Transactional(TxType.MANDATORY)
    public void reconcile(Changes changes, String firmId, String rulebookVersion, List<Finding<Obligation>> standing,
            List<Finding<Obligation>> triggered, List<String> causedBy, Optional<LicenceChanged> licence, Instant now,
            Map<String, StoredAlert> open) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, BusinessCalendar.ALMATY);
        // Those open before this evaluation, the ones to resolve when no longer found (the raises below update open).
        List<StoredAlert> before = List.copyOf(open.values());
        Set<String> found = new HashSet<>();
        for (Finding<Obligation> f : standing) {
            found.add(f.alertId());
            raise(changes, f, open, rulebookVersion, causedBy, licence, at);
        }
        for (Finding<Obligation> f : triggered) {
            raise(changes, f, open, rulebookVersion, causedBy, licence, at);
        }
        for (StoredAlert a : before) {
            if (isStanding(a.alertId(), a.ruleId()) && !found.contains(a.alertId())) {
                changes.resolve(a, at, RESOLUTION.getOrDefault(a.ruleId(), "condition no longer holds")
                        + (causedBy.isEmpty() ? "" : " (" + String.join(", ", causedBy) + ")"), open);
            }
        }
    }

    static boolean isStanding(String alertId, String ruleId) {
        return STANDING_RULES.contains(ruleId) && !alertId.contains(":NOTICE:");
    }

    /** Raises or refreshes one finding's alert and drafts its notification, unless its open alert already says the same. */
    private void raise(Changes changes, Finding<Obligation> f, Map<String, StoredAlert> open, String version,
            List<String> causedBy, Optional<LicenceChanged> licence, OffsetDateTime at) {
        StoredAlert existing = open.get(f.alertId());
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
            return;
        }
        // Not open, or open and changed: the book emits it (the open alerts are current), so its draft is rewritten.
        changes.raise(alert, open);
        if (notifies) {
            changes.draft(new NotificationDraft.Save(alert.alertId(), f.firmId(), f.duty().notification().name(),
                    f.ruleId(), alert.title(), at, NotificationDrafts.draft(f, alert, licence, at)));
        }
    }
}
