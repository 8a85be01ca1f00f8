package kz.aifc.capital.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.MessageBundles;

import kz.aifc.capital.alerts.CapitalAlerts;
import kz.aifc.capital.rules.CapitalPosition;
import kz.aifc.capital.rules.Money;
import kz.aifc.capital.rules.Requirement;
import kz.aifc.platform.rules.Rule;
import kz.aifc.capital.rules.CapitalRulebook;
import kz.aifc.capital.store.CapitalStore;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.CapitalComponents;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.report.DraftFacts;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;
import kz.aifc.platform.time.BusinessCalendar;

/** Drafts the capital position, the breach notice to AFSA and the quarterly return from the stored state. */
@ApplicationScoped
public class CapitalReports {

    public static final String BANNER = "DRAFT — review before submission";
    /** The labels and kinds of the alerts' evidence fields, per language. */
    public static final String EVIDENCE_LABELS = "kz.aifc.capital.reports.EvidenceLabels";
    private static final int HISTORY = 100;

    private final CapitalStore store;
    private final AlertBook alerts;
    private final CapitalRulebook rulebook;
    private final Clock clock;

    CapitalReports(CapitalStore store, AlertBook alerts, CapitalRulebook rulebook, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.rulebook = rulebook;
        this.clock = clock;
    }

    public ReportViews.Position position(String firmId) {
        requireFirm(firmId);
        LicenceChanged licence = licence(firmId);
        ReportViews.Calculation current = store.current(firmId).map(s -> calculation(s.snapshot(), licence)).orElse(null);
        List<ReportViews.OpenAlert> open = alerts.open(firmId, null).stream().map(a -> new ReportViews.OpenAlert(
                a.alertId(), a.ruleId(), a.payload().severity().name(), a.payload().title(),
                a.payload().regulatoryDeadline(), CapitalAlerts.reportLink(firmId, a.alertId()))).toList();
        List<ReportViews.HistoryLine> history = store.history(firmId, HISTORY).stream()
                .map(s -> new ReportViews.HistoryLine(s.snapshot().asOf(), s.receivedAt(), s.snapshot().currency().name(),
                        Money.plain(s.resourcesUsd()), Money.plain(s.requirementUsd()), s.requirementBasis(),
                        s.belowRequirement(), s.late()))
                .toList();
        return new ReportViews.Position("Working view of the capital position — not a submission",
                firm(firmId, licence), rulebook.version(), current, open, history, now());
    }

    /** The breach notice with its evidence labelled in English. */
    public ReportViews.BreachNotice breachNotice(String firmId, String alertId) {
        return breachNotice(firmId, alertId, Locale.ENGLISH);
    }

    /** The breach notice; its evidence carries labels and formatted values in {@code locale} beside the raw ones. */
    public ReportViews.BreachNotice breachNotice(String firmId, String alertId, Locale locale) {
        requireFirm(firmId);
        AlertBook.StoredAlert stored = alerts.find(alertId).filter(a -> a.firmId().equals(firmId))
                .orElseThrow(() -> ProblemException.notFound("firm " + firmId + " has no alert " + alertId));
        AlertRaised alert = stored.payload();
        LicenceChanged licence = licence(firmId);
        ReportViews.Firm firm = firm(firmId, licence);
        List<ReportViews.Fact> evidence = evidence(alert.evidence(), locale);
        String firmName = firm.firmName() == null ? firmId : firm.firmName();
        String licenceText = firm.licenceNumber() == null ? "" : " (licence " + firm.licenceNumber() + ")";
        List<String> statement = new ArrayList<>();
        statement.add(firmName + licenceText + " notifies the AIFC Financial Services Authority under "
                + alert.citation() + " of the following matter, detected on "
                + DraftFormat.dateOf(alert.detectedAt(), Locale.ENGLISH) + ": " + alert.detail());
        CapitalMessages english = MessageBundles.get(CapitalMessages.class);
        Boolean pruInvFirm = null;
        if (CapitalRulebook.CAP_001.equals(alert.ruleId())) {
            // Alerts raised before the evidence said so were raised with PRU(INV) 6.5's limit.
            pruInvFirm = !Boolean.FALSE.equals(alert.evidence().get("pruInvFirm"));
            statement.add(pruInvFirm ? english.breach_cap001() : english.breach_cap001_immediate());
        }
        ReportViews.UnverifiedAmount unverified = unverifiedAmount(alert);
        if (unverified != null) {
            statement.add(english.breach_unverified_amount(
                    Money.usd(new BigDecimal(unverified.amountUsd())).substring("USD ".length()),
                    english.activity(unverified.activity()), english.confidence(unverified.confidence()),
                    unverified.setting()));
        }
        statement.add(stored.open() ? "The matter is continuing at the date of this notice."
                : "The matter has since been resolved: see the firm's latest capital position.");
        List<String> toComplete = List.of(
                "Cause of the matter and when the firm became aware of it",
                "Remedial steps taken or planned, and the expected date the requirement is met again",
                "Name and position of the person signing for the firm (SEO or Finance Officer)");
        Rule rule = rulebook.rules().get(alert.ruleId());
        return new ReportViews.BreachNotice(true, BANNER, "Notification to AFSA: " + alert.title(),
                "AIFC Financial Services Authority (AFSA), Astana", firm, alert.alertId(), alert.ruleId(),
                rule == null ? alert.title() : rule.title(), alert.severity().name(), alert.citation(),
                stored.open() ? "OPEN" : "RESOLVED", alert.detectedAt(), alert.regulatoryDeadline(),
                alert.deadlineBasis(), alert.detail(), evidence, statement, toComplete, alert.rulebookVersion(), now(),
                pruInvFirm, unverified);
    }

