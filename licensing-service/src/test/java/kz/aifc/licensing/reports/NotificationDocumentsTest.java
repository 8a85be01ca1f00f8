package kz.aifc.licensing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.testing.LocalStackResource;

/** A drafted notification in print: worded in the language asked for, in English as the JSON says, text escaped. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class NotificationDocumentsTest {

    /** Labels of the English print; none may show in the Russian or Kazakh one. */
    static final List<String> ENGLISH_LABELS = List.of("DRAFT", "To:", "Supervision", "Immediate notice", "Firm",
            "Licence number", "Rule", "rulebook", "Severity", "critical", "Detected", "Regulatory deadline",
            "Deadline basis", "Alert status", "Statement", "Facts", "Full name", "Occurred on", "Matter disclosed",
            "Signed", "Date:", "Drafted", "<td>yes</td>", "<td>no</td>", "firmId", "personId", "fullName");

    @Inject
    NotificationDocuments documents;

    static Map<String, Object> printed(Map<String, Object> draft, String alertStatus) {
        Map<String, Object> d = new LinkedHashMap<>(draft);
        d.put("alertStatus", alertStatus);
        return d;
    }

    @Test
    void shouldPrintTheNoticeInEnglishAsItsJsonSaysAndEscapeWhatThePersonReported() throws Exception {
        Map<String, Object> d = printed(NotificationDraftsTest.unfitnessDraft(), "OPEN");
        String html = documents.render(d, Locale.ENGLISH);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", (String) d.get("banner"),
                "To: " + d.get("addressee"), "<h1>" + d.get("heading") + "</h1>", "FSFR s.43(3)", "Steppe Exchange",
                "20 November 2026, 18:00 Astana time", "<dd>critical</dd>", "<dd>open</dd>", "Full name");
        assertThat(html).contains("Aigerim &lt;Example&gt;", "Fraud &amp; forgery").doesNotContain("<Example>");
    }

    @Test
    void shouldWordTheRussianAndKazakhPrintEntirelyInTheirLanguage() throws Exception {
        Map<String, Object> d = printed(NotificationDraftsTest.unfitnessDraft(), "OPEN");
        String ru = documents.render(d, Locale.forLanguageTag("ru"));
        assertThat(ru).contains("<html lang=\"ru\">", "ПРОЕКТ — проверить перед представлением",
                "Комитет по регулированию финансовых услуг МФЦА", "Незамедлительное уведомление о событии",
                "Номер лицензии", "критическая", "открыто", "Фамилия, имя, отчество", "Раскрытое обстоятельство",
                "Подпись:", "Aigerim &lt;Example&gt;", "Fraud &amp; forgery");
        String kk = documents.render(d, Locale.forLanguageTag("kk"));
        assertThat(kk).contains("<html lang=\"kk\">", "ЖОБА — ұсынар алдында тексеріңіз",
                "АХҚО Қаржылық қызметтерді реттеу комитеті", "Лицензия нөмірі", "сыни", "ашық",
                "Тегі, аты, әкесінің аты", "Қолы:", "Aigerim &lt;Example&gt;");
        for (String html : List.of(ru, kk)) {
            // The statement stays as drafted (English); the labels and headings around it do not.
            String labels = html.replaceAll("(?s)<h2>[^<]*</h2>\\s*(<p>[^<]*</p>\\s*)+<h2>", "<h2>")
                    .replaceAll("<title>[^<]*</title>", "").replaceAll("<strong>[^<]*</strong>", "")
                    .replaceAll("<td>[^<]*</td>", "<td></td>").replaceAll("<dd>[^<]*</dd>", "<dd></dd>");
            assertThat(labels).contains("<dt>", "<h1>", "<h2>", "<th>", "class=\"sig\"")
                    .doesNotContain(ENGLISH_LABELS.toArray(String[]::new));
        }
    }

    @Test
    void shouldPrintYesAndNoInTheLanguageOfTheStaffNotice() {
        StaffChange e = new StaffChange("F-0001", "P-9", "Dana <i>Example</i>", StaffChangeKind.APPOINTED,
                List.of(Role.MLRO), AfsaApproval.PENDING, false, Seniority.SENIOR_MANAGER, null,
                LocalDate.of(2026, 11, 20));
        Map<String, Object> d = printed(NotificationDrafts.staffNotice(e, Set.of(Role.MLRO), Optional.empty(), "2026.1",
                NotificationDraftsTest.AT), "NO_ALERT");
        assertThat(documents.render(d, Locale.ENGLISH)).contains("<tr><th>Resident in Kazakhstan</th><td>no</td></tr>",
                "<tr><th>AFSA approval</th><td>pending</td></tr>", "<tr><th>Seniority</th><td>Senior Manager</td></tr>",
                "<tr><th>Effective date</th><td>20 November 2026</td></tr>", "Dana &lt;i&gt;Example&lt;/i&gt;", "none set")
                .doesNotContain("<i>", "P-9", "SENIOR_MANAGER", "PENDING", "false", "2026-11-20");
        assertThat(documents.render(d, Locale.forLanguageTag("ru")))
                .contains("<tr><th>Резидент Республики Казахстан</th><td>нет</td></tr>", "не установлен",
                        "без оповещения", "Заявление / уведомление о назначении");
        assertThat(documents.render(d, Locale.forLanguageTag("kk")))
                .contains("<tr><th>Қазақстан Республикасының резиденті</th><td>жоқ</td></tr>", "белгіленбеген",
                        "ескертусіз", "тағайындау туралы өтініш");
    }

    /** Raw forms no printed notice may show in its facts and header (issue 17: drafts read as documents). */
    static final String[] RAW = { "personId", "P-7", "2026-11-", "2026-12-", "T18:00", "+05:00",
            "SERIOUS_CRIMINAL_CONVICTION", "SENIOR_MANAGER", "APPROVED", "true", "false", "residentInKazakhstan",
            "occurredOn", "individualNoticeDeadline" };

    /** The document without the statement, which stays as drafted (English, with the rule's own detail). */
    static String withoutStatement(String html) {
        return html.replaceAll("(?s)<h2>[^<]*</h2>\\s*(<p>[^<]*</p>\\s*)+<h2>", "<h2>");
    }

    @Test
    void shouldPrintTheFactsLabelledAndFormattedInEnglish() throws Exception {
        Map<String, Object> d = printed(NotificationDraftsTest.unfitnessDraft(), "OPEN");
        String html = withoutStatement(documents.render(d, Locale.ENGLISH));
        assertThat(html).contains("<tr><th>Occurred on</th><td>18 November 2026</td></tr>",
                "<tr><th>Matter disclosed</th><td>serious criminal conviction</td></tr>",
                "<tr><th>Roles</th><td>Money Laundering Reporting Officer</td></tr>",
                "<tr><th>The individual&#39;s notice due by</th><td>9 December 2026, 23:59</td></tr>",
                "<dd>20 November 2026, 18:00 Astana time</dd>", "Drafted 20 November 2026, 10:00 Astana time");
        assertThat(html).doesNotContain(RAW).doesNotContain((String) d.get("id"));
    }

    @Test
    void shouldPrintTheFactsLabelledAndFormattedInRussian() throws Exception {
        assertFactsInItsLanguage("ru", "<tr><th>Дата события</th><td>18 ноября 2026 г.</td></tr>",
                "<tr><th>Раскрытое обстоятельство</th><td>судимость за тяжкое преступление</td></tr>",
                "<tr><th>Должности</th><td>Ответственный сотрудник по ПОД/ФТ (MLRO)</td></tr>",
                "<td>9 декабря 2026 г., 23:59</td>", "<dd>20 ноября 2026 г., 18:00 по времени Астаны</dd>");
    }

    @Test
    void shouldPrintTheFactsLabelledAndFormattedInKazakh() throws Exception {
        assertFactsInItsLanguage("kk", "<td>2026 ж. 18 қараша</td>", "<td>ауыр қылмыс үшін сотталғандық</td>",
                "<td>КЖ/ТҚҚ жөніндегі жауапты қызметкер (MLRO)</td>", "<td>2026 ж. 9 желтоқсан, 23:59</td>",
                "<dd>2026 ж. 20 қараша, 18:00 Астана уақытымен</dd>");
    }

    void assertFactsInItsLanguage(String lang, String... expected) throws Exception {
        Map<String, Object> d = printed(NotificationDraftsTest.unfitnessDraft(), "OPEN");
        String html = withoutStatement(documents.render(d, Locale.forLanguageTag(lang)));
        assertThat(html).contains(expected);
        assertThat(html).doesNotContain(RAW).doesNotContain((String) d.get("id"));
        // Values a rule or the firm wrote in words (deadline basis, details) stay in English; the labels do not.
        assertThat(html.replaceAll("<dd>[^<]*</dd>", "<dd></dd>").replaceAll("<td>[^<]*</td>", "<td></td>")
                .replaceAll("<title>[^<]*</title>", "").replaceAll("<strong>[^<]*</strong>", ""))
                .doesNotContain(ENGLISH_LABELS.toArray(String[]::new));
    }

    @Test
    void shouldKeepTheRawFactsForMachinesAndLabelTheirWordsBeside() throws Exception {
        Map<String, Object> d = NotificationDraftsTest.unfitnessDraft();
        assertThat(d.get("facts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("personId", "P-7").containsEntry("occurredOn", "2026-11-18");
        assertThat(NotificationDocuments.facts(d, Locale.ENGLISH))
                .contains(new NotificationDocuments.Fact("Full name", "Aigerim <Example>"))
                .extracting(NotificationDocuments.Fact::text).doesNotContain("P-7", "2026-11-18");
    }

    @Test
    void shouldWordEveryFactLabelInRussianAndKazakh() {
        assertThat(kz.aifc.platform.report.DraftLabels.untranslated(NotificationDocuments.FACT_LABELS, "ru")).isEmpty();
        assertThat(kz.aifc.platform.report.DraftLabels.untranslated(NotificationDocuments.FACT_LABELS, "kk")).isEmpty();
    }

    @Test
    void shouldWordTheTimesOfTheRecordedStatementInAstanaTime() throws Exception {
        Map<String, Object> d = printed(NotificationDraftsTest.unfitnessDraft(), "OPEN");
        d.put("statement", List.of("The person was convicted; detected 2026-12-05T14:58:28.100+05:00."));
        assertThat(documents.render(d, Locale.ENGLISH)).contains("detected 5 December 2026, 14:58.")
                .doesNotContain("2026-12-05T");
        assertThat(documents.render(d, Locale.forLanguageTag("ru"))).contains("detected 5 декабря 2026 г., 14:58.")
                .doesNotContain("2026-12-05T");
    }
}
