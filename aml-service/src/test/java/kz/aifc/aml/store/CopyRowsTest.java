package kz.aifc.aml.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The COPY text PostgreSQL reads: UTF-8, tab between fields, backslash escapes, \N for null. */
class CopyRowsTest {

    @Test
    void shouldEncodeNamesInAnyScriptAsUtf8AndEscapeWhatCopyReads() {
        String name = "Әлихан Бөкейхан Жұмабекұлы, Алматы \uD83D\uDE80";
        String payload = "{\"note\":\"a\\tb\",\"name\":\"" + name + "\"}\r\n";
        CopyRows rows = new CopyRows(8).field(name).field(null).field("back\\slash\ttab").last(payload);
        rows.field("x").last((String) null);
        assertThat(rows.toString()).isEqualTo(name + "\t\\N\tback\\\\slash\\ttab\t"
                + "{\"note\":\"a\\\\tb\",\"name\":\"" + name + "\"}\\r\\n\n" + "x\t\\N\n");
    }

    @Test
    void shouldHandEachBatchAnEmptyBufferAndNotKeepAnOversizedOne() {
        CopyRows first = CopyRows.reused(16).field("a").last("b");
        assertThat(first.toString()).isEqualTo("a\tb\n");
        CopyRows.reused(16).last("x".repeat(CopyRows.KEEP_AT_MOST + 1));

        CopyRows next = CopyRows.reused(16).field("c").last("d");
        assertThat(next).isSameAs(first);
        assertThat(next.toString()).isEqualTo("c\td\n");
        assertThat(next.capacity()).isEqualTo(CopyRows.KEEP_AT_MOST);
    }
}
