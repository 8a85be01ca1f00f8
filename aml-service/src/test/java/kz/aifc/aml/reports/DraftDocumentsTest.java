package kz.aifc.aml.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.aml.cases.Cases.FindingView;
import kz.aifc.aml.reports.StrDraft.StrCounterparty;
import kz.aifc.aml.reports.StrDraft.StrCustomer;
import kz.aifc.aml.reports.StrDraft.StrOperation;
import kz.aifc.platform.report.DraftLabels;
import kz.aifc.testing.LocalStackResource;

/**
 * The printed drafts: each language section of the STR worded entirely in its language, the single-language drafts in
 * the language asked for, text from events and people escaped, and the English print saying what the JSON says.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class DraftDocumentsTest {

    static final String HOSTILE = "<script>alert('x')</script>";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T10:00:00+05:00");

    /** Labels of the English STR section; none may show in the Russian or Kazakh one. */
    static final List<String> ENGLISH_STR_LABELS = List.of("Suspicious transaction report", "Reporting subject",
            "Firm identifier", "Regime", "AIFC participant", "Occurred at", "Direction", "Amount", "Counterparty",
            "Counterparties", "Customer", "Risk rating", "Politically exposed", "Wallet", "Jurisdiction", "Offshore",
            "Suspicion indicators", "Indicator", "Citation", "Detected", "Facts", "Transactions",
            "Additional information", "Structuring below", "incoming transfer", "natural person", "firmId",
            "<td>yes</td>", "<td>no</td>");

    @Inject
    DraftDocuments documents;

    @Inject
    StrDrafts strDrafts;

    @Inject
    ThresholdReports thresholdReports;

    /**
     * A case with one structuring finding and two operations with the same counterparty, whose customer and
     * counterparty carry markup.
     */
    StrDraft strDraft(CaseView c) {
        StrCustomer customer = new StrCustomer(c.customerId(), "NATURAL", "KZ", "HIGH", false, true, true, false);
        StrCounterparty counterparty = new StrCounterparty(HOSTILE + " Ltd", "W<1>", null, false, null, null, null,
                true);
        return strDrafts.compose(c, List.of(
                new StrOperation("T-1", AT, "TRANSFER_IN", "USDT", "950", "950", null, customer, counterparty),
                new StrOperation("T-2", AT.plusHours(2), "TRANSFER_IN", "USDT", "9500.5", "9500.5", "4800000",
                        customer, counterparty)));
    }

    static CaseView kase(String customer, String reasons) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("currency", "USD");
        evidence.put("threshold", "1000");
        evidence.put("count", 3);
        evidence.put("total", "2850");
        evidence.put("transactions", List.of("T-1", "T-2"));
        evidence.put("window", "PT24H");
        return new CaseView("CASE-1", "F-0001", customer, "FILE_STR", AT, AT, List.of("AML-005"), List.of("T-1"), null,
                AT, "mlro", reasons, List.of(new FindingView(TxBuilder.alertId("AML-005:F-0001:" + customer), "AML-005", AT,
                        "3 transfers of USD 950 within 24 h", List.of("T-1"), evidence)));
    }

    /** What an officer must never find in a printed draft: raw flags, ISO instants, internal ids, bare amounts. */
    static final List<String> RAW = List.of(">true<", ">false<", "true;", "false;", "2026-11-20T", "+05:00",
            "CASE-1", "AML-005-", "sim/", ">950<", ">2850<", "PT24H", "TRANSFER_IN", "NATURAL", ">HIGH<", "null");

    static String section(String html, String lang) {
        Matcher m = Pattern.compile("<section lang=\"" + lang + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a section in " + lang).isTrue();
        return m.group(1);
    }

    static String escaped(Object text) {
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void shouldWordTheRussianAndKazakhSectionsOfTheStrEntirelyInTheirLanguage() {
        CaseView c = kase(HOSTILE, "Mixer exposure <b>unexplained</b> & funds");
        String html = documents.strDraft(c, strDraft(c), Locale.ENGLISH);

        String ru = section(html, "ru");
        assertThat(ru).contains("Сообщение о подозрительной операции", "Сведения о субъекте финансового мониторинга",
                "Идентификатор фирмы", "<th>Дата и время (по времени Астаны)</th><td>20 ноября 2026 г., 10:00</td>",
                "<th>Сумма</th><td>950,00\u00a0USDT</td>", "<th>Сумма</th><td>9\u00a0500,50\u00a0USDT</td>",
                "<th>Сумма в тенге</th><td>4\u00a0800\u00a0000,00\u00a0KZT</td>", "входящий перевод", "Контрагенты",
                "Клиент", "физическое лицо", "высокий", "<td>да</td>", "<td>нет</td>", "Казахстан (KZ)",
                "<th>Операций с этим контрагентом</th><td>2</td>", "Признаки подозрительности",
                "Дробление операций ниже порогового значения", "<th>Общая сумма переводов</th><td>2\u00a0850,00\u00a0USD</td>",
                "<th>В течение</th><td>1\u00a0дн.</td>", "Дополнительная информация");
        assertThat(ru).doesNotContain(RAW.toArray(String[]::new));
        // Each counterparty once, however many operations name it.
        assertThat(ru.split("Операций с этим контрагентом", -1)).hasSize(2);
        assertThat(ru).doesNotContain(ENGLISH_STR_LABELS.toArray(String[]::new));

        String kk = section(html, "kk");
        assertThat(kk).contains("Күдікті операция туралы хабарлама", "Қаржы мониторингі субъектісі туралы мәліметтер",
                "Фирманың сәйкестендіргіші", "<th>Күні мен уақыты (Астана уақытымен)</th><td>2026 ж. 20 қараша, 10:00</td>",
                "<th>Сомасы</th><td>950,00\u00a0USDT</td>", "кіріс аударым", "Контрагенттер",
                "жеке тұлға", "жоғары", "<td>иә</td>", "<td>жоқ</td>", "Қазақстан (KZ)", "Күдіктілік белгілері",
                "Операцияларды шекті мәннен төмен бөлу", "Қосымша ақпарат");
        assertThat(kk).doesNotContain(RAW.toArray(String[]::new));
        assertThat(kk).doesNotContain(ENGLISH_STR_LABELS.toArray(String[]::new));

        String en = section(html, "en");
        assertThat(en).contains("Suspicious transaction report", "Reporting subject",
                "<th>Date and time (Astana time)</th><td>20 November 2026, 10:00</td>", "<th>Amount</th><td>USDT 950.00</td>",
                "<th>Amount in USD</th><td>USD 9,500.50</td>", "<th>Amount in KZT</th><td>KZT 4,800,000.00</td>",
                "Counterparties", "incoming transfer", "<td>yes</td>", "<td>no</td>", "Kazakhstan (KZ)",
                "Structuring below a reporting threshold", "<th>Total of the transfers</th><td>USD 2,850.00</td>");
        assertThat(en).doesNotContain(RAW.toArray(String[]::new));
        assertThat(html).doesNotContain(RAW.toArray(String[]::new));
        assertThat(html).contains("Notice to AFSA", "DRAFT — review before submission", "<html lang=\"en\">");
    }

    @Test
    void shouldEscapeWhatEventsAndTheMlroWroteInEverySection() {
        CaseView c = kase(HOSTILE, "Mixer exposure <b>unexplained</b> & funds");
        String html = documents.strDraft(c, strDraft(c), Locale.ENGLISH);
        for (String lang : List.of("ru", "kk", "en")) {
            assertThat(section(html, lang)).as(lang).contains(ESCAPED, ESCAPED + " Ltd", "W&lt;1&gt;",
                    "Mixer exposure &lt;b&gt;unexplained&lt;/b&gt; &amp; funds");
        }
        // The AFSA notice names the customer too.
        assertThat(html).contains("<th>Customer</th><td>" + ESCAPED + "</td>");
        assertThat(html).doesNotContain("<script", "<b>", "W<1>");
    }

    @Test
    void shouldPrintTheStrFrontMatterAndAfsaNoticeInTheLanguageAskedFor() {
        CaseView c = kase("C-1", "Reasons");
        StrDraft d = strDraft(c);
        String ru = documents.strDraft(c, d, Locale.forLanguageTag("ru"));
        assertThat(ru).contains("<html lang=\"ru\">", "ПРОЕКТ — проверить перед представлением", "Фирма",
                "готово к направлению", "Уведомление Комитета по регулированию финансовых услуг МФЦА",
                "Агентство Республики Казахстан по финансовому мониторингу", "Подпись:");
        assertThat(ru).doesNotContain("Notice to AFSA", "Legal basis", "Signed:", "DRAFT");
        String kk = documents.strDraft(c, d, Locale.forLanguageTag("kk"));
        assertThat(kk).contains("<html lang=\"kk\">", "АХҚО Қаржылық қызметтерді реттеу комитеті",
                "Қазақстан Республикасының Қаржылық мониторинг агенттігі", "Қолы:");
        assertThat(kk).doesNotContain("Notice to AFSA", "Legal basis", "Signed:", "DRAFT");
    }

    @Test
    void shouldPrintInEnglishWhatTheStrJsonSays() {
        CaseView c = kase("C-1", "Reasons");
        StrDraft d = strDraft(c);
        String html = documents.strDraft(c, d, Locale.ENGLISH);
        assertThat(html).contains(escaped(d.legalBasis()), escaped(d.afsaNotice().to()),
                escaped(d.afsaNotice().basis()), escaped(d.renderings().en().afsaNotice().text()),
                escaped(d.reportingSubject().regime()));
        d.filingNotes().forEach(note -> assertThat(html).contains(escaped(note)));
        // The JSON's renderings and the printed sections come from the same bundle.
        for (String lang : List.of("ru", "kk", "en")) {
            StrDraft.StrRendering r = d.renderings().of(lang);
            StrDraft.StrHeadings h = r.headings();
            assertThat(section(html, lang)).contains(r.title(), h.reportingSubject(), h.operations(),
                    h.participants(), h.indicators(), h.additionalInformation());
            r.customer().forEach(f -> assertThat(section(html, lang)).contains(
                    "<th>" + escaped(f.label()) + "</th><td>" + escaped(f.text()) + "</td>"));
            r.operations().forEach(o -> o.forEach(f -> assertThat(section(html, lang)).contains(
                    "<th>" + escaped(f.label()) + "</th><td>" + escaped(f.text()) + "</td>")));
        }
    }

    @Test
    void shouldPrintThresholdReportsInTheLanguageAskedForAndEscapeTheOperation() {
        ThresholdDraft due = thresholdReports.dueOn("F-<i>1</i>", LocalDate.of(2026, 11, 23));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("amountKzt", "6000000");
        evidence.put("calendarCovered", true);
        ThresholdDraft d = new ThresholdDraft(due.firmId(), due.dueOn(), due.legalBasis(), due.filingNotes(),
                List.of());
        StrCounterparty offshore = new StrCounterparty(HOSTILE, null, null, false, null, null, "VG", true);
        StrOperation op = new StrOperation("T-9", AT, "TRANSFER_OUT", "USDT", "12000", "12000", "6000000",
                new StrCustomer("C-9", "LEGAL", "KZ", "LOW", false, null, null, null), offshore);
        evidence.put("grounds", List.of("offshore counterparty"));
        OffsetDateTime dueBy = OffsetDateTime.parse("2026-11-23T18:00:00+05:00");
        java.util.function.Function<String, ThresholdDraft> in = lang -> new ThresholdDraft(d.firmId(), d.dueOn(),
                d.legalBasis(), d.filingNotes(), List.of(new ThresholdDraft.ThresholdOperation(
                        TxBuilder.alertId("AML-010:F-1:T-9"), "Operation T-9 due " + dueBy, evidence, dueBy,
                        "Law 191-IV Art. 10(2)", List.of("sim/1"), ThresholdReports.facts(evidence, dueBy, List.of(op),
                                DraftDocuments.labels(lang)))));

        String en = documents.thresholdReports(in.apply("en"), Locale.ENGLISH);
        assertThat(en).contains("Threshold-transaction reports due on 23 November 2026", escaped(d.legalBasis()),
                "F-&lt;i&gt;1&lt;/i&gt;", "<th>Amount in KZT</th><td>KZT 6,000,000.00</td>",
                "<th>Due by (Astana time)</th><td>23 November 2026, 18:00</td>", "<th>Grounds</th><td>offshore counterparty</td>",
                "<th>Jurisdiction</th><td>British Virgin Islands (VG)</td>",
                "<th>Public holidays of the deadline year configured</th><td>yes</td>", ESCAPED);
        d.filingNotes().forEach(note -> assertThat(en).contains(escaped(note)));
        String ru = documents.thresholdReports(in.apply("ru"), Locale.forLanguageTag("ru"));
        assertThat(ru).contains("Сообщения о пороговых операциях со сроком представления 23 ноября 2026 г.",
                "Агентство Республики Казахстан по финансовому мониторингу",
                "<th>Сумма в тенге</th><td>6\u00a0000\u00a0000,00\u00a0KZT</td>", "контрагент в офшорной зоне",
                "<th>Зарегистрирован в офшорной зоне</th><td>да</td>", "юридическое лицо", ESCAPED);
        assertThat(ru).doesNotContain("Threshold-transaction", "Due on", "Legal basis", "Evidence", "Events",
                "Firm", "Submit electronically");
        String kk = documents.thresholdReports(in.apply("kk"), Locale.forLanguageTag("kk"));
        assertThat(kk).contains("шекті операциялар туралы хабарламалар", "Қаржылық мониторинг агенттігіне",
                "<th>Теңгемен сомасы</th><td>6\u00a0000\u00a0000,00\u00a0KZT</td>", "<td>иә</td>");
        assertThat(kk).doesNotContain("Threshold-transaction", "Due on", "Legal basis", "Evidence", "Events", "Firm");
        assertThat(en + ru + kk).doesNotContain("<script", "<i>").doesNotContain(RAW.toArray(String[]::new))
                .doesNotContain(TxBuilder.alertId("AML-010:F-1:T-9"), "2026-11-23", "6000000");
    }

    @Test
    void shouldPrintTheAnnualReturnInTheLanguageAskedForAndInEnglishWhatItsJsonSays() {
        AnnualReturnDraft d = AnnualReturns.compose("F-<b>1</b>", 2026,
                new AnnualReturns.Counts(1L, 0, 3000, Map.of("IR", 1L)), "2026.1");
        String en = documents.annualReturn(d, Locale.ENGLISH);
        assertThat(en).contains("Annual AML return: figures for 2026", "<td>STRs filed</td><td>1</td>",
                "<td>Total clients</td><td>3,000</td>", "28 February 2027", "1 January 2026 to 31 December 2026 (Astana time)",
                "Rejected prospects", "DRAFT — review before submission",
                "By country: Iran (IR): 1 (lists: secondary source).");
        assertThat(en).doesNotContain("2027-02-28", "Asia/Almaty)", "3000<");
        assertThat(en).contains("F-&lt;b&gt;1&lt;/b&gt;").doesNotContain("<b>1</b>");
        assertThat(en).contains(escaped(d.dueByBasis()), escaped(d.legalBasis()));
        AnnualReturnDraft.AnnualFigures figures = d.figures();
        List.of(figures.strsFiled(), figures.eddClients(), figures.totalClients(),
                figures.clientsFromHighRiskJurisdictions()).forEach(f -> assertThat(en)
                        .contains(escaped(f.label()), escaped(f.derivation())));
        d.toComplete().forEach(i -> assertThat(en).contains(escaped(i.label())));
        d.notes().forEach(n -> assertThat(en).contains(escaped(n)));

        List<String> english = List.of("Annual AML return", "STRs filed", "EDD clients", "Total clients", "Figures",
                "Derivation", "To be completed", "Rejected prospects", "Notes", "Firm", "Period", "Source",
                "verified", "Customers", "Signed");
        String ru = documents.annualReturn(d, Locale.forLanguageTag("ru"));
        assertThat(ru).contains("Годовой отчёт по ПОД/ФТ", "Направлено сообщений о подозрительных операциях",
                "Показатели", "Порядок расчёта", "Заполняется фирмой", "Примечания",
                "с 1 января 2026 г. по 31 декабря 2026 г. (по времени Астаны)", "<td>3\u00a0000</td>",
                "По странам: Иран (IR): 1 (списки: вторичный источник).");
        assertThat(ru).doesNotContain(english.toArray(String[]::new));
        String kk = documents.annualReturn(d, Locale.forLanguageTag("kk"));
        assertThat(kk).contains("AML жөніндегі жылдық есеп", "Жіберілген күдікті операция туралы хабарламалар",
                "Көрсеткіштер", "Есептеу тәсілі", "Фирма толтырады", "Ескертпелер");
        assertThat(kk).doesNotContain(english.toArray(String[]::new));
    }

    @Test
    void shouldPrintAWithheldStrCountAsWithheldInEachLanguage() {
        AnnualReturnDraft d = AnnualReturns.compose("F-1", 2026, new AnnualReturns.Counts(null, 0, 3, Map.of()),
                "2026.1");
        assertThat(documents.annualReturn(d, Locale.ENGLISH)).contains("<td>STRs filed</td><td>withheld: shown to "
                + "the firm&#39;s MLRO and the regulator only (tipping-off)</td>");
        assertThat(documents.annualReturn(d, Locale.forLanguageTag("ru"))).contains("не раскрывается")
                .doesNotContain("withheld");
        assertThat(documents.annualReturn(d, Locale.forLanguageTag("kk"))).contains("ашылмайды")
                .doesNotContain("withheld");
    }

    @Test
    void shouldPrintTheAfsaNoticeAloneInEachLanguageWithoutInternalIds() {
        CaseView c = kase("C-1", "Reasons");
        StrDraft d = strDraft(c);
        Map<String, List<String>> expected = Map.of(
                "en", List.of("Notice to AFSA", "<th>Customer</th><td>C-1</td>",
                        "<th>Date of the decision to file</th><td>20 November 2026, 10:00</td>",
                        "Structuring below a reporting threshold"),
                "ru", List.of("Уведомление Комитета по регулированию финансовых услуг МФЦА", "<th>Клиент</th><td>C-1</td>",
                        "<th>Дата решения о направлении сообщения</th><td>20 ноября 2026 г., 10:00</td>",
                        "Дробление операций ниже порогового значения"),
                "kk", List.of("<th>Клиент</th><td>C-1</td>",
                        "<th>Хабарлама жіберу туралы шешім күні</th><td>2026 ж. 20 қараша, 10:00</td>",
                        "Операцияларды шекті мәннен төмен бөлу"));
        expected.forEach((lang, words) -> {
            String html = documents.afsaNotice(c, d, Locale.forLanguageTag(lang));
            assertThat(html).as(lang).contains("<html lang=\"" + lang + "\">", "<section lang=\"" + lang + "\">")
                    .contains(words).doesNotContain(RAW.toArray(String[]::new));
            assertThat(d.renderings().of(lang).afsaNotice().labelledFacts()).extracting(f -> f.label())
                    .as(lang).hasSize(4);
        });
    }

    @Test
    void shouldWordEveryFactLabelInRussianAndKazakh() {
        assertThat(DraftLabels.untranslated(DraftDocuments.FACT_LABELS, "ru")).isEmpty();
        assertThat(DraftLabels.untranslated(DraftDocuments.FACT_LABELS, "kk")).isEmpty();
    }
}
