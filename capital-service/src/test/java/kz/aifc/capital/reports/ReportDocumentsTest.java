package kz.aifc.capital.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

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
            "Almaty time", "Drafted by", "Notification to AFSA", "To:", "Under:", "Alert", "Detected", "Notify AFSA",
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

    static ReportViews.BreachNotice notice(String status) {
        return new ReportViews.BreachNotice(true, CapitalReports.BANNER, "Notification to AFSA: " + TITLE,
                "AIFC Financial Services Authority (AFSA), Astana", firm(), "CAP-001:F-1:2026-11-20", "CAP-001", TITLE,
                "CRITICAL", "PRU(INV) 6.5; GEN 6.2.3", status, AT, DUE, "one business day (GEN 6.2.3)",
                "USD 240,000.00 < USD 250,000.00 (96.0%) <b>!</b>",
                List.of(new ReportViews.Fact("capitalResources", "240000.00"), new ReportViews.Fact("requirement", "250000")),
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
                        "USD 240,000.00 < USD 250,000.00")),
                "2026.1", AT);
    }

    String all(Locale locale) {
        return documents.position(position(), locale) + documents.breachNotice(notice("OPEN"), locale)
                + documents.quarterlyReturn(quarterly(), locale);
    }

    @Test
    void shouldPrintInEnglishByDefaultWithItsAmountsTimesAndEscapedFirmName() {
        String en = all(Locale.ENGLISH);
        assertThat(en).contains("<html lang=\"en\">", "DRAFT — review before submission", "Capital position",
                "240,000.00", "20 Nov 2026, 17:00 Almaty time", "less Intangible assets",
                "USD 250,000.00 (Dealing in Investments as Principal; DAA 3.2(1)(b), Table 2; verified)",
                "Notification to AFSA: " + TITLE, "(CAP-001, critical, open)",
                ESCAPED + " (licence AFSA-1) notifies the AIFC Financial Services Authority under PRU(INV) 6.5; GEN 6.2.3 "
                        + "of the following matter, detected on 2026-11-20: USD 240,000.00 &lt; USD 250,000.00 "
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
                "Позиция по капиталу", "240\u00a0000,00", "20 ноября 2026 г., 17:00 по времени Алматы",
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
                "240\u00a0000,00", "2026 ж. 20 қараша, 17:00 Алматы уақытымен", "шегеріледі: материалдық емес активтер",
                "Инвестициялармен өз атынан мәмілелер жасау",
                "AFSA-ға хабарлама: Капиталдық ресурстар базалық капиталға қойылатын талаптан төмен", "сыни",
                "АХҚО Қаржылық қызметтерді реттеу комитетін", "кешігіп алынды", "Талаптар сақталмады", ESCAPED);
        assertThat(kk).doesNotContain(ENGLISH_LABELS.toArray(String[]::new));
    }
}
