package kz.aifc.aml.store;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import kz.aifc.aml.rules.Tx;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.platform.store.Jdbc;

/**
 * The screened transactions, stored set-based for the batch path: a batch's payloads as one chunk and its rows by
 * {@code COPY} (the table is also the inbox), and the customers' windows and month totals read back in one statement
 * each, so a batch of thousands of events costs a handful of round trips inside the caller's transaction.
 */
@Singleton
public class TransactionStore {

    /** Per-connection staging table for COPY; emptied at every commit. */
    private static final String STAGE = """
            create temporary table if not exists aml_transaction_in (
                firm_id text, customer_id text, transaction_id text, event_key text, occurred_at timestamptz,
                direction text, amount_usd numeric, amount_kzt numeric, payload_chunk bigint, payload_from integer,
                payload_length integer
            ) on commit delete rows""";

    /** A batch's payloads, back to back, in one value PostgreSQL compresses as a whole (V12). */
    private static final String INSERT_CHUNK = """
            insert into aml_payload_chunk (chunk_id, payloads) values (nextval('aml_payload_chunk_seq'), ?)
            returning chunk_id""";

    private static final String COPY_IN = "copy aml_transaction_in from stdin";

    /**
     * Straight into the month's table (V15), when none of the rows has been stored before: one pass over the rows,
     * none routed by the server.
     */
    private static final String COPY_NEW = """
            copy %s (firm_id, customer_id, transaction_id, event_key, occurred_at, direction,
                     amount_usd, amount_kzt, payload_chunk, payload_from, payload_length) from stdin""";

    private static final String CLAIM = """
            insert into aml_transaction (firm_id, customer_id, transaction_id, event_key, occurred_at, direction,
                                         amount_usd, amount_kzt, payload_chunk, payload_from, payload_length)
            select * from aml_transaction_in
            on conflict (firm_id, customer_id, occurred_at, event_key) do nothing
            returning event_key""";

    private static final String LOAD_WINDOWS = """
            select t.firm_id, t.customer_id, t.event_key, t.transaction_id, t.occurred_at, t.direction,
                   t.amount_usd, t.amount_kzt
            from aml_transaction t
            join unnest(?::text[], ?::text[], ?::timestamptz[]) as k(firm_id, customer_id, since)
              on t.firm_id = k.firm_id and t.customer_id = k.customer_id and t.occurred_at >= k.since
            where t.direction <> 'TRADE' and t.occurred_at >= ?""";

    private static final String LATEST_TRANSFERS = """
            select customer_id,
                   max(occurred_at) filter (where direction = any(?::text[])),
                   max(occurred_at) filter (where direction = any(?::text[]))
            from aml_transaction
            where firm_id = ? and occurred_at >= ? and direction <> 'TRADE'
            group by customer_id""";

    private static final String LOAD_MONTHS = """
            select t.firm_id, t.customer_id,
                   to_char(t.occurred_at at time zone 'Asia/Almaty', 'YYYY-MM') as month, sum(t.amount_usd)
            from aml_transaction t
            join unnest(?::text[], ?::text[], ?::timestamptz[]) as k(firm_id, customer_id, since)
              on t.firm_id = k.firm_id and t.customer_id = k.customer_id and t.occurred_at >= k.since
            where t.direction = any(?::text[]) and t.occurred_at >= ?
            group by 1, 2, 3""";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;
    private final TransactionMonths months;

    TransactionStore(Jdbc jdbc, TransactionMonths months) {
        this.jdbc = jdbc;
        this.months = months;
    }

