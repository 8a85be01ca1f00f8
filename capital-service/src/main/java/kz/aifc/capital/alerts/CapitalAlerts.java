package kz.aifc.capital.alerts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final AlertBook book;
    private final BusinessCalendar calendar;
    private final CapitalRulebook rulebook;

    CapitalAlerts(AlertBook book, BusinessCalendar calendar, CapitalRulebook rulebook) {
        this.book = book;
        this.calendar = calendar;
        this.rulebook = rulebook;
    }

    /**
     * @param breachBegan when the facts behind a new breach hold from (the snapshot's {@code asOf}): it names the
     *                    alert and starts its regulatory deadline
     * @return whether any alert was raised, changed or resolved (the firm's open alerts are then to be read again)
     */
    public boolean apply(String firmId, OpenAlerts openAlerts, List<Verdict> verdicts, OffsetDateTime breachBegan,
            List<String> causedBy, OffsetDateTime now) {
        boolean changed = resolveCoveredYears(openAlerts, now);
        for (Verdict verdict : verdicts) {
            List<AlertBook.StoredAlert> open = openAlerts.of(verdict.ruleId());
            switch (verdict.outcome()) {
                case BREACH -> changed |= raise(firmId, verdict, open.stream().findFirst(), breachBegan, causedBy, now);
                case CLEAR -> {
                    for (AlertBook.StoredAlert alert : open) {
                        changed |= book.resolve(alert.alertId(), now, verdict.reason());
                    }
                }
                case UNDETERMINED -> {
                    // The facts say neither breach nor cure: an open alert stays as it is.
                }
            }
        }
        return changed;
    }

    /** The firm's open alerts, read once per evaluation (call it with the firm's row locked). */
    public OpenAlerts open(String firmId) {
        return open(List.of(firmId)).getOrDefault(firmId, new OpenAlerts(Map.of()));
    }

    /** These firms' open alerts in one read, by firm (a firm with none is absent). */
    public Map<String, OpenAlerts> open(java.util.Collection<String> firmIds) {
        Map<String, Map<String, List<AlertBook.StoredAlert>>> byFirm = new java.util.HashMap<>();
        for (AlertBook.StoredAlert open : book.open(firmIds)) {
            byFirm.computeIfAbsent(open.firmId(), f -> new java.util.HashMap<>())
                    .computeIfAbsent(open.ruleId(), r -> new ArrayList<>()).add(open);
        }
        Map<String, OpenAlerts> out = new java.util.HashMap<>();
        byFirm.forEach((firm, byRule) -> out.put(firm, new OpenAlerts(byRule)));
        return out;
    }

    /** A firm's open alerts by rule. */
    public record OpenAlerts(Map<String, List<AlertBook.StoredAlert>> byRule) {

        public List<AlertBook.StoredAlert> of(String ruleId) {
            return byRule.getOrDefault(ruleId, List.of());
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

    /** Raises or refreshes the rule's alert; answers false when an open alert already says the same. */
    private boolean raise(String firmId, Verdict verdict, Optional<AlertBook.StoredAlert> open,
            OffsetDateTime breachBegan, List<String> causedBy, OffsetDateTime now) {
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
            alertId = newAlertId(finding.ruleId(), firmId, CapitalPosition.almatyDate(breachBegan));
            deadline = deadline(verdict.deadline(), breachBegan, now);
            if (deadline != null && verdict.deadline().kind() == Deadline.Kind.BUSINESS_DAYS) {
                Optional<String> caveat = calendar.caveat(deadline.toLocalDate());
                if (caveat.isPresent()) {
                    basis = basis + "; " + caveat.get();
                }
                if (!calendar.isCovered(deadline.toLocalDate())) {
                    calendarGap(firmId, alertId, finding.ruleId(), deadline, causedBy, now);
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
        if (open.isPresent() && AlertBook.unchanged(open.get(), alert)) {
            return false;
        }
        book.raise(alert);
        return true;
    }

    /**
     * CAP-007: a business-day deadline in a year the calendar does not cover was counted on weekends only; the desk
     * sees a configuration alert, one per firm and year, until the calendar covers the year.
     */
    private void calendarGap(String firmId, String alertId, String ruleId, OffsetDateTime deadline,
            List<String> causedBy, OffsetDateTime now) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_007);
        int year = deadline.getYear();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("year", year);
        evidence.put("affectedAlertId", alertId);
        evidence.put("affectedDeadline", deadline.toString());
        book.raise(new AlertRaised(rule.id() + ":" + firmId + ":" + year, firmId, Duty.CAPITAL, rule.id(),
                rulebook.version(), rule.citation(), rule.severity(), rule.title(), "The Kazakhstan business calendar "
                        + "has no days off for " + year + ", so the deadline of " + alertId + " (" + ruleId + "), "
                        + deadline + ", was counted on weekends only. Add " + year + " to the calendar file "
                        + "(aifc.calendar.location) or to the bundled calendar/kz-days-off.json.",
                evidence, causedBy, now, null, null, Map.of()));
    }

    /** Resolves the firm's CAP-007 alerts whose year the calendar now covers. */
    private boolean resolveCoveredYears(OpenAlerts openAlerts, OffsetDateTime now) {
        boolean resolved = false;
        for (AlertBook.StoredAlert open : openAlerts.of(CapitalRulebook.CAP_007)) {
            Object year = open.payload().evidence().get("year");
            if (year != null && calendar.isCovered(java.time.LocalDate.of(Integer.parseInt(year.toString()), 1, 1))) {
                resolved |= book.resolve(open.alertId(), now, "The business calendar now covers " + year);
            }
        }
        return resolved;
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

    /** rule:firm:Almaty date the breach began; a second breach of the rule on the same day gets a suffix. */
    private String newAlertId(String ruleId, String firmId, java.time.LocalDate began) {
        String base = ruleId + ":" + firmId + ":" + began;
        String id = base;
        for (int n = 2; book.find(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
