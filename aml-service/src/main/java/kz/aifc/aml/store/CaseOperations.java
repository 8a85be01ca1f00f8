package kz.aifc.aml.store;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.store.Jdbc;

/**
 * The screened transactions behind a case or an alert, with their payloads as received (from the payload chunk, or
 * the row's own column for rows stored before V12): what the case desk lists and the drafts print.
 */
@ApplicationScoped
public class CaseOperations {

    /** One stored transaction: the columns the screening wrote and the payload it was read from. */
    public record Stored(String transactionId, OffsetDateTime occurredAt, String direction, BigDecimal amountUsd,
            BigDecimal amountKzt, JsonNode payload) {
    }

    private final Jdbc jdbc;

    CaseOperations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The firm's transactions among {@code transactionIds} (of one customer unless null), oldest first. */
    public List<Stored> of(String firmId, String customerId, List<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        String sql = """
                select t.transaction_id, t.occurred_at, t.direction, t.amount_usd, t.amount_kzt,
                       coalesce(t.payload, convert_from(substring(c.payloads from t.payload_from + 1
                                                                  for t.payload_length), 'UTF8'))
                from aml_transaction t
                left join aml_payload_chunk c on c.chunk_id = t.payload_chunk
                where t.firm_id = ? and (?::text is null or t.customer_id = ?) and t.transaction_id = any(?)
                order by t.occurred_at""";
        return jdbc.query("read the transactions of a case", sql, rs -> {
            JsonNode payload;
            try {
                payload = CloudEventCodec.mapper().readTree(rs.getString(6));
            } catch (JsonProcessingException e) {
                throw new SQLException("stored payload is not JSON: " + e.getOriginalMessage(), e);
            }
            return new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                    rs.getBigDecimal(4), rs.getBigDecimal(5), payload);
        }, firmId, customerId, customerId, transactionIds);
    }

    /** The USD total of each case's transactions, by case id (cases without stored transactions left out). */
    public Map<String, BigDecimal> totalsUsd(List<String> caseIds) {
        Map<String, BigDecimal> out = new HashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        jdbc.query("total the transactions of cases", """
                select c.case_id, sum(t.amount_usd)
                from aml_case c
                join aml_transaction t on t.firm_id = c.firm_id and t.customer_id = c.customer_id
                                       and t.transaction_id = any(c.transaction_ids)
                where c.case_id = any(?) group by c.case_id""", rs -> out.put(rs.getString(1), rs.getBigDecimal(2)),
                caseIds);
        return out;
    }
}