    /**
     * Stores the batch's transactions, which is also their inbox: answers the keys seen for the first time (the
     * others are redeliveries, left as first stored). The payloads go first, as one chunk (one round trip). With
     * {@code expectNew} the rows are then copied straight into their month's table (one more round trip per month
     * in the batch, almost always one), and a key stored before fails the copy with {@link AlreadyStored} (the
     * caller's transaction is then lost: it starts over without {@code expectNew}). Without it they go by
     * {@code COPY} into a staging table, then one {@code insert ... on conflict do nothing}: two more round trips and
     * twice the rows written (the chunk keeps the redelivered payloads too, unreferenced: redeliveries are rare).
     * A month met for the first time gets its table here, in a transaction of its own; {@link TransactionMonths#ensure}
     * beforehand keeps that wait out of the batch.
     */
    public Claimed claim(List<? extends Row> events, boolean expectNew) {
        int n = events.size();
        if (n == 0) {
            return Claimed.ALL;
        }
        int[] month = new int[n];
        List<Integer> distinctMonths = new ArrayList<>(2);
        for (int i = 0; i < n; i++) {
            month[i] = TransactionMonths.monthOf(events.get(i).transaction().occurredAt().toInstant());
            if (!distinctMonths.contains(month[i])) {
                distinctMonths.add(month[i]);
            }
        }
        return jdbc.withConnection("store screened transactions", c -> {
            long chunkId = insertChunk(c, events);
            if (expectNew) {
                try {
                    for (int m : distinctMonths) {
                        rows(events, chunkId, month, m).copyInto(c, COPY_NEW.formatted(months.table(m)));
                    }
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new AlreadyStored(e.getMessage());
                    }
                    throw e;
                }
                return Claimed.ALL;
            }
            distinctMonths.forEach(months::table);
            try (Statement s = c.createStatement()) {
                s.execute(STAGE);
            }
            rows(events, chunkId, null, 0).copyInto(c, COPY_IN);
            Set<String> fresh = new HashSet<>(n * 2);
            try (PreparedStatement q = c.prepareStatement(CLAIM); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            return new Claimed(fresh);
        });
    }

