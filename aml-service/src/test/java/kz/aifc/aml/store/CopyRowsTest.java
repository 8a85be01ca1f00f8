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
    void shouldWriteInstantsAsUtcTimesThatReadBackToTheSameInstant() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50_000; i++) {
            java.time.Instant at = java.time.Instant.ofEpochSecond(
                    random.nextLong(-62_135_596_800L, 253_402_300_799L + 1), i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = new CopyRows(8).time(at).toString();
            assertThat(text).endsWith("Z\t");
            assertThat(java.time.Instant.parse(text.substring(0, text.length() - 1))).as(text).isEqualTo(at);
        }
        assertThat(new CopyRows(8).time(java.time.Instant.parse("2026-11-20T05:15:00.120Z")).toString())
                .isEqualTo("2026-11-20T05:15:00.120000000Z\t");
        assertThat(new CopyRows(8).time(java.time.Instant.parse("+10000-01-01T00:00:00Z")).toString())
                .as("outside 4-digit years: as Instant spells it").isEqualTo("+10000-01-01T00:00:00Z\t");
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
