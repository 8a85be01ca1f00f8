package kz.aifc.aml.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's {@code COPY} text format (tab-separated, {@code \N} for null, backslash escapes), sent in one
 * round trip: the cheapest way to hand the server thousands of rows, since it parses no array or JSON literal.
 */
final class CopyRows {

    private final StringBuilder text;

    CopyRows(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    /** Appends a field followed by a tab. */
    CopyRows field(String value) {
        append(value);
        text.append('\t');
        return this;
    }

    /** Appends the row's last field and ends the row. */
    CopyRows last(String value) {
        append(value);
        text.append('\n');
        return this;
    }

    private void append(String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    /** Runs {@code copySql} ({@code copy ... from stdin}) on the connection with these rows; answers the row count. */
    long copyInto(Connection connection, String copySql) throws SQLException, IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(bytes));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