    /**
     * Every field of an alert's evidence with its raw value, and, for those a person reads, the label and formatted
     * value in {@code locale} (EvidenceLabels bundle: Astana times, amounts with currency, yes/no; ids and empty
     * fields unlabelled).
     */
    public static List<ReportViews.Fact> evidence(Map<String, Object> raw, Locale locale) {
        Map<String, DraftFacts.Fact> printed = new LinkedHashMap<>();
        for (DraftFacts.Fact fact : DraftFacts.of(raw, DraftLabels.of(EVIDENCE_LABELS, locale))) {
            printed.put(fact.key(), fact);
        }
        List<ReportViews.Fact> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            DraftFacts.Fact fact = printed.get(e.getKey());
            out.add(new ReportViews.Fact(e.getKey(), e.getValue() == null ? "—" : String.valueOf(e.getValue()),
                    fact == null ? null : fact.label(), fact == null ? null : fact.text()));
        }
        return out;
    }

    /** The amount a CAP-001 alert rests on when its row is not verified (from the alert's evidence), else null. */
    private static ReportViews.UnverifiedAmount unverifiedAmount(AlertRaised alert) {
        Map<String, Object> e = alert.evidence();
        Object confidence = e.get("requirementConfidence");
        if (!CapitalRulebook.CAP_001.equals(alert.ruleId()) || confidence == null || "verified".equals(confidence)
                || e.get("requirementSetting") == null) {
            return null;
        }
        return new ReportViews.UnverifiedAmount(String.valueOf(e.get("requirementBasis")),
                String.valueOf(e.get("requirement")),
                String.valueOf(confidence), String.valueOf(e.get("requirementSetting")));
    }

    public ReportViews.QuarterlyReturn quarterly(String firmId, String quarterText) {
        Quarter quarter = Quarter.parse(quarterText);
        requireFirm(firmId);
        LicenceChanged licence = licence(firmId);
        List<CapitalStore.StoredSnapshot> inQuarter = store.between(firmId, quarter.start(), quarter.end());
        Optional<CapitalStore.StoredSnapshot> last = inQuarter.stream()
                .max((a, b) -> a.snapshot().asOf().compareTo(b.snapshot().asOf()));
        int late = (int) inQuarter.stream().filter(CapitalStore.StoredSnapshot::late).count();
        int below = (int) inQuarter.stream().filter(s -> Boolean.TRUE.equals(s.belowRequirement())).count();
        int unknown = (int) inQuarter.stream().filter(s -> s.belowRequirement() == null).count();
        String status;
        String statement;
        if (inQuarter.isEmpty()) {
            status = "UNKNOWN";
            statement = "No capital snapshot was received for " + quarter + ", so compliance with the base capital "
                    + "requirement cannot be stated.";
        } else if (below > 0) {
            status = "NON_COMPLIANT";
            statement = "Not compliant: capital resources were below the base capital requirement (DAA 3.2(1)(b)) "
                    + "in " + below + " of " + inQuarter.size() + " capital snapshots of " + quarter + "; the alerts "
                    + "below list each breach and its notification.";
        } else if (unknown > 0) {
            status = "UNKNOWN";
            statement = "Compliance cannot be stated for " + unknown + " of " + inQuarter.size() + " snapshots of "
                    + quarter + ": the requirement could not be computed (CAP-006). The others met the requirement.";
        } else {
            status = "COMPLIANT";
            statement = "Compliant: capital resources met the base capital requirement (DAA 3.2(1)(b)) in all "
                    + inQuarter.size() + " capital snapshots of " + quarter + ".";
        }
        List<ReportViews.QuarterAlert> raised = store.alertsConcerning(firmId, quarter.start(), quarter.end()).stream()
                .map(a -> new ReportViews.QuarterAlert(a.alertId(), a.ruleId(), a.severity(), a.status(), a.raisedAt(),
                        a.resolvedAt(), a.detail()))
                .toList();
        return new ReportViews.QuarterlyReturn(true, BANNER, "Quarterly report: capital resources calculation and "
                + "statement of compliance", firm(firmId, licence), quarter.toString(), quarter.firstDay(),
                quarter.lastDay(), quarter.lastDay().plusMonths(1),
                "DAA 2.13.11(1) and 3.13.1(1) set no deadline; AFSA's guidance for prudential returns is one month "
                        + "after the quarter end (domain-facts D1, G3)",
                "AIFC DAA 2.13.11(1), 3.13.1(1); DAA 3.2(1)(b)",
                last.map(s -> calculation(s.snapshot(), licence)).orElse(null), inQuarter.size(), late, below, unknown,
                status, statement, raised, rulebook.version(), now());
    }

    /** The calculation of one snapshot against the firm's current licence. */
    ReportViews.Calculation calculation(CapitalSnapshot snapshot, LicenceChanged licence) {
        Requirement requirement = Requirement.of(licence, rulebook, CapitalPosition.almatyDate(snapshot.asOf()));
        CapitalPosition p = CapitalPosition.of(snapshot, requirement, rulebook);
        CapitalComponents c = snapshot.capital();
        List<ReportViews.Line> lines = List.of(
                line(p, "Paid-up share capital", "+", c.paidUpShareCapital()),
                line(p, "Share premium", "+", c.sharePremium()),
                line(p, "Audited retained earnings", "+", c.auditedRetainedEarnings()),
                line(p, "Other reserves", "+", c.otherReserves()),
                line(p, "Interim losses", "-", c.interimLosses()),
                line(p, "Intangible assets", "-", c.intangibleAssets()),
                line(p, "Deferred tax assets", "-", c.deferredTaxAssets()),
                line(p, "Other deductions", "-", c.otherDeductions()));
        ReportViews.RequirementView req = new ReportViews.RequirementView(requirement.status().name(),
                Money.plain(requirement.amountUsd()),
                requirement.basis() == null ? null : requirement.basis().activity().name(),
                requirement.basis() == null ? null : requirement.basis().citation(),
                requirement.basis() == null ? null : requirement.basis().confidence().label(),
                requirement.unconfigured().stream().map(Enum::name).sorted().toList());
        ReportViews.LiquidAssetsTest liquid = new ReportViews.LiquidAssetsTest(p.liquidTestApplies(),
                Money.plain(p.liquidAssets()), Money.plain(p.liquidRequired()),
                rulebook.liquidAssetsFraction().toPlainString(), p.liquidTestApplies() ? !p.liquidShortfall() : null,
                snapshot.currency().name());
        return new ReportViews.Calculation(snapshot.asOf(), snapshot.currency().name(),
                snapshot.currency() == Currency.USD ? null : Money.plain(snapshot.usdRate()), lines,
                Money.plain(p.resources()), Money.plain(p.resourcesUsd()), req, Money.plain(p.headroomPercent()),
                Money.plain(p.toUsd(p.bufferInCurrency())), liquid);
    }

    private static ReportViews.Line line(CapitalPosition p, String label, String sign, BigDecimal amount) {
        return new ReportViews.Line(label, sign, Money.plain(amount), Money.plain(p.toUsd(amount)));
    }

    private void requireFirm(String firmId) {
        if (!store.firmExists(firmId)) {
            throw ProblemException.notFound("no capital snapshot or licence is known for firm " + firmId);
        }
    }

    private LicenceChanged licence(String firmId) {
        return store.licence(firmId).map(CapitalStore.StoredLicence::licence).orElse(null);
    }

    private static ReportViews.Firm firm(String firmId, LicenceChanged licence) {
        if (licence == null) {
            return new ReportViews.Firm(firmId, null, null, "UNKNOWN", List.of());
        }
        return new ReportViews.Firm(firmId, licence.firmName(), licence.licenceNumber(), licence.status().name(),
                licence.activities().stream().map(Enum::name).toList());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(BusinessCalendar.ALMATY));
    }
}
