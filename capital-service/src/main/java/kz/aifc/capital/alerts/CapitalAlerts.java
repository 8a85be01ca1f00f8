package kz.aifc.capital.alerts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.capital.rules.CapitalPosition;
import kz.aifc.platform.rules.Deadline;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.rules.Rule;
import kz.aifc.capital.rules.PaidUpCapital;
import kz.aifc.capital.rules.CapitalRulebook;
import kz.aifc.capital.rules.Verdict;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Duty;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.time.BusinessCalendar;

/**
 * Turns verdicts into alerts through the platform's AlertBook (outbox + audit, in the caller's transaction). One
 * breach keeps one alert: while a rule's alert is open its id and its deadline are reused, whatever the day.
 */
@ApplicationScoped
public class CapitalAlerts {

    /** How many causing events an alert lists (the latest ones); older causes stay in the audit log. */
    private static final int MAX_CAUSES = 20;
    /** How many ids of one day's breach of a rule are looked up at once when a new one is named. */
    private static final int ID_LOOKAHEAD = 16;

    private final AlertBook book;
    private final BusinessCalendar calendar;
    private final CapitalRulebook rulebook;

    CapitalAlerts(AlertBook book, BusinessCalendar calendar, CapitalRulebook rulebook) {
        this.book = book;
        this.calendar = calendar;
        this.rulebook = rulebook;
    }

    /**
     * A unit of work's alert changes, kept in the order they were decided and written by {@link #write} in a few
     * statements ({@link AlertBook#applyAll}); call it inside the unit's transaction, before its commit.
     */
    public final class Changes {

        private final List<AlertBook.Change> changes = new ArrayList<>();
        /** Whether an alert id is taken (stored, or raised in this unit), as far as it was looked up. */
        private final Map<String, Boolean> taken = new HashMap<>();

        private Changes() {
        }

        void raise(AlertRaised alert, OpenAlerts open) {
            changes.add(new AlertBook.Raise(alert));
            taken.put(alert.alertId(), true);
            open.raised(alert);
        }

        void resolve(AlertBook.StoredAlert alert, OffsetDateTime at, String reason, OpenAlerts open) {
            changes.add(new AlertBook.Resolution(alert.alertId(), at, reason));
            open.resolved(alert);
        }

        /** Writes the changes in order; answers how many alert events were emitted. */
        public int write() {
            int emitted = book.applyAll(changes);
            changes.clear();
            return emitted;
        }

        /** rule:firm:Almaty date the breach began; a second breach of the rule on the same day gets a suffix. */
        String newAlertId(String base) {
            for (int n = 1;; n++) {
                String id = idOf(base, n);
                if (!taken.containsKey(id)) {
                    lookUp(base, n);
                }
                if (!taken.get(id)) {
                    return id;
                }
            }
        }

        /** Looks up the next few ids of {@code base} from suffix {@code from} in one read. */
        private void lookUp(String base, int from) {
            List<String> ids = new ArrayList<>();
            for (int n = from; n < from + ID_LOOKAHEAD; n++) {
                ids.add(idOf(base, n));
            }
            Set<String> stored = book.existing(ids);
            ids.forEach(id -> taken.putIfAbsent(id, stored.contains(id)));
        }

        private static String idOf(String base, int n) {
            return n == 1 ? base : base + "-" + n;
        }
    }

    /** A new unit of work. */
    public Changes changes() {
        return new Changes();
    }

    /**
     * Decides the firm's alert changes for these verdicts into {@code changes}, and keeps {@code openAlerts} as they
     * will stand once written.
     *
     * @param breachBegan when the facts behind a new breach hold from (the snapshot's {@code asOf}): it names the
     *                    alert and starts its regulatory deadline
     */
    public void apply(Changes changes, String firmId, OpenAlerts openAlerts, List<Verdict> verdicts,
            OffsetDateTime breachBegan, List<String> causedBy, OffsetDateTime now) {
        resolveCoveredYears(changes, openAlerts, now);
        for (Verdict verdict : verdicts) {
            List<AlertBook.StoredAlert> open = openAlerts.of(verdict.ruleId());
            switch (verdict.outcome()) {
                case BREACH -> raise(changes, firmId, openAlerts, verdict, open.stream().findFirst(), breachBegan,
                        causedBy, now);
                case CLEAR -> {
                    for (AlertBook.StoredAlert alert : List.copyOf(open)) {
                        changes.resolve(alert, now, verdict.reason(), openAlerts);
                    }
                }
                case UNDETERMINED -> {
                    // The facts say neither breach nor cure: an open alert stays as it is.
                }
            }
        }
    }

