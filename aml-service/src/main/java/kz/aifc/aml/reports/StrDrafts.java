package kz.aifc.aml.reports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.aml.reports.StrDraft.AfsaNotice;
import kz.aifc.aml.reports.StrDraft.NoticeRendering;
import kz.aifc.aml.reports.StrDraft.Participants;
import kz.aifc.aml.reports.StrDraft.RenderedIndicator;
import kz.aifc.aml.reports.StrDraft.Renderings;
import kz.aifc.aml.reports.StrDraft.ReportingSubject;
import kz.aifc.aml.reports.StrDraft.StrCounterparty;
import kz.aifc.aml.reports.StrDraft.StrCustomer;
import kz.aifc.aml.reports.StrDraft.StrHeadings;
import kz.aifc.aml.reports.StrDraft.StrOperation;
import kz.aifc.aml.reports.StrDraft.StrRendering;
import kz.aifc.aml.reports.StrDraft.SuspicionIndicator;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.store.CaseOperations;
import kz.aifc.aml.store.FirmLicences;
import kz.aifc.platform.report.DraftFacts;
import kz.aifc.platform.report.DraftFacts.Fact;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;

/**
 * Drafts the suspicious transaction report for the FIU from a case: the five parts Law 191-IV Art. 10(2) names
 * (reporting subject, operation, participants, suspicion indicators, additional information) with Russian and Kazakh
 * headings and an English rendering (worded by AmlMessages), plus the AFSA notice of AML 13.8.1(c). The AFM form and
 * XML schema are not verified (domain-facts G6), so this is the content, not the filing format.
 */
@ApplicationScoped
public class StrDrafts {

    /** What a DATF operator's notice adds (DAA 2.13.1(b), domain-facts H6); the print words it per language. */
    static final String DATF_BASIS = "AIFC DAA 2.13.1(b): a DATF operator reports suspected money laundering to AFSA "
            + "immediately, in writing, with full details (the suspicious transaction report above)";

    private final CaseOperations stored;
    private final AmlRules rules;
    private final FirmLicences licences;

    StrDrafts(CaseOperations stored, AmlRules rules, FirmLicences licences) {
        this.stored = stored;
        this.rules = rules;
        this.licences = licences;
    }

    /** Whether the case's firm was a DATF operator on the day of the decision (today while undecided): DAA 2.13.1(b). */
    public boolean datfOperator(CaseView c) {
        OffsetDateTime day = c.decidedAt() != null ? c.decidedAt() : OffsetDateTime.now(CustomerHistory.ALMATY);
        return licences.datfOperator(c.firmId(), day.atZoneSameInstant(CustomerHistory.ALMATY).toLocalDate());
    }

    public StrDraft draft(CaseView c) {
        return compose(c, operations(c.firmId(), c.customerId(), c.transactionIds()));
    }

    /** The draft of a case over its operations (as stored, or as a test gives them). */
    public StrDraft compose(CaseView c, List<StrOperation> operations) {
        String status = switch (c.status()) {
            case "FILE_STR" -> "READY_TO_FILE";
            case "NO_STR" -> "NOT_TO_BE_FILED";
            default -> "DRAFT_PENDING_MLRO_DECISION";
        };
        StrCustomer customer = operations.isEmpty() ? null : operations.get(operations.size() - 1).customer();
        Participants participants = new Participants(customer == null ? StrCustomer.of(c.customerId()) : customer,
                operations.stream().map(StrOperation::counterparty).filter(x -> x != null).distinct().toList());
        List<SuspicionIndicator> indicators = c.findings().stream().map(f -> new SuspicionIndicator(f.ruleId(),
                rules.rulebook().rule(f.ruleId()).citation(), f.detectedAt(), f.detail(), f.transactionIds())).toList();
        boolean datf = datfOperator(c);
        // Facts above are language-neutral data; each rendering names and words them in its language.
        Renderings renderings = new Renderings(section(c, "ru", operations, participants, datf),
                section(c, "kk", operations, participants, datf), section(c, "en", operations, participants, datf));
        AfsaNotice notice = new AfsaNotice("AIFC Financial Services Authority",
                "AIFC AML 13.8.1(c): notify AFSA promptly after filing an STR with the FIU",
                "The firm " + c.firmId() + " has filed (or is filing) a suspicious transaction report with the "
                        + "Agency for Financial Monitoring concerning case " + c.caseId() + " (customer "
                        + c.customerId() + ", rules " + String.join(", ", c.ruleIds()) + ").",
                datf ? DATF_BASIS : null);
        return new StrDraft(c.caseId(), status, "Law 191-IV Art. 10(2); AIFC AML 13.6.1(d), 13.8.1",
                List.of("Submit electronically to the Agency for Financial Monitoring in Kazakh or Russian (Law 191-IV "
                                + "Art. 10(2)).",
                        "The STR deadline and the AFM form/XML schema are not verified (domain-facts B7, G6): check "
                                + "the current AFM order before filing.",
                        "Tipping-off: do not disclose this report to the customer (AML 13.8.3(b))."),
                new ReportingSubject(c.firmId(), "AIFC participant, financial-monitoring subject (Law 191-IV "
                        + "Art. 3(1)(19))"),
                operations, participants, indicators, c.decisionReasons() == null ? "" : c.decisionReasons(),
                renderings, notice);
    }

