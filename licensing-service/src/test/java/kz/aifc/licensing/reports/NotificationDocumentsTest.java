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
                "2026-11-20T18:00+05:00", "<dd>critical</dd>", "<dd>open</dd>", "Full name");
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
                "Dana &lt;i&gt;Example&lt;/i&gt;", "none set").doesNotContain("<i>");
        assertThat(documents.render(d, Locale.forLanguageTag("ru")))
                .contains("<tr><th>Резидент Республики Казахстан</th><td>нет</td></tr>", "не установлен",
                        "без оповещения", "Заявление / уведомление о назначении");
        assertThat(documents.render(d, Locale.forLanguageTag("kk")))
                .contains("<tr><th>Қазақстан Республикасының резиденті</th><td>жоқ</td></tr>", "белгіленбеген",
                        "ескертусіз", "тағайындау туралы өтініш");
    }
}