    /** The batch's payloads stored as one chunk, back to back in the batch's order; answers its id. */
    private static long insertChunk(Connection c, List<? extends Row> events) throws SQLException {
        PayloadChunk chunk = PayloadChunk.reused();
        events.forEach(r -> chunk.append(r.payload()));
        try (PreparedStatement insert = c.prepareStatement(INSERT_CHUNK)) {
            insert.setBinaryStream(1, chunk.stream(), chunk.length());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The batch's rows in COPY form pointing into its chunk: all of them, or (with {@code months}) those of month
     * {@code only}.
     */
    private static CopyRows rows(List<? extends Row> events, long chunkId, int[] months, int only) {
        CopyRows rows = CopyRows.reused(events.size() * 200);
        String chunkField = Long.toString(chunkId);
        int from = 0;
        for (int i = 0; i < events.size(); i++) {
            Row r = events.get(i);
            int length = r.payload().remaining();
            if (months == null || months[i] == only) {
                ScreenedTransaction t = r.transaction();
                rows.field(t.firmId()).field(t.customer().id()).field(t.transactionId()).field(r.eventKey())
                        .time(t.occurredAt().toInstant()).field(t.direction().name())
                        .field(t.amountUsd().toPlainString())
                        .field(t.amountKzt() == null ? null : t.amountKzt().toPlainString())
                        .field(chunkField).field(Integer.toString(from)).last(Integer.toString(length));
            }
            from += length;
        }
        return rows;
    }

    /** Which of a batch's events were stored for the first time: all of them, or those named. */
    public record Claimed(Set<String> keys) {

        static final Claimed ALL = new Claimed(null);

        public boolean isNew(String eventKey) {
            return keys == null || keys.contains(eventKey);
        }
    }

    /** A batch copied as new held an event stored before (a redelivery): its transaction must start over. */
    public static final class AlreadyStored extends RuntimeException {
        AlreadyStored(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The stored transfers (trades never enter a window) of customers not in memory, each since its own instant,
     * by customer.
     */
    public Map<CustomerKey, List<Tx>> loadWindows(Map<CustomerKey, Instant> sinceByCustomer) {
        Map<CustomerKey, List<Tx>> out = new HashMap<>();
        if (sinceByCustomer.isEmpty()) {
            return out;
        }
        return jdbc.withConnection("rebuild customer windows", c -> {
            try (PreparedStatement q = c.prepareStatement(LOAD_WINDOWS)) {
                bindCustomers(c, q, sinceByCustomer);
                q.setTimestamp(4, earliest(sinceByCustomer));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(new CustomerKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                                .add(new Tx(rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                                        Direction.valueOf(rs.getString(6)), compact(rs.getBigDecimal(7)),
                                        compact(rs.getBigDecimal(8))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The stored deposit totals per Almaty month of each customer, from the month starting at its own instant on;
     * a customer without deposits there has an empty map.
     */
    public Map<CustomerKey, Map<YearMonth, BigDecimal>> loadMonthTotals(Map<CustomerKey, Instant> sinceByCustomer,
            Collection<Direction> depositDirections) {
        Map<CustomerKey, Map<YearMonth, BigDecimal>> out = new HashMap<>();
        if (sinceByCustomer.isEmpty()) {
            return out;
        }
        sinceByCustomer.keySet().forEach(k -> out.put(k, new HashMap<>()));
        return jdbc.withConnection("rebuild customer month totals", c -> {
            try (PreparedStatement q = c.prepareStatement(LOAD_MONTHS)) {
                bindCustomers(c, q, sinceByCustomer);
                q.setArray(4, c.createArrayOf("text", depositDirections.stream().map(Enum::name).toArray()));
                q.setTimestamp(5, earliest(sinceByCustomer));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.get(new CustomerKey(rs.getString(1), rs.getString(2)))
                                .put(YearMonth.parse(rs.getString(3)), compact(rs.getBigDecimal(4)));
                    }
                }
                return out;
            }
        });
    }

    /** One customer's latest stored inflow and outflow (null: none) in a range of time. */
    public record LatestTransfers(String customerId, Instant inflow, Instant outflow) {
    }

    /** The firm's customers with a transfer stored that occurred at or after {@code since}, with their latest ones. */
    public List<LatestTransfers> latestTransfersSince(String firmId, Instant since, Collection<Direction> inflows,
            Collection<Direction> outflows) {
        return jdbc.withConnection("read a firm's recent customers", c -> {
            try (PreparedStatement q = c.prepareStatement(LATEST_TRANSFERS)) {
                q.setArray(1, c.createArrayOf("text", inflows.stream().map(Enum::name).toArray()));
                q.setArray(2, c.createArrayOf("text", outflows.stream().map(Enum::name).toArray()));
                q.setString(3, firmId);
                q.setTimestamp(4, Timestamp.from(since));
                List<LatestTransfers> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LatestTransfers(rs.getString(1), instant(rs.getTimestamp(2)),
                                instant(rs.getTimestamp(3))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The earliest of the customers' own bounds, as a plain bound the planner can prune the months with (V15): a
     * bound inside the join is per row and reads every month's index.
     */
    private static Timestamp earliest(Map<CustomerKey, Instant> sinceByCustomer) {
        return Timestamp.from(Collections.min(sinceByCustomer.values()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void bindCustomers(Connection c, PreparedStatement q, Map<CustomerKey, Instant> sinceByCustomer)
            throws SQLException {
        int n = sinceByCustomer.size();
        String[] firms = new String[n], customers = new String[n], since = new String[n];
        int i = 0;
        for (Map.Entry<CustomerKey, Instant> e : sinceByCustomer.entrySet()) {
            firms[i] = e.getKey().firmId();
            customers[i] = e.getKey().customerId();
            since[i] = e.getValue().toString();
            i++;
        }
        q.setArray(1, c.createArrayOf("text", firms));
        q.setArray(2, c.createArrayOf("text", customers));
        q.setArray(3, c.createArrayOf("text", since));
    }


    /** Whether the database answers at all: tells an outage (wait) from a bad record (dead-letter it). */
    public boolean reachable() {
        try {
            return jdbc.withConnection("reach the database", c -> c.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Rows written before V10 carry 18 decimals: a history keeps the value, not the padding. */
    private static BigDecimal compact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    /** A firm's customer. */
    public record CustomerKey(String firmId, String customerId) {

        /**
         * Mixed: ids like C-000123 differ in a few low decimal digits, and the plain record hash put enough of them
         * in one bucket of a large map to turn its bins into trees.
         */
        @Override
        public int hashCode() {
            int h = firmId.hashCode() * 0x9E3779B9 + customerId.hashCode();
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            return h;
        }
    }


    /** A received transaction as the store needs it: the payload record, its JSON as received, and its event key. */
    public interface Row {

        ScreenedTransaction transaction();

        /** The payload JSON in UTF-8, position to limit. */
        ByteBuffer payload();

        String eventKey();
    }
}
