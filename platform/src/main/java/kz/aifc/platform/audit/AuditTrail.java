package kz.aifc.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.store.RoundTrip;

/**
 * Append-only, hash-chained audit log: each entry's hash covers the previous entry's hash and its own content,
 * so anyone holding the log can recompute the chain and find the first entry that was altered or removed.
 * Appends take a transaction-scoped advisory lock so the chain stays linear under concurrent writers.
 */
@ApplicationScoped
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x41554449_54L;
    /** The chain's lock, held until the transaction ends. */
    private static final String LOCK = "select pg_advisory_xact_lock(?)";
    /** The chain's head. */
    private static final String HEAD = "select seq, hash from audit_log order by seq desc limit 1";
    /** A run of entries as one statement, the columns as arrays in entry order. */
    private static final String INSERT = """
            insert into audit_log (seq, at, actor, action, firm_id, subject, detail, prev_hash, hash)
            select seq, ?::timestamptz, actor, action, firm_id, subject, detail, prev_hash, hash
            from unnest(?::text[]::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[]) as e(seq, actor, action, firm_id, subject, detail, prev_hash, hash)""";

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
        RoundTrip insert = new RoundTrip();
        appendAll(entries, insert);
        insert.send(jdbc, "append to the audit log");
    }

    /**
     * As {@link #appendAll(List)}, but the entries' insert joins {@code with}, to be sent with the caller's other
     * writes: only the lock and the chain's head go now. The lock is held from here to the commit either way.
     */
    public void appendAll(List<Entry> entries, RoundTrip with) {
        if (entries.isEmpty()) {
            return;
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Two statements, one round trip. Under READ COMMITTED each statement reads a snapshot of its own, taken when
        // it starts, so the head is read after the lock is held.
        List<Head> heads = new ArrayList<>(1);
        new RoundTrip().run(LOCK, LOCK_KEY)
                .query(HEAD, rs -> new Head(rs.getLong(1), rs.getString(2)), heads::addAll)
                .send(jdbc, "append to the audit log");
        Head head = heads.isEmpty() ? new Head(0, GENESIS) : heads.get(0);
        int n = entries.size();
        List<String> seqs = new ArrayList<>(n);
        List<String> actors = new ArrayList<>(n);
        List<String> actions = new ArrayList<>(n);
        List<String> firms = new ArrayList<>(n);
        List<String> subjects = new ArrayList<>(n);
        List<String> details = new ArrayList<>(n);
        List<String> previous = new ArrayList<>(n);
        List<String> hashes = new ArrayList<>(n);
        long seq = head.seq();
        String before = head.hash();
        for (Entry e : entries) {
            seq++;
            String detailJson = CloudEventCodec.toJson(e.detail());
            String hash = hash(before, seq, at, e.actor(), e.action(), e.firmId(), e.subject(), detailJson);
            seqs.add(Long.toString(seq));
            actors.add(e.actor());
            actions.add(e.action());
            firms.add(e.firmId());
            subjects.add(e.subject());
            details.add(detailJson);
            previous.add(before);
            hashes.add(hash);
            before = hash;
        }
        with.run(INSERT, at, seqs, actors, actions, firms, subjects, details, previous, hashes);
    }

    /** The newest entry's number and hash (0 and the genesis hash for an empty log). */
    private record Head(long seq, String hash) {
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
