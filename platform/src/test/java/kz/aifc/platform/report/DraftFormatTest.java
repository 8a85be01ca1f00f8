package kz.aifc.platform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shared wording of drafts: Astana times, amounts with currency, percentages, yes/no, labelled facts. */
class DraftFormatTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T14:58:28.100+05:00");

    @Test
    void shouldPrintTimesInAstanaWithTheMonthInWordsInEachLanguage() {
        assertThat(DraftFormat.dateTime(AT, "en")).isEqualTo("5 December 2026, 14:58");
        assertThat(DraftFormat.dateTime(AT, "ru")).isEqualTo("5 декабря 2026 г., 14:58");
        assertThat(DraftFormat.dateTime(AT, "kk")).isEqualTo("2026 ж. 5 желтоқсан, 14:58");
        assertThat(DraftFormat.dateTime(OffsetDateTime.parse("2026-12-05T09:58:28Z"), "en"))
                .isEqualTo("5 December 2026, 14:58");
        assertThat(DraftFormat.date(LocalDate.of(2026, 12, 5), "ru")).isEqualTo("5 декабря 2026 г.");
        assertThat(DraftFormat.dateTimeText("2026-12-05", "en")).isEqualTo("5 December 2026");
        assertThat(DraftFormat.dateTimeText("not a time", "en")).isEqualTo("not a time");
    }

    @Test
    void shouldPrintAmountsWithCurrencyAndSeparatorsAndPercentagesAndYesNo() {
        assertThat(DraftFormat.amount("250000", "USD", "en")).isEqualTo("USD 250,000.00");
        assertThat(DraftFormat.amount("250000", "USD", "ru")).isEqualTo("250\u00a0000,00\u00a0USD");
        assertThat(DraftFormat.amount("250000", "USD", "kk")).isEqualTo("250\u00a0000,00\u00a0USD");
        assertThat(DraftFormat.percent("96.00", "en")).isEqualTo("96.00%");
        assertThat(DraftFormat.percent("-4.5", "ru")).isEqualTo("-4,5\u00a0%");
        assertThat(DraftFormat.duration("PT36H30M", "en")).isEqualTo("1\u00a0d 12\u00a0h 30\u00a0min");
        assertThat(DraftFormat.duration("P2D", "ru")).isEqualTo("2\u00a0дн.");
        assertThat(DraftFormat.days("10 business days", "ru")).isEqualTo("10 рабочих дней");
        assertThat(DraftFormat.days("1 calendar day", "ru")).isEqualTo("1 календарный день");
        assertThat(DraftFormat.days("30 calendar days", "kk")).isEqualTo("30 күнтізбелік күн");
        assertThat(DraftFormat.yesNo(true, "en")).isEqualTo("yes");
        assertThat(DraftFormat.yesNo(false, "ru")).isEqualTo("нет");
        assertThat(DraftFormat.yesNo(true, "kk")).isEqualTo("иә");
    }

    @Test
    void shouldLabelFactsAndLeaveOutIdsEmptiesUnknownKeysAndRepeats() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("person", "P-1");
        evidence.put("at", "2026-12-05T14:58:28.100+05:00");
        evidence.put("amount", "250000");
        evidence.put("share", "96.00");
        evidence.put("resident", false);
        evidence.put("roles", List.of("MLRO", "MLRO", "DIRECTOR"));
        evidence.put("nothing", null);
        evidence.put("noneListed", List.of());
        evidence.put("unlabelledKey", "x");
        evidence.put("sameAt", "2026-12-05T14:58:28.100+05:00");

        List<DraftFacts.Fact> ru = DraftFacts.of(evidence, DraftLabels.of("kz.aifc.platform.report.TestLabels", "ru"));
        assertThat(ru).extracting(DraftFacts.Fact::label, DraftFacts.Fact::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Когда", "5 декабря 2026 г., 14:58"),
                org.assertj.core.groups.Tuple.tuple("Сумма", "250\u00a0000,00\u00a0USD"),
                org.assertj.core.groups.Tuple.tuple("Доля", "96,00\u00a0%"),
                org.assertj.core.groups.Tuple.tuple("Резидент", "нет"),
                org.assertj.core.groups.Tuple.tuple("Роли", "Ответственный сотрудник по ПОД/ФТ (MLRO), Директор"));

        String en = DraftFacts.of(evidence, DraftLabels.of("kz.aifc.platform.report.TestLabels", "en")).toString();
        assertThat(en).contains("USD 250,000.00", "5 December 2026, 14:58", "96.00%", "text=no",
                "Money Laundering Reporting Officer, Director");
        assertThat(en).doesNotContain("P-1", "2026-12-05T", "=250000", "false", "unlabelledKey", "null");
    }

    @Test
    void shouldWordEverySharedLabelInRussianAndKazakh() {
        assertThat(DraftLabels.untranslated("kz.aifc.platform.report.DraftLabels", "ru")).isEmpty();
        assertThat(DraftLabels.untranslated("kz.aifc.platform.report.DraftLabels", "kk")).isEmpty();
        assertThat(DraftLabels.untranslated("kz.aifc.platform.report.TestLabels", "ru")).isEmpty();
    }

    @Test
    void shouldNameCountriesInTheLanguageAndKeepAnAssetsOwnPrecision() {
        assertThat(DraftFormat.country("KZ", "en")).isEqualTo("Kazakhstan (KZ)");
        assertThat(DraftFormat.country("KZ", "ru")).isEqualTo("Казахстан (KZ)");
        assertThat(DraftFormat.country("KZ", "kk")).isEqualTo("Қазақстан (KZ)");
        assertThat(DraftFormat.country("not a code", "en")).isEqualTo("not a code");
        assertThat(DraftFormat.quantity("0.12345678", "BTC", "en")).isEqualTo("BTC 0.12345678");
        assertThat(DraftFormat.withTimes("below the requirement as of 2026-12-05T14:58:28.100+05:00.", "en"))
                .isEqualTo("below the requirement as of 5 December 2026, 14:58.");
        assertThat(DraftFormat.withTimes("due 2026-12-05T09:58Z", "ru")).isEqualTo("due 5 декабря 2026 г., 14:58");
        assertThat(DraftFormat.quantity("9500", "USDT", "ru")).isEqualTo("9\u00a0500,00\u00a0USDT");
    }
}
