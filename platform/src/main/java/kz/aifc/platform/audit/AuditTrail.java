package kz.aifc.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.store.Jdbc;

/**
 * Append-only, hash-chained audit log: each entry's hash covers the previous entry's hash and its own content,
 * so anyone holding the log can recompute the chain and find the first entry that was altered or removed.
 * Appends take a transaction-scoped advisory lock so the chain stays linear under concurrent writers.
 */
@ApplicationScoped
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x41554449_54L;
    /** The chain's lock, then its head. */
    private static final String LOCK_AND_HEAD = """
            select pg_advisory_xact_lock(?);
            select seq, hash from audit_log order by seq desc limit 1""";

    private final Jdbc jdbc;

    AuditTrail(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry to append. */
    public record Entry(String actor, String action, String firmId, String subject, Object detail) {
    }

    /** Appends one entry inside the caller's transaction. */
    public void append(String actor, String action, String firmId, String subject, Object detail) {
        appendAll(List.of(new Entry(actor, action, firmId, subject, detail)));
    }

    /**
     * Appends entries in order inside the caller's transaction: the lock and the chain's head in one round trip, the
     * entries in a second.
     */
    public void appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.withConnection("append to the audit log", c -> {
            long seq = 0;
            String previous = GENESIS;
            // Two statements, one round trip: the driver sends both before it waits. Under READ COMMITTED each
            // statement reads a snapshot of its own, taken when it starts, so the head is read after the lock is held.
            try (PreparedStatement head = c.prepareStatement(LOCK_AND_HEAD)) {
                head.setLong(1, LOCK_KEY);
                head.execute();
                if (!head.getMoreResults()) {
                    throw new SQLException("the audit log's head was not returned");
                }
                try (ResultSet rs = head.getResultSet()) {
                    if (rs.next()) {
                        seq = rs.getLong(1);
                        previous = rs.getString(2);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into audit_log (seq, at, actor, action, firm_id, subject, detail, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Entry e : entries) {
                    seq++;
                    String detailJson = CloudEventCodec.toJson(e.detail());
                    String hash = hash(previous, seq, at, e.actor(), e.action(), e.firmId(), e.subject(), detailJson);
                    insert.setLong(1, seq);
                    insert.setTimestamp(2, Timestamp.from(at));
                    insert.setString(3, e.actor());
                    insert.setString(4, e.action());
                    insert.setString(5, e.firmId());
                    insert.setString(6, e.subject());
                    insert.setString(7, detailJson);
                    insert.setString(8, previous);
                    insert.setString(9, hash);
                    insert.addBatch();
                    previous = hash;
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** One entry as the log holds it; {@code detail} is its JSON text. */
    public record Recorded(long seq, Instant at, String actor, String action, String firmId, String subject,
            String detail) {
    }

    /**
     * The history of one thing: the newest {@code limit} entries of {@code firmId} about {@code subject} whose action
     * starts with {@code actionPrefix}, oldest first (an alert's lifecycle, say). Reads only; the chain is untouched.
     */
    public List<Recorded> about(String firmId, String subject, String actionPrefix, int limit) {
        return about(firmId, List.of(subject), actionPrefix, limit);
    }

    /**
     * The same for several subjects at once (a case and its alerts: a case's timeline), in the order logged; an
     * empty prefix takes every action.
     */
    public List<Recorded> about(String firmId, List<String> subjects, String actionPrefix, int limit) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.query("read an audit history", """
                select seq, at, actor, action, firm_id, subject, detail from (
                    select seq, at, actor, action, firm_id, subject, detail from audit_log
                    where subject = any(?) and firm_id = ? and starts_with(action, ?)
                    order by seq desc limit ?) newest
                order by seq""",
                rs -> new Recorded(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)),
                subjects, firmId, actionPrefix, limit);
    }

    /**
     * Recomputes the whole chain and names the first entry that breaks it: one whose content or position no longer
     * matches its hash (changed, or moved by renumbering), one sealed after a different predecessor (the entry
     * before it was replaced), or the first number missing from the sequence (removed).
     */
    public Verification verify() {
        return jdbc.withConnection("read the audit log", c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    select seq, at, actor, action, firm_id, subject, detail, prev_hash, hash
                    from audit_log order by seq""");
                    ResultSet rs = q.executeQuery()) {
                return verify(rs);
            }
        });
    }

    private static Verification verify(ResultSet rs) throws SQLException {
        String previous = GENESIS;
        long count = 0;
        long expectedSeq = 1;
        while (rs.next()) {
            long seq = rs.getLong(1);
            if (seq != expectedSeq) {
                // A gap is where entries were removed: the first missing number is the first bad entry, not the
                // survivor after it, whose own hash still matches.
                return seq > expectedSeq
                        ? broken(count, expectedSeq, "entry " + expectedSeq + " is missing: the log continues at "
                                + "entry " + seq + (expectedSeq == 1 ? "" : " after entry " + (expectedSeq - 1)))
                        : broken(count, seq, "entry " + seq + " is out of sequence: entry " + expectedSeq
                                + " was expected");
            }
            String storedPrevious = rs.getString(8);
            String stored = rs.getString(9);
            // Sealed over its own stored predecessor hash, so a rehashed predecessor is told apart from a change
            // to this entry; the hash function itself is unchanged, so existing rows still verify.
            String recomputed = hash(storedPrevious, seq, rs.getTimestamp(2).toInstant(), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
            if (!recomputed.equals(stored)) {
                return broken(count, seq, "entry " + seq + " does not match its hash: its content or its "
                        + "position in the log was changed");
            }
            if (!previous.equals(storedPrevious)) {
                return broken(count, seq, seq == 1
                        ? "entry 1 does not start the chain: it was sealed after another entry"
                        : "entry " + seq + " does not follow entry " + (seq - 1) + ": it was sealed after a "
                                + "different entry " + (seq - 1) + " (one of the two was rewritten and rehashed)");
            }
            previous = stored;
            expectedSeq++;
            count++;
        }
        return new Verification(true, count, null, "chain intact: " + count + " entries; head " + previous);
    }

    private static Verification broken(long intactBefore, long firstBrokenSeq, String why) {
        return new Verification(false, intactBefore, firstBrokenSeq, why);
    }

    /**
     * The outcome of {@link #verify()}: {@code entries} counts the entries that verified (all of them when intact,
     * those before the break otherwise); {@code firstBrokenSeq} is null when intact.
     */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String message) {
    }

    static String hash(String previous, long seq, Instant at, String actor, String action, String firmId,
            String subject, String detailJson) {
        String content = String.join("\u001f", previous, Long.toString(seq), at.toString(), nz(actor), nz(action),
                nz(firmId), nz(subject), detailJson);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