    /** One language: the title, the headings, the indicators named in it and every fact labelled and worded. */
    private StrRendering section(CaseView c, String lang, List<StrOperation> operations, Participants participants,
            boolean datf) {
        AmlMessages m = DraftDocuments.messages(lang);
        DraftLabels labels = DraftDocuments.labels(lang);
        StrHeadings headings = new StrHeadings(m.str_heading_reporting_subject(), m.str_heading_operations(),
                m.str_heading_participants(), m.str_heading_indicators(), m.str_heading_additional_information());
        List<RenderedIndicator> indicators = c.findings().stream().map(f -> new RenderedIndicator(f.ruleId(),
                indicatorName(m, f.ruleId()), DraftFormat.dateTime(f.detectedAt(), lang),
                DraftFacts.of(f.evidence(), labels))).toList();
        List<List<Fact>> ops = operations.stream().map(o -> DraftFacts.of(OperationFacts.of(o), labels)).toList();
        List<Fact> customer = DraftFacts.of(OperationFacts.of(participants.customer()), labels);
        List<List<Fact>> counterparties = OperationFacts.counterparties(operations).stream()
                .map(cp -> DraftFacts.of(cp, labels)).toList();
        return new StrRendering(m.str_title(), headings, indicators, ops, customer, counterparties,
                notice(c, lang, participants.customer(), datf));
    }

    /** The notice to AFSA after the STR (AML 13.8.1(c); DAA 2.13.1(b) for a DATF operator) in one language. */
    public NoticeRendering notice(CaseView c, String lang, StrCustomer customer, boolean datf) {
        AmlMessages m = DraftDocuments.messages(lang);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("firm", c.firmId());
        facts.put("customer", customer == null || customer.id() == null ? c.customerId() : customer.id());
        facts.put("indicators", c.ruleIds().stream().map(id -> indicatorName(m, id)).toList());
        facts.put("decisionDate", c.decidedAt() == null ? null : c.decidedAt().toString());
        facts.put("datfOperator", datf ? Boolean.TRUE : null);
        return new NoticeRendering(lang, m.afsa_notice(), m.afsa_notice_body(c.firmId()),
                DraftFacts.of(facts, DraftDocuments.labels(lang)));
    }

    /** The indicator's name in the bundle's language, else the rulebook's (English) title of the rule. */
    private String indicatorName(AmlMessages m, String ruleId) {
        String name = m.indicator(ruleId);
        return name.isEmpty() ? rules.rulebook().rule(ruleId).title() : name;
    }

    /** The stored operations of a firm among {@code transactionIds} (of one customer unless null), oldest first. */
    public List<StrOperation> operations(String firmId, String customerId, List<String> transactionIds) {
        return stored.of(firmId, customerId, transactionIds).stream().map(StrDrafts::operation).toList();
    }

    private static StrOperation operation(CaseOperations.Stored t) {
        JsonNode payload = t.payload();
        return new StrOperation(t.transactionId(),
                t.occurredAt().atZoneSameInstant(CustomerHistory.ALMATY).toOffsetDateTime(), t.direction(),
                text(payload.path("asset")), text(payload.path("amount")), plain(t.amountUsd()), plain(t.amountKzt()),
                customer(payload.path("customer")),
                payload.hasNonNull("counterparty") ? counterparty(payload.path("counterparty")) : null);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static StrCustomer customer(JsonNode p) {
        return new StrCustomer(text(p.path("id")), text(p.path("type")), text(p.path("residency")),
                text(p.path("riskRating")), flag(p.path("pep")), flag(p.path("eddCompleted")),
                flag(p.path("retailClient")), flag(p.path("knowledgeTestPassed")));
    }

    private static StrCounterparty counterparty(JsonNode p) {
        return new StrCounterparty(text(p.path("name")), text(p.path("wallet")), text(p.path("vaspId")),
                flag(p.path("selfHosted")), flag(p.path("ownershipVerified")), flag(p.path("vaspDueDiligenceCompleted")),
                text(p.path("jurisdiction")), flag(p.path("offshore")));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Boolean flag(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : null;
    }
}
