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
import kz.aifc.aml.reports.StrDraft.Participants;
import kz.aifc.aml.reports.StrDraft.StrCounterparty;
import kz.aifc.aml.reports.StrDraft.StrCustomer;
import kz.aifc.aml.reports.StrDraft.StrOperation;
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

    /** A case with one structuring finding and one operation whose customer and counterparty carry markup. */
    StrDraft strDraft(CaseView c) {
        StrDraft d = strDrafts.draft(c);
        StrCustomer customer = new StrCustomer(c.customerId(), "NATURAL", "KZ", "HIGH", false, true, true, false);
        StrCounterparty counterparty = new StrCounterparty(HOSTILE + " Ltd", "W<1>", null, false, null, null, null,
                true);
        StrOperation operation = new StrOperation("T-1", AT, "TRANSFER_IN", "USDT", "950", "950", null, customer,
                counterparty);
        return new StrDraft(d.caseId(), d.status(), d.legalBasis(), d.filingNotes(), d.reportingSubject(),
                List.of(operation), new Participants(customer, List.of(counterparty)), d.suspicionIndicators(),
                d.additionalInformation(), d.renderings(), d.afsaNotice());
    }

    static CaseView kase(String customer, String reasons) {
        return new CaseView("CASE-1", "F-0001", customer, "FILE_STR", AT, AT, List.of("AML-005"), List.of("T-1"), null,
                AT, "mlro", reasons, List.of(new FindingView(TxBuilder.alertId("AML-005:F-0001:" + customer), "AML-005", AT,
                        "3 transfers of USD 950 within 24 h", List.of("T-1"), Map.of())));
    }

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
                "Идентификатор фирмы", "Дата и время совершения", "входящий перевод", "Контрагенты",
                "Клиент", "физическое лицо", "высокий", "<td>да</td>", "<td>нет</td>", "Признаки подозрительности",
                "Дробление операций ниже порогового значения", "Факты", "Дополнительная информация");
        assertThat(ru).doesNotContain(ENGLISH_STR_LABELS.toArray(String[]::new));

        String kk = section(html, "kk");
        assertThat(kk).contains("Күдікті операция туралы хабарлама", "Қаржы мониторингі субъектісі туралы мәліметтер",
                "Фирманың сәйкестендіргіші", "Жасалған күні мен уақыты", "кіріс аударым", "Контрагенттер",
                "жеке тұлға", "жоғары", "<td>иә</td>", "<td>жоқ</td>", "Күдіктілік белгілері",
                "Операцияларды шекті мәннен төмен бөлу", "Фактілер", "Қосымша ақпарат");
        assertThat(kk).doesNotContain(ENGLISH_STR_LABELS.toArray(String[]::new));

        String en = section(html, "en");
        assertThat(en).contains("Suspicious transaction report", "Reporting subject", "Occurred at", "Counterparties",
                "incoming transfer", "<td>yes</td>", "Structuring below a reporting threshold");
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
        assertThat(html).contains("(customer " + ESCAPED + ", rules AML-005)");
        assertThat(html).doesNotContain("<script", "<b>", "W<1>");
    }

    @Test
    void shouldPrintTheStrFrontMatterAndAfsaNoticeInTheLanguageAskedFor() {
        CaseView c = kase("C-1", "Reasons");
        StrDraft d = strDraft(c);
        String ru = documents.strDraft(c, d, Locale.forLanguageTag("ru"));
        assertThat(ru).contains("<html lang=\"ru\">", "ПРОЕКТ — проверить перед представлением", "Дело",
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
                escaped(d.afsaNotice().basis()), escaped(d.afsaNotice().text()),
                escaped(d.reportingSubject().regime()));
        d.filingNotes().forEach(note -> assertThat(html).contains(escaped(note)));
        // The JSON's renderings and the printed sections come from the same bundle.
        for (String lang : List.of("ru", "kk", "en")) {
            StrDraft.StrRendering r = d.renderings().of(lang);
            StrDraft.StrHeadings h = r.headings();
            assertThat(section(html, lang)).contains(r.title(), h.reportingSubject(), h.operations(),
                    h.participants(), h.indicators(), h.additionalInformation());
        }
    }

    @Test
    void shouldPrintThresholdReportsInTheLanguageAskedForAndEscapeTheOperation() {
        ThresholdDraft due = thresholdReports.dueOn("F-<i>1</i>", LocalDate.of(2026, 11, 23));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("amountKzt", "6000000");
        evidence.put("calendarCovered", true);
        ThresholdDraft d = new ThresholdDraft(due.firmId(), due.dueOn(), due.legalBasis(), due.filingNotes(),
                List.of(new ThresholdDraft.ThresholdOperation(TxBuilder.alertId("AML-010:F-1:T-9"),
                        "Operation T-9 with offshore counterparty " + HOSTILE, evidence,
                        OffsetDateTime.parse("2026-11-23T18:00:00+05:00"), "Law 191-IV Art. 10(2)",
                        List.of("sim/1"))));

        String en = documents.thresholdReports(d, Locale.ENGLISH);
        assertThat(en).contains("Threshold-transaction reports due on 2026-11-23", escaped(d.legalBasis()),
                "F-&lt;i&gt;1&lt;/i&gt;", "amount, KZT: 6000000", "configured: yes", ESCAPED);
        d.filingNotes().forEach(note -> assertThat(en).contains(escaped(note)));
        String ru = documents.thresholdReports(d, Locale.forLanguageTag("ru"));
        assertThat(ru).contains("Сообщения о пороговых операциях со сроком представления 2026-11-23",
                "Агентство Республики Казахстан по финансовому мониторингу", "сумма, тенге: 6000000", ": да", ESCAPED);
        assertThat(ru).doesNotContain("Threshold-transaction", "Due on", "Legal basis", "Evidence", "Events",
                "Firm", "Submit electronically");
        String kk = documents.thresholdReports(d, Locale.forLanguageTag("kk"));
        assertThat(kk).contains("шекті операциялар туралы хабарламалар", "Қаржылық мониторинг агенттігіне",
                "сомасы, теңге: 6000000", ": иә");
        assertThat(kk).doesNotContain("Threshold-transaction", "Due on", "Legal basis", "Evidence", "Events", "Firm");
        assertThat(en + ru + kk).doesNotContain("<script", "<i>");
    }

    @Test
    void shouldPrintTheAnnualReturnInTheLanguageAskedForAndInEnglishWhatItsJsonSays() {
        AnnualReturnDraft d = AnnualReturns.compose("F-<b>1</b>", 2026,
                new AnnualReturns.Counts(1L, 0, 3, Map.of("IR", 1L)), "2026.1");
        String en = documents.annualReturn(d, Locale.ENGLISH);
        assertThat(en).contains("Annual AML return: figures for 2026", "<td>STRs filed</td><td>1</td>", "2027-02-28",
                "Rejected prospects", "DRAFT — review before submission", "By country: IR: 1 (lists: secondary source).");
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
                "Показатели", "Порядок расчёта", "Заполняется фирмой", "Примечания", "с 2026-01-01 по 2026-12-31",
                "По странам: IR: 1 (списки: вторичный источник).");
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
}
