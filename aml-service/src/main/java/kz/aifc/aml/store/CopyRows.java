package kz.aifc.aml.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's {@code COPY} text format (tab-separated, {@code \N} for null, backslash escapes), encoded to
 * UTF-8 as they are appended and sent in one round trip: the cheapest way to hand the server thousands of rows, since
 * it parses no array or JSON literal, and the rows are never held as text first.
 */
final class CopyRows extends ReusedBytes {

    private static final ThreadLocal<CopyRows> REUSED = ThreadLocal.withInitial(() -> new CopyRows(256 << 10));

    CopyRows(int capacity) {
        super(capacity);
    }

    /** This thread's rows, emptied, with room for {@code capacity} bytes; valid until the thread's next call. */
    static CopyRows reused(int capacity) {
        CopyRows rows = REUSED.get();
        rows.clear(capacity);
        return rows;
    }

    /** Appends a field followed by a tab. */
    CopyRows field(String value) {
        append(value);
        put((byte) '\t');
        return this;
    }

    /**
     * Appends an instant as an ISO 8601 UTC time to the nanosecond ({@code 2026-11-20T05:15:00.123456789Z}; the
     * server rounds it to its microseconds as it would any other spelling), followed by a tab: written digit by digit,
     * without the formatter's dozen objects per value. Years outside 1 to 9999 fall back to {@link Instant#toString}.
     */
    CopyRows time(Instant at) {
        long seconds = at.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        if (day < MIN_DAY || day > MAX_DAY) {
            return field(at.toString());
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        room(32);
        digits(date.getYear(), 4);
        put((byte) '-');
        digits(date.getMonthValue(), 2);
        put((byte) '-');
        digits(date.getDayOfMonth(), 2);
        put((byte) 'T');
        digits(secondOfDay / 3600, 2);
        put((byte) ':');
        digits(secondOfDay / 60 % 60, 2);
        put((byte) ':');
        digits(secondOfDay % 60, 2);
        if (at.getNano() != 0) {
            put((byte) '.');
            digits(at.getNano(), 9);
        }
        put((byte) 'Z');
        put((byte) '\t');
        return this;
    }

    private static final long MIN_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** A non-negative number in exactly {@code width} digits, zero-padded. */
    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }

    /** Appends the row's last field and ends the row. */
    CopyRows last(String value) {
        append(value);
        put((byte) '\n');
        return this;
    }

    private void append(String value) {
        if (value == null) {
            putNull();
            return;
        }
        room(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x80) {
                escape((byte) ch);
            } else if (ch < 0x800) {
                put((byte) (0xC0 | ch >> 6));
                put((byte) (0x80 | ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, value.charAt(++i));
                put((byte) (0xF0 | cp >> 18));
                put((byte) (0x80 | cp >> 12 & 0x3F));
                put((byte) (0x80 | cp >> 6 & 0x3F));
                put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                put((byte) '?'); // an unpaired surrogate, as String.getBytes would encode it
            } else {
                put((byte) (0xE0 | ch >> 12));
                put((byte) (0x80 | ch >> 6 & 0x3F));
                put((byte) (0x80 | ch & 0x3F));
            }
        }
    }

    /** A byte as COPY reads it: backslash, tab, newline and carriage return behind a backslash. */
    private void escape(byte b) {
        byte code = switch (b) {
            case '\\' -> (byte) '\\';
            case '\t' -> (byte) 't';
            case '\n' -> (byte) 'n';
            case '\r' -> (byte) 'r';
            default -> 0;
        };
        if (code == 0) {
            put(b);
        } else {
            put((byte) '\\');
            put(code);
        }
    }

    private void putNull() {
        put((byte) '\\');
        put((byte) 'N');
    }

    private void put(byte b) {
        if (len == buf.length) {
            room(1);
        }
        buf[len++] = b;
    }

    /** Runs {@code copySql} ({@code copy ... from stdin}) on the connection with these rows; answers the row count. */
    long copyInto(Connection connection, String copySql) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            copy.writeToCopy(buf, 0, len);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }
}
