package kz.aifc.aml.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.aifc.aml.reports.StrDraft.StrCounterparty;
import kz.aifc.aml.reports.StrDraft.StrCustomer;
import kz.aifc.aml.reports.StrDraft.StrOperation;

/**
 * The fields of an operation, a customer and a counterparty as the FactLabels bundle names them, for DraftFacts to
 * label and word: the machine records stay as they are, and no field is left out here (empty ones drop out there).
 */
final class OperationFacts {

    private OperationFacts() {
    }

    static Map<String, Object> of(StrOperation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", o.transactionId());
        m.put("occurredAt", o.occurredAt() == null ? null : o.occurredAt().toString());
        m.put("direction", o.direction());
        m.put("asset", o.asset());
        m.put("amount", o.amount());
        m.put("amountUsd", o.amountUsd());
        m.put("amountKzt", o.amountKzt());
        StrCounterparty cp = o.counterparty();
        m.put("counterparty", cp == null ? null : cp.name() != null ? cp.name() : cp.wallet());
        return m;
    }

    static Map<String, Object> of(StrCustomer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c == null) {
            return m;
        }
        m.put("customerId", c.id());
        m.put("customerType", c.type());
        m.put("residency", c.residency());
        m.put("riskRating", c.riskRating());
        m.put("pep", c.pep());
        m.put("eddCompleted", c.eddCompleted());
        m.put("retailClient", c.retailClient());
        m.put("knowledgeTestPassed", c.knowledgeTestPassed());
        return m;
    }

    /**
     * Each counterparty of the operations once: operations naming the same name, wallet and VASP are one counterparty,
     * described as the latest of them describes it, with how many operations name it.
     */
    static List<Map<String, Object>> counterparties(List<StrOperation> operations) {
        Map<List<String>, StrCounterparty> latest = new LinkedHashMap<>();
        Map<List<String>, Integer> count = new LinkedHashMap<>();
        for (StrOperation o : operations) {
            StrCounterparty cp = o.counterparty();
            if (cp == null) {
                continue;
            }
            List<String> key = Arrays.asList(cp.name(), cp.wallet(), cp.vaspId());
            latest.put(key, cp);
            count.merge(key, 1, Integer::sum);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        latest.forEach((key, cp) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", cp.name());
            m.put("wallet", cp.wallet());
            m.put("vaspId", cp.vaspId());
            m.put("selfHosted", cp.selfHosted());
            m.put("ownershipVerified", cp.ownershipVerified());
            m.put("vaspDueDiligenceCompleted", cp.vaspDueDiligenceCompleted());
            m.put("jurisdiction", cp.jurisdiction());
            m.put("offshore", cp.offshore());
            m.put("operationCount", Objects.requireNonNull(count.get(key)));
            out.add(m);
        });
        return out;
    }
}