    /** The same for one firm in a unit of work of its own: decided and written at once. */
    public void apply(String firmId, OpenAlerts openAlerts, List<Verdict> verdicts, OffsetDateTime breachBegan,
            List<String> causedBy, OffsetDateTime now) {
        Changes changes = changes();
        apply(changes, firmId, openAlerts, verdicts, breachBegan, causedBy, now);
        changes.write();
    }

    /** The firm's open alerts, read once per evaluation (call it with the firm's row locked). */
    public OpenAlerts open(String firmId) {
        return open(List.of(firmId)).getOrDefault(firmId, new OpenAlerts());
    }

    /** These firms' open alerts in one read, by firm (a firm with none is absent). */
    public Map<String, OpenAlerts> open(java.util.Collection<String> firmIds) {
        Map<String, OpenAlerts> out = new HashMap<>();
        for (AlertBook.StoredAlert open : book.open(firmIds)) {
            out.computeIfAbsent(open.firmId(), f -> new OpenAlerts()).byRule
                    .computeIfAbsent(open.ruleId(), r -> new ArrayList<>()).add(open);
        }
        return out;
    }

    /** A firm's open alerts by rule, oldest first, kept current as a unit of work changes them. */
    public static final class OpenAlerts {

        private final Map<String, List<AlertBook.StoredAlert>> byRule = new HashMap<>();

        public List<AlertBook.StoredAlert> of(String ruleId) {
            return byRule.getOrDefault(ruleId, List.of());
        }

