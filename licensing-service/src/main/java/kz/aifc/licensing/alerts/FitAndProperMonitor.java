package kz.aifc.licensing.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.LicensingConfig;
import kz.aifc.licensing.reports.NotificationDrafts;
import kz.aifc.licensing.rules.FirmFacts;
import kz.aifc.licensing.rules.Obligation;
import kz.aifc.platform.rules.Finding;
import kz.aifc.licensing.rules.FitAndProperRules;
import kz.aifc.licensing.store.FirmRecords;
import kz.aifc.licensing.store.NotificationDraft;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.time.BusinessCalendar;

/**
 * Re-evaluates a firm's standing FP rules after any change to its people, controllers or licence, inside the
 * caller's transaction, so state, alerts and drafts commit together.
 */
@ApplicationScoped
public class FitAndProperMonitor {

    private final FitAndProperRules rules;
    private final FitAndProperAlerts alerts;
    private final Jdbc jdbc;
    private final EntityManager entities;
    /** FP-006's approved combinations by firm: the persons whose combination AFSA approved (configured). */
    private final Map<String, Set<String>> approvedCombinations;
    private final Clock clock = Clock.systemUTC();

    FitAndProperMonitor(FitAndProperRules rules, FitAndProperAlerts alerts, LicensingConfig config, Jdbc jdbc,
            EntityManager entities) {
        this.rules = rules;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.entities = entities;
        this.approvedCombinations = approvedCombinations(config.approvedCombinations().orElse(List.of()));
    }

    public FitAndProperRules rules() {
        return rules;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The facts the standing rules read for one firm. */
    public FirmFacts facts(String firmId) {
        return facts(FirmRecords.of(jdbc, List.of(firmId)), firmId);
    }

    /** The facts as the records stand now: nothing re-derived but the lists a change since the last call replaced. */
    private FirmFacts facts(FirmRecords records, String firmId) {
        boolean datf = records.licence(firmId).map(l -> l.activities().contains(Activity.DATF_OPERATOR)).orElse(false);
        return new FirmFacts(firmId, datf, records.people(firmId), records.controllers(firmId),
                approvedCombinations.getOrDefault(firmId, Set.of()));
    }

    /**
     * Some firms as they stand: their records ({@link FirmRecords}) and open alerts, read once for all of them and
     * kept current in memory while changes are applied through it; a poll of events re-evaluates a firm after each of
     * its events without reading it again. The alert changes and drafts decided are kept in the order decided and
     * written by {@link #write}. Within one transaction, with the firms locked.
     */
    public final class Firms {

        private final FirmRecords records;
        private final Map<String, Map<String, AlertBook.StoredAlert>> open;
        private final FitAndProperAlerts.Changes changes = alerts.changes();

        private Firms(Collection<String> firmIds) {
            this.records = FirmRecords.of(jdbc, firmIds);
            this.open = alerts.open(firmIds);
        }

        public FirmRecords records() {
            return records;
        }

        /** Looks up in one read which of these alert ids were ever raised, for {@link #raisedBefore}. */
        public void lookUp(Collection<String> alertIds) {
            changes.lookUp(alertIds);
        }

        /** Whether an alert with this id was ever raised (open or resolved), this unit's raises included. */
        public boolean raisedBefore(String alertId) {
            return changes.raisedBefore(alertId);
        }

        /** Writes the alert changes and drafts decided so far; call it before the transaction commits. */
        public void write() {
            changes.write();
        }

        /** Writes the people and controllers changed so far; call it before the transaction commits. */
        public void writeRecords() {
            records.write();
        }
    }

    /** Reads the firms (call it with them locked, in the transaction that changes them). */
    @Transactional(TxType.MANDATORY)
    public Firms read(Collection<String> firmIds) {
        return new Firms(firmIds);
    }

    /**
     * Evaluates the firm now and reconciles its alerts; {@code triggered} are findings of the event just applied.
     * A firm not on the register is not (yet) an authorised firm, so nothing is raised for it: its people and
     * controllers are recorded, and registering its licence evaluates them (GEN 2.1.1 binds authorised firms).
     */
    @Transactional(TxType.MANDATORY)
    public void reassess(String firmId, List<Finding<Obligation>> triggered, List<String> causedBy, Instant now) {
        // The records are read as plain rows: the caller's licence, an entity, must be in the database first.
        entities.flush();
        Firms firms = read(List.of(firmId));
        reassess(firms, firmId, triggered, causedBy, now);
        firms.write();
    }

    /** As above, for one of {@code firms}: decided in memory, written by {@link Firms#write}. */
    @Transactional(TxType.MANDATORY)
    public void reassess(Firms firms, String firmId, List<Finding<Obligation>> triggered, List<String> causedBy,
            Instant now) {
        Optional<LicenceChanged> licence = firms.records.licence(firmId);
        if (licence.isEmpty()) {
            return;
        }
        // A withdrawn licence ends the firm's duties as an authorised firm, so its standing findings resolve.
        List<Finding<Obligation>> standing = licence.get().status() == LicenceStatus.WITHDRAWN
                ? List.of()
                : rules.evaluate(facts(firms.records, firmId), now);
        Map<String, AlertBook.StoredAlert> open = firms.open.computeIfAbsent(firmId, f -> new HashMap<>());
        alerts.reconcile(firms.changes, firmId, rules.rulebook().version(), standing, triggered, causedBy, licence, now,
                open);
    }

    /**
     * Drafts the GEN 6.2.1 notice for an appointment to, or a departure from, a Controlled Function (saved by
     * {@link Firms#write}).
     */
    @Transactional(TxType.MANDATORY)
    public void draftStaffNotice(Firms firms, StaffChange e, Instant now) {
        if (e.change() != StaffChangeKind.APPOINTED && e.change() != StaffChangeKind.DEPARTED) {
            return;
        }
        Set<Role> controlled = EnumSet.noneOf(Role.class);
        e.roles().stream().filter(rules.rulebook().controlledFunctions()::contains).forEach(controlled::add);
        if (controlled.isEmpty()) {
            return;
        }
        Optional<LicenceChanged> licence = firms.records.licence(e.firmId());
        if (licence.isEmpty()) {
            // The roster of a firm not yet licensed is its starting state, not appointments to notify.
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, BusinessCalendar.ALMATY);
        Map<String, Object> draft = NotificationDrafts.staffNotice(e, controlled, licence, rules.rulebook().version(), at);
        firms.changes.draft(new NotificationDraft.Save(NotificationDrafts.staffNoticeId(e), e.firmId(),
                String.valueOf(draft.get("kind")), "GEN-6.2.1", String.valueOf(draft.get("subject")), at, draft));
    }

    private static Map<String, Set<String>> approvedCombinations(List<String> entries) {
        Map<String, Set<String>> persons = new HashMap<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length == 2) {
                persons.computeIfAbsent(parts[0], f -> new HashSet<>()).add(parts[1]);
            }
        }
        persons.replaceAll((firm, ids) -> Set.copyOf(ids));
        return Map.copyOf(persons);
    }
}
