package kz.aifc.aml.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import kz.aifc.platform.store.Jdbc;

/**
 * The monthly partitions of {@code aml_transaction} (V15), by the UTC month a transaction occurred: which table holds
 * a month, made by the database function {@code aml_transaction_month} the first time this process meets the month.
 * A batch is copied straight into its month's table, so the server routes no row.
 */
@Singleton
public class TransactionMonths {

    private final Jdbc jdbc;
    /** Month number ({@link #monthOf}) to the table holding it; a month is asked of the database once per process. */
    private final ConcurrentHashMap<Integer, String> tables = new ConcurrentHashMap<>();

    TransactionMonths(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The UTC month of an instant, as a number: year × 12 + month − 1. */
    static int monthOf(Instant at) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400));
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    /**
     * Makes sure each of these instants' months has its table. Called before a batch's transaction: a month new to
     * the database is then made in a transaction of its own, and the batch's transaction holds no lock the making of
     * a month would wait on (the database's advisory lock orders concurrent callers).
     */
    public void ensure(Collection<Instant> instants) {
        int last = Integer.MIN_VALUE;
        for (Instant at : instants) {
            int month = monthOf(at);
            if (month != last) {
                table(month);
                last = month;
            }
        }
    }

    /** The table of a month, made if it does not exist yet. */
    String table(int month) {
        String known = tables.get(month);
        return known != null ? known : tables.computeIfAbsent(month, this::ask);
    }

    private String ask(int month) {
        Instant first = LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbc.withConnection("make the month's partition of screened transactions", c -> {
            try (PreparedStatement q = c.prepareStatement("select aml_transaction_month(?)")) {
                q.setTimestamp(1, Timestamp.from(first));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
