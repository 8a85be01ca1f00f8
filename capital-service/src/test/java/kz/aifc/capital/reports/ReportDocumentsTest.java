package kz.aifc.capital.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.testing.LocalStackResource;

/** The printed capital reports in English, Russian and Kazakh: labels, amounts and times in the language, text escaped. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_capital_test"))
class ReportDocumentsTest {

    static final String HOSTILE = "<script>alert('x')</script> Ltd";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ltd";
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T17:00:00+05:00");
    static final OffsetDateTime DUE = OffsetDateTime.parse("2026-11-23T18:00:00+05:00");
    static final String TITLE = "Capital resources below the base capital requirement";

    /** Labels of the English print; none may show in the Russian or Kazakh one. */
    static final List<String> ENGLISH_LABELS = List.of("DRAFT", "Working view", "Capital position", "Current position",
            "Open alerts", "History", "Firm", "Licence", "Licensed activities", "Dealing in Investments",
            "DEALING_AS_PRINCIPAL", "Capital resources", "Paid-up share capital", "less ", "Base capital requirement",
            "Headroom", "early-warning", "Liquid assets", "Severity", "critical", "Deadline", "As of", "Resources (USD)",
            "Almaty time", "Astana time", "Drafted by", "Notification to AFSA", "To:", "Under:", "Alert", "Detected", "Notify AFSA",
            "Evidence", "To complete", "Cause of the matter", "Signed", "Quarterly report", "Statement of compliance",
            "Compliant", "Snapshots", "Below the requirement", "Alerts concerning", "Status", "Raised", "Detail",
            "None.", "verified", "The matter", "notifies", "active");

    @Inject
    ReportDocuments documents;

    static ReportViews.Firm firm() {
        return new ReportViews.Firm("F-1", HOSTILE, "AFSA-1", "ACTIVE", List.of("DEALING_AS_PRINCIPAL"));
    }

    static ReportViews.Calculation calculation() {
        List<ReportViews.Line> lines = List.of(new ReportViews.Line("Paid-up share capital", "+", "250000.00", "250000.00"),
                new ReportViews.Line("Intangible assets", "-", "10000.00", "10000.00"));
        return new ReportViews.Calculation(AT, "USD", null, lines, "240000.00", "240000.00",
                new ReportViews.RequirementView("COMPLETE", "250000", "DEALING_AS_PRINCIPAL", "DAA 3.2(1)(b), Table 2",
                        "verified", List.of()),
                "-4.00", "300000.00", new ReportViews.LiquidAssetsTest(false, null, null, "0.25", null, "USD"));
    }

    /** The evidence of a CAP-001 alert as CapitalRules writes it. */
    static Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("asOf", "2026-12-05T14:58:28.100+05:00");
        e.put("capitalResources", "240000.00");
        e.put("requirement", "250000");
        e.put("requirementBasis", "DEALING_AS_PRINCIPAL");
        e.put("requirementCitation", "DAA 3.2(1)(b), Table 2");
        e.put("requirementConfidence", "verified");
        e.put("coveragePercent", "96.00");
        e.put("headroomPercent", "-4.00");
        e.put("currency", "USD");
        e.put("pruInvFirm", true);
        e.put("capitalReductionApprovalRef", null);
        e.put("affectedAlertId", "CAP-001:F-1:2026-11-20");
        e.put("unconfiguredActivities", List.of());
        return e;
    }

    static ReportViews.BreachNotice notice(String status) {
        return notice(status, Locale.ENGLISH);
    }

    static ReportViews.BreachNotice notice(String status, Locale locale) {
        return new ReportViews.BreachNotice(true, CapitalReports.BANNER, "Notification to AFSA: " + TITLE,
                "AIFC Financial Services Authority (AFSA), Astana", firm(), "CAP-001:F-1:2026-11-20", "CAP-001", TITLE,
                "CRITICAL", "PRU(INV) 6.5; GEN 6.2.3", status, AT, DUE, "one business day (GEN 6.2.3)",
                "USD 240,000.00 < USD 250,000.00 (96.0%) <b>!</b>",
                CapitalReports.evidence(evidence(), locale),
                List.of(), List.of(), "2026.1", AT, true, null);
    }

    static ReportViews.Position position() {
        return new ReportViews.Position("Working view of the capital position — not a submission", firm(), "2026.1",
                calculation(), List.of(new ReportViews.OpenAlert("CAP-001:F-1:2026-11-20", "CAP-001", "CRITICAL", TITLE,
                        DUE, "/firms/F-1/reports/capital-breach-notice/CAP-001:F-1:2026-11-20")),
                List.of(new ReportViews.HistoryLine(AT, AT, "USD", "240000.00", "250000", "DEALING_AS_PRINCIPAL", true,
                        true)),
                AT);
    }

    static ReportViews.QuarterlyReturn quarterly() {
        return new ReportViews.QuarterlyReturn(true, CapitalReports.BANNER, "Quarterly report", firm(), "2026-Q4",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), "basis",
                "AIFC DAA 2.13.11(1), 3.13.1(1); DAA 3.2(1)(b)", calculation(), 3, 1, 1, 0, "NON_COMPLIANT", "statement",
                List.of(new ReportViews.QuarterAlert("CAP-001:F-1:2026-11-20", "CAP-001", "CRITICAL", "OPEN", AT, null,
                        "USD 240,000.00 < USD 250,000.00 as of 2026-12-05T14:58:28.100+05:00.")),
                "2026.1", AT);
    }

    String all(Locale locale) {
        return documents.position(position(), locale) + documents.breachNotice(notice("OPEN", locale), locale)
                + documents.quarterlyReturn(quarterly(), locale);
    }

    @Test
    void shouldPrintInEnglishByDefaultWithItsAmountsTimesAndEscapedFirmName() {
        String en = all(Locale.ENGLISH);
        assertThat(en).contains("<html lang=\"en\">", "DRAFT — review before submission", "Capital position",
                "240,000.00", "20 November 2026, 17:00 Astana time", "less Intangible assets",
                "USD 250,000.00 (Dealing in Investments as Principal; DAA 3.2(1)(b), Table 2; verified)",
                "Notification to AFSA: " + TITLE, "CAP-001, critical, open",
                ESCAPED + " (licence AFSA-1) notifies the AIFC Financial Services Authority under PRU(INV) 6.5; GEN 6.2.3 "
                        + "of the following matter, detected on 20 November 2026: USD 240,000.00 &lt; USD 250,000.00 "
                        + "(96.0%) &lt;b&gt;!&lt;/b&gt;",
                "The matter is continuing at the date of this notice.",
                "Not compliant: capital resources were below the base capital requirement (DAA 3.2(1)(b)) in 1 of 3 "
                        + "capital snapshots of 2026-Q4");
        assertThat(en).doesNotContain("<script", "<b>!");
        assertThat(documents.breachNotice(notice("RESOLVED"), Locale.ENGLISH))
                .contains("The matter has since been resolved");
    }

    @Test
    void shouldWordTheRussianPrintEntirelyInRussian() {
        String ru = all(Locale.forLanguageTag("ru"));
        assertThat(ru).contains("<html lang=\"ru\">", "ПРОЕКТ — проверить перед представлением",
                "Позиция по капиталу", "240\u00a0000,00", "20 ноября 2026 г., 17:00 по времени Астаны",
                "за вычетом: нематериальные активы", "Совершение сделок с инвестициями от своего имени",
                "Уведомление в AFSA: Капитальные ресурсы ниже требования к базовому капиталу", "критическая",
                "уведомляет Комитет по регулированию финансовых услуг МФЦА", "получен с опозданием", "250\u00a0000,00 долл. США",
                "Требования не соблюдены: капитальные ресурсы были ниже требования к базовому капиталу (DAA 3.2(1)(b)) "
                        + "в 1 из 3 снимков капитала за 2026-Q4",
                ESCAPED);
        assertThat(ru).doesNotContain(ENGLISH_LABELS.toArray(String[]::new));
    }

    @Test
    void shouldWordTheKazakhPrintEntirelyInKazakh() {
        String kk = all(Locale.forLanguageTag("kk"));
        assertThat(kk).contains("<html lang=\"kk\">", "ЖОБА — ұсынар алдында тексеріңіз", "Капитал жағдайы",
                "240\u00a0000,00", "2026 ж. 20 қараша, 17:00 Астана уақытымен", "шегеріледі: материалдық емес активтер",
                "Инвестициялармен өз атынан мәмілелер жасау",
                "AFSA-ға хабарлама: Капиталдық ресурстар базалық капиталға қойылатын талаптан төмен", "сыни",
                "АХҚО Қаржылық қызметтерді реттеу комитетін", "кешігіп алынды", "Талаптар сақталмады", ESCAPED);
        assertThat(kk).doesNotContain(ENGLISH_LABELS.toArray(String[]::new));
    }

    /** Raw forms of the evidence that no printed notice may show (issue 17: drafts read as documents). */
    static final String[] RAW = { "asOf", "2026-12-05T", "250000", "240000", "true", "false", "capitalResources",
            "requirementBasis", "coveragePercent", "pruInvFirm", "DEALING_AS_PRINCIPAL", "CAP-001:F-1", "affectedAlertId",
            "null" };

    @Test
    void shouldPrintTheBreachNoticeEvidenceLabelledAndFormattedInEnglish() {
        String en = documents.breachNotice(notice("OPEN", Locale.ENGLISH), Locale.ENGLISH);
        assertThat(en).contains("<td>As of</td><td class=\"num\">5 December 2026, 14:58</td>",
                "<td>Capital resources</td><td class=\"num\">USD 240,000.00</td>",
                "<td>Requirement</td><td class=\"num\">USD 250,000.00</td>",
                "<td>Requirement basis (activity)</td><td class=\"num\">Dealing in Investments as Principal</td>",
                "<td>Coverage</td><td class=\"num\">96.00%</td>", "<td>Headroom</td><td class=\"num\">-4.00%</td>",
                "<td>Firm under PRU(INV) (configured)</td><td class=\"num\">yes</td>");
        assertThat(en).doesNotContain(RAW).doesNotContain("Currency", "Capital reduction approval");
    }

    @Test
    void shouldPrintTheBreachNoticeEvidenceLabelledAndFormattedInRussian() {
        assertEvidenceInItsLanguage("ru", "<td>По состоянию на</td><td class=\"num\">5 декабря 2026 г., 14:58</td>",
                "<td>Капитальные ресурсы</td><td class=\"num\">240\u00a0000,00\u00a0USD</td>",
                "<td>Требование</td><td class=\"num\">250\u00a0000,00\u00a0USD</td>",
                "Совершение сделок с инвестициями от своего имени", "<td>Покрытие</td><td class=\"num\">96,00\u00a0%</td>",
                "<td class=\"num\">да</td>", "<td class=\"num\">подтверждено</td>");
    }

    @Test
    void shouldPrintTheBreachNoticeEvidenceLabelledAndFormattedInKazakh() {
        assertEvidenceInItsLanguage("kk", "<td>Күйі бойынша</td><td class=\"num\">2026 ж. 5 желтоқсан, 14:58</td>",
                "<td>Капиталдық ресурстар</td><td class=\"num\">240\u00a0000,00\u00a0USD</td>",
                "<td>Талап</td><td class=\"num\">250\u00a0000,00\u00a0USD</td>",
                "Инвестициялармен өз атынан мәмілелер жасау", "<td class=\"num\">96,00\u00a0%</td>",
                "<td class=\"num\">иә</td>", "<td class=\"num\">расталған</td>");
    }

    void assertEvidenceInItsLanguage(String lang, String... expected) {
        Locale locale = Locale.forLanguageTag(lang);
        String doc = documents.breachNotice(notice("OPEN", locale), locale);
        assertThat(doc).contains(expected);
        assertThat(doc).doesNotContain(RAW).doesNotContain(ENGLISH_LABELS.toArray(String[]::new));
    }

    @Test
    void shouldKeepTheRawEvidenceForMachinesBesideTheLabels() {
        List<ReportViews.Fact> facts = CapitalReports.evidence(evidence(), Locale.ENGLISH);
        assertThat(facts).extracting(ReportViews.Fact::name).containsExactlyElementsOf(evidence().keySet());
        assertThat(facts).filteredOn(f -> f.name().equals("requirement")).singleElement()
                .satisfies(f -> assertThat(f).isEqualTo(new ReportViews.Fact("requirement", "250000", "Requirement",
                        "USD 250,000.00")));
        assertThat(facts).filteredOn(f -> f.name().equals("affectedAlertId")).singleElement()
                .satisfies(f -> assertThat(f.label()).isNull());
    }

    @Test
    void shouldWordEveryEvidenceLabelInRussianAndKazakh() {
        assertThat(kz.aifc.platform.report.DraftLabels.untranslated(CapitalReports.EVIDENCE_LABELS, "ru")).isEmpty();
        assertThat(kz.aifc.platform.report.DraftLabels.untranslated(CapitalReports.EVIDENCE_LABELS, "kk")).isEmpty();
    }

    @Test
    void shouldWordTheTimesInRecordedAlertDetailsInEachLanguage() {
        assertThat(documents.quarterlyReturn(quarterly(), Locale.ENGLISH))
                .contains("as of 5 December 2026, 14:58.").doesNotContain("2026-12-05T");
        assertThat(documents.quarterlyReturn(quarterly(), Locale.forLanguageTag("ru")))
                .contains("as of 5 декабря 2026 г., 14:58.").doesNotContain("2026-12-05T");
        assertThat(documents.quarterlyReturn(quarterly(), Locale.forLanguageTag("kk")))
                .contains("as of 2026 ж. 5 желтоқсан, 14:58.").doesNotContain("2026-12-05T");
    }
}