        /** Raised or refreshed: it stays where it was among the rule's open alerts, or joins them as the newest. */
        void raised(AlertRaised alert) {
            List<AlertBook.StoredAlert> open = byRule.computeIfAbsent(alert.ruleId(), r -> new ArrayList<>());
            AlertBook.StoredAlert stored = AlertBook.StoredAlert.open(alert);
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i).alertId().equals(alert.alertId())) {
                    open.set(i, stored);
                    return;
                }
            }
            open.add(stored);
        }

        void resolved(AlertBook.StoredAlert alert) {
            byRule.getOrDefault(alert.ruleId(), new ArrayList<>()).removeIf(a -> a.alertId().equals(alert.alertId()));
        }

        /** The paid-up capital before the reduction an open CAP-004 alert tracks (from its evidence), if any. */
        public PaidUpCapital reductionBaseline() {
            return of(CapitalRulebook.CAP_004).stream().findFirst().map(open -> {
                Map<String, Object> e = open.payload().evidence();
                return new PaidUpCapital(new java.math.BigDecimal(e.get("paidUpShareCapitalBefore").toString()),
                        e.get("paidUpShareCapitalBeforeCurrency").toString(),
                        new java.math.BigDecimal(e.get("paidUpShareCapitalBeforeUsdRate").toString()));
            }).orElse(null);
        }
    }

    /** Raises or refreshes the rule's alert, unless an open alert already says the same. */
    private void raise(Changes changes, String firmId, OpenAlerts openAlerts, Verdict verdict,
            Optional<AlertBook.StoredAlert> open, OffsetDateTime breachBegan, List<String> causedBy,
            OffsetDateTime now) {
        Finding<Void> finding = verdict.finding();
        String alertId;
        OffsetDateTime deadline;
        String basis = finding.deadlineBasis();
        OffsetDateTime detectedAt = now;
        LinkedHashSet<String> causes = new LinkedHashSet<>();
        if (open.isPresent()) {
            // An open breach keeps the moment it was first detected, which an "immediately" deadline is.
            AlertRaised previous = open.get().payload();
            alertId = previous.alertId();
            detectedAt = previous.detectedAt();
            deadline = previous.regulatoryDeadline();
            basis = previous.deadlineBasis();
            causes.addAll(previous.causedBy());
        } else {
            alertId = changes.newAlertId(finding.ruleId() + ":" + firmId + ":" + CapitalPosition.almatyDate(breachBegan));
            deadline = deadline(verdict.deadline(), breachBegan, now);
            if (deadline != null && verdict.deadline().kind() == Deadline.Kind.BUSINESS_DAYS) {
                Optional<String> caveat = calendar.caveat(deadline.toLocalDate());
                if (caveat.isPresent()) {
                    basis = basis + "; " + caveat.get();
                }
                if (!calendar.isCovered(deadline.toLocalDate())) {
                    calendarGap(changes, openAlerts, firmId, alertId, finding.ruleId(), deadline, causedBy, now);
                }
            }
        }
        causes.addAll(causedBy);
        List<String> latestCauses = new ArrayList<>(causes);
        if (latestCauses.size() > MAX_CAUSES) {
            latestCauses = latestCauses.subList(latestCauses.size() - MAX_CAUSES, latestCauses.size());
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("report", reportLink(firmId, alertId));
        AlertRaised alert = new AlertRaised(alertId, firmId, Duty.CAPITAL, finding.ruleId(), rulebook.version(),
                finding.citation(), finding.severity(), finding.title(), finding.detail(), finding.evidence(),
                latestCauses, detectedAt, deadline, deadline == null ? null : basis, links);
        if (open.isEmpty() || !AlertBook.unchanged(open.get(), alert)) {
            changes.raise(alert, openAlerts);
        }
    }

    /**
     * CAP-007: a business-day deadline in a year the calendar does not cover was counted on weekends only; the desk
     * sees a configuration alert, one per firm and year, until the calendar covers the year.
     */
    private void calendarGap(Changes changes, OpenAlerts openAlerts, String firmId, String alertId, String ruleId,
            OffsetDateTime deadline, List<String> causedBy, OffsetDateTime now) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_007);
        int year = deadline.getYear();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("year", year);
        evidence.put("affectedAlertId", alertId);
        evidence.put("affectedDeadline", deadline.toString());
        changes.raise(new AlertRaised(rule.id() + ":" + firmId + ":" + year, firmId, Duty.CAPITAL, rule.id(),
                rulebook.version(), rule.citation(), rule.severity(), rule.title(), "The Kazakhstan business calendar "
                        + "has no days off for " + year + ", so the deadline of " + alertId + " (" + ruleId + "), "
                        + deadline + ", was counted on weekends only. Add " + year + " to the calendar file "
                        + "(aifc.calendar.location) or to the bundled calendar/kz-days-off.json.",
                evidence, causedBy, now, null, null, Map.of()), openAlerts);
    }

    /** Resolves the firm's CAP-007 alerts whose year the calendar now covers. */
    private void resolveCoveredYears(Changes changes, OpenAlerts openAlerts, OffsetDateTime now) {
        for (AlertBook.StoredAlert open : List.copyOf(openAlerts.of(CapitalRulebook.CAP_007))) {
            Object year = open.payload().evidence().get("year");
            if (year != null && calendar.isCovered(java.time.LocalDate.of(Integer.parseInt(year.toString()), 1, 1))) {
                changes.resolve(open, now, "The business calendar now covers " + year, openAlerts);
            }
        }
    }

    /** Due when detected ("immediately"), or close of business N business days after the breach began. */
    private OffsetDateTime deadline(Deadline rule, OffsetDateTime breachBegan, OffsetDateTime now) {
        if (rule == null) {
            return null;
        }
        return switch (rule.kind()) {
            case IMMEDIATE -> now;
            case BUSINESS_DAYS -> calendar.deadline(breachBegan.toInstant(), rule.days());
            default -> null;
        };
    }

    public static String reportLink(String firmId, String alertId) {
        return "/firms/" + firmId + "/reports/capital-breach-notice/" + alertId;
    }
}
