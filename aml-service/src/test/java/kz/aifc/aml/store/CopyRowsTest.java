package kz.aifc.aml.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The COPY text PostgreSQL reads: UTF-8, tab between fields, backslash escapes, \N for null. */
class CopyRowsTest {

    @Test
    void shouldEncodeNamesInAnyScriptAsUtf8AndEscapeWhatCopyReads() {
        String name = "Әлихан Бөкейхан Жұмабекұлы, Алматы \uD83D\uDE80";
        String payload = "{\"note\":\"a\\tb\",\"name\":\"" + name + "\"}\r\n";
        CopyRows rows = new CopyRows(8).field(name).field(null).field("back\\slash\ttab").last(
                payload.getBytes(StandardCharsets.UTF_8));
        rows.field("x").last((String) null);
        assertThat(rows.toString()).isEqualTo(name + "\t\\N\tback\\\\slash\\ttab\t"
                + "{\"note\":\"a\\\\tb\",\"name\":\"" + name + "\"}\\r\\n\n" + "x\t\\N\n");
    }

    @Test
    void shouldHandEachBatchAnEmptyBufferAndNotKeepAnOversizedOne() {
        CopyRows first = CopyRows.reused(16).field("a").last("b");
        assertThat(first.toString()).isEqualTo("a\tb\n");
        byte[] big = new byte[CopyRows.KEEP_AT_MOST + 1];
        Arrays.fill(big, (byte) 'x');
        CopyRows.reused(16).last(big);

        CopyRows next = CopyRows.reused(16).field("c").last("d");
        assertThat(next).isSameAs(first);
        assertThat(next.toString()).isEqualTo("c\td\n");
        assertThat(next.capacity()).isEqualTo(CopyRows.KEEP_AT_MOST);
    }
}
