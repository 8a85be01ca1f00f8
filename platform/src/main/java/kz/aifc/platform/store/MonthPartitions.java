package kz.aifc.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The monthly partitions of a table kept for years (the inbox {@code inbound_event}, aml-service's screened
 * transactions), by UTC month: which table holds a month, made by the table's database function (for example
 * {@code inbound_event_month(timestamptz)}, which answers the month's table and makes it the first time) the first
 * time this process meets the month.
 *
 * <p>A month new to the database is made in a transaction of its own, never in the caller's: attaching a partition
 * waits for a lock that a batch's writes may hold, and a month made in a transaction that then rolled back would
 * stay remembered here although it does not exist. The database's advisory lock orders concurrent makers.
 */
public class MonthPartitions {

    private final Jdbc jdbc;
    private final String makeMonth;
    private final String doing;
    /** Month number ({@link #monthOf}) to the table holding it; a month is asked of the database once per process. */
    private final ConcurrentHashMap<Integer, String> tables = new ConcurrentHashMap<>();

    /**
     * @param function the database function answering the table of the month an instant falls in, making it if needed
     * @param doing    what making a month is, completing "cannot …" in an error
     */
    public MonthPartitions(Jdbc jdbc, String function, String doing) {
        this.jdbc = jdbc;
        this.makeMonth = "select " + function + "(?)";
        this.doing = doing;
    }

    /** The UTC month of an instant, as a number: year × 12 + month − 1. */
    public static int monthOf(Instant at) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400));
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    /** The first day of a month numbered by {@link #monthOf}. */
    public static LocalDate firstDay(int month) {
        return LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1);
    }

    /** The table of a month, made if it does not exist yet. */
    public String table(int month) {
        String known = tables.get(month);
        return known != null ? known : tables.computeIfAbsent(month, this::ask);
    }

    private String ask(int month) {
        Instant first = firstDay(month).atStartOfDay(ZoneOffset.UTC).toInstant();
        return QuarkusTransaction.requiringNew().call(() -> jdbc.withConnection(doing, c -> {
            try (PreparedStatement q = c.prepareStatement(makeMonth)) {
                q.setTimestamp(1, Timestamp.from(first));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }));
    }
}
