package kz.aifc.aml.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.aml.cases.Cases.CaseTransaction;
import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.aml.cases.Cases.TimelineEntry;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.store.CaseOperations;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.audit.AuditTrail;

/**
 * What the MLRO's case desk reads beside a case: its transactions as screened, the USD totals of a list of cases, and
 * the case's timeline from the hash-chained audit trail (the case, its alerts, the decision, the AFSA notice).
 */
@ApplicationScoped
public class CaseFiles {

    /** The newest entries a case's timeline shows (its own and its alerts'). */
    private static final int TIMELINE_MAX = 1000;
    /** How a service names itself as an event source ({@code aifc.events.source}): {@code urn:aifc:} and its name. */
    private static final String SOURCE_PREFIX = "urn:aifc:";

    private final CaseOperations operations;
    private final AuditTrail audit;

    CaseFiles(CaseOperations operations, AuditTrail audit) {
        this.operations = operations;
        this.audit = audit;
    }

    List<CaseTransaction> transactions(CaseView c) {
        return operations.of(c.firmId(), c.customerId(), c.transactionIds()).stream().map(t -> {
            JsonNode cp = t.payload().path("counterparty");
            String counterparty = cp.hasNonNull("name") ? cp.get("name").asText()
                    : cp.hasNonNull("wallet") ? cp.get("wallet").asText() : null;
            return new CaseTransaction(t.transactionId(), almaty(t.occurredAt()), t.direction(),
                    text(t.payload().path("asset")), text(t.payload().path("amount")), plain(t.amountUsd()),
                    plain(t.amountKzt()), counterparty);
        }).toList();
    }

    Map<String, BigDecimal> totalsUsd(List<String> caseIds) {
        return operations.totalsUsd(caseIds);
    }

    /** Opened (the case's own time), then what the audit trail holds about the case and its alerts, in order. */
    List<TimelineEntry> timeline(CaseView c) {
        Map<String, String> ruleOf = new LinkedHashMap<>();
        c.findings().forEach(f -> ruleOf.putIfAbsent(f.alertId(), f.ruleId()));
        if (c.overdueAlertId() != null) {
            ruleOf.put(c.overdueAlertId(), "AML-012");
        }
        List<String> subjects = new ArrayList<>();
        subjects.add(c.caseId());
        subjects.addAll(ruleOf.keySet());
        List<TimelineEntry> out = new ArrayList<>();
        out.add(new TimelineEntry(c.openedAt(), "CASE_OPENED", null,
                c.findings().isEmpty() ? null : c.findings().get(0).ruleId(), null, null));
        for (AuditTrail.Recorded e : audit.about(c.firmId(), subjects, "", TIMELINE_MAX)) {
            JsonNode detail = json(e.detail());
            OffsetDateTime at = e.at().atZone(CustomerHistory.ALMATY).toOffsetDateTime();
            String event = switch (e.action()) {
                case "alert.raised" -> "ALERT_RAISED";
                case "alert.updated" -> "ALERT_UPDATED";
                case "alert.resolved" -> "ALERT_RESOLVED";
                case "case.file_str" -> "DECIDED_FILE_STR";
                case "case.no_str" -> "DECIDED_NO_STR";
                case "afsa-notice.due" -> "AFSA_NOTICE_DUE";
                case "afsa-notice.sent" -> "AFSA_NOTICE_SENT";
                default -> null;
            };
            if (event == null) {
                continue;
            }
            boolean decision = event.startsWith("DECIDED_");
            String ruleId = text(detail.path("ruleId"));
            String rule = ruleId != null ? ruleId : ruleOf.get(e.subject());
            out.add(new TimelineEntry(at, event, actorName(e.actor()), rule,
                    decision ? text(detail.path("reasons")) : null, text(detail.path("reference"))));
        }
        return out;
    }

    /** A service by its name ("aml-service"), as the audit trail names it in its own entries, not by its source URN. */
    private static String actorName(String actor) {
        return actor != null && actor.startsWith(SOURCE_PREFIX) ? actor.substring(SOURCE_PREFIX.length()) : actor;
    }

    private static JsonNode json(String text) {
        try {
            return CloudEventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return CloudEventCodec.mapper().missingNode();
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static OffsetDateTime almaty(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CustomerHistory.ALMATY).toOffsetDateTime();
    }
}
