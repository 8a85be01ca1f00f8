package kz.aifc.aml.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.aml.cases.Cases.FindingView;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.contract.codec.CloudEventCodec;

/**
 * Drafts the suspicious transaction report for the FIU from a case: the five parts Law 191-IV Art. 10(2) names
 * (reporting subject, operation, participants, suspicion indicators, additional information) with Russian and Kazakh
 * headings and an English rendering (worded by AmlMessages), plus the AFSA notice of AML 13.8.1(c). The AFM form and
 * XML schema are not verified (domain-facts G6), so this is the content, not the filing format.
 */
@ApplicationScoped
public class StrDrafts {

    private final DataSource dataSource;
    private final AmlRules rules;

    StrDrafts(DataSource dataSource, AmlRules rules) {
        this.dataSource = dataSource;
        this.rules = rules;
    }

    public Map<String, Object> draft(CaseView c) {
        List<Map<String, Object>> operations = operations(c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseId", c.caseId());
        out.put("status", switch (c.status()) {
            case "FILE_STR" -> "READY_TO_FILE";
            case "NO_STR" -> "NOT_TO_BE_FILED";
            default -> "DRAFT_PENDING_MLRO_DECISION";
        });
        out.put("legalBasis", "Law 191-IV Art. 10(2); AIFC AML 13.6.1(d), 13.8.1");
        out.put("filingNotes", List.of(
                "Submit electronically to the Agency for Financial Monitoring in Kazakh or Russian (Law 191-IV Art. 10(2)).",
                "The STR deadline and the AFM form/XML schema are not verified (domain-facts B7, G6): check the current AFM order before filing.",
                "Tipping-off: do not disclose this report to the customer (AML 13.8.3(b))."));
        out.put("reportingSubject", Map.of("firmId", c.firmId(),
                "regime", "AIFC participant, financial-monitoring subject (Law 191-IV Art. 3(1)(19))"));
        out.put("operations", operations);
        Map<String, Object> participants = new LinkedHashMap<>();
        participants.put("customer", operations.isEmpty() ? Map.of("id", c.customerId())
                : operations.get(operations.size() - 1).getOrDefault("customer", Map.of("id", c.customerId())));
        participants.put("counterparties", operations.stream().map(o -> o.get("counterparty"))
                .filter(x -> x != null).distinct().toList());
        out.put("participants", participants);
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (FindingView f : c.findings()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("ruleId", f.ruleId());
            i.put("citation", rules.rulebook().rule(f.ruleId()).citation());
            i.put("detectedAt", f.detectedAt());
            i.put("facts", f.detail());
            i.put("transactionIds", f.transactionIds());
            indicators.add(i);
        }
        out.put("suspicionIndicators", indicators);
        out.put("additionalInformation", c.decisionReasons() == null ? "" : c.decisionReasons());
        // Facts above are language-neutral data; each rendering names the parts and indicators in its language.
        out.put("renderings", Map.of("ru", section(c, "ru"), "kk", section(c, "kk"), "en", section(c, "en")));
        out.put("afsaNotice", Map.of(
                "to", "AIFC Financial Services Authority",
                "basis", "AIFC AML 13.8.1(c): notify AFSA promptly after filing an STR with the FIU",
                "text", "The firm " + c.firmId() + " has filed (or is filing) a suspicious transaction report with the "
                        + "Agency for Financial Monitoring concerning case " + c.caseId() + " (customer "
                        + c.customerId() + ", rules " + String.join(", ", c.ruleIds()) + ")."));
        return out;
    }

    /** One language: the title, the headings of the five parts and the suspicion indicators named in it. */
    private Map<String, Object> section(CaseView c, String lang) {
        AmlMessages m = DraftDocuments.messages(lang);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", m.str_title());
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("reportingSubject", m.str_heading_reporting_subject());
        headings.put("operations", m.str_heading_operations());
        headings.put("participants", m.str_heading_participants());
        headings.put("indicators", m.str_heading_indicators());
        headings.put("additionalInformation", m.str_heading_additional_information());
        s.put("headings", headings);
        s.put("indicators", c.findings().stream().map(FindingView::ruleId).distinct().map(id -> {
            String name = m.indicator(id);
            return Map.of("ruleId", id, "indicator", name.isEmpty() ? rules.rulebook().rule(id).title() : name);
        }).toList());
        return s;
    }

    private List<Map<String, Object>> operations(CaseView c) {
        String sql = """
                select t.transaction_id, t.occurred_at, t.direction, t.amount_usd, t.amount_kzt,
                       coalesce(t.payload, convert_from(substring(c.payloads from t.payload_from + 1
                                                                  for t.payload_length), 'UTF8'))
                from aml_transaction t
                left join aml_payload_chunk c on c.chunk_id = t.payload_chunk
                where t.firm_id = ? and t.customer_id = ? and t.transaction_id = any(?) order by t.occurred_at""";
        try (Connection conn = dataSource.getConnection(); PreparedStatement q = conn.prepareStatement(sql)) {
            q.setString(1, c.firmId());
            q.setString(2, c.customerId());
            q.setArray(3, conn.createArrayOf("text", c.transactionIds().toArray()));
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    JsonNode payload = CloudEventCodec.mapper().readTree(rs.getString(6));
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("transactionId", rs.getString(1));
                    o.put("occurredAt", rs.getTimestamp(2).toInstant().atZone(CustomerHistory.ALMATY).toOffsetDateTime());
                    o.put("direction", rs.getString(3));
                    o.put("asset", payload.path("asset").asText(null));
                    o.put("amount", payload.path("amount").asText(null));
                    o.put("amountUsd", rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
                    o.put("amountKzt", rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
                    o.put("customer", CloudEventCodec.mapper().convertValue(payload.path("customer"), Map.class));
                    if (payload.hasNonNull("counterparty")) {
                        o.put("counterparty", CloudEventCodec.mapper().convertValue(payload.path("counterparty"), Map.class));
                    }
                    out.add(o);
                }
            }
            return out;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the operations of case " + c.caseId() + ": " + e.getMessage(), e);
        }
    }
}
