package kz.aifc.platform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import kz.aifc.platform.api.ProblemException;

/** Drafts in print: HTML only for callers that prefer it, in the language they ask for. */
class DraftResponsesTest {

    @Test
    void shouldAnswerHtmlOnlyWhenTheCallerPrefersIt() {
        MediaType html = MediaType.TEXT_HTML_TYPE;
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        MediaType any = MediaType.WILDCARD_TYPE;
        assertThat(DraftResponses.prefersHtml(List.of(html, any))).isTrue();
        assertThat(DraftResponses.prefersHtml(List.of(new MediaType("text", "*")))).isTrue();
        assertThat(DraftResponses.prefersHtml(List.of(new MediaType("application", "xml"), html))).isTrue();
        assertThat(DraftResponses.prefersHtml(List.of(json, html))).isFalse();
        assertThat(DraftResponses.prefersHtml(List.of(any, html))).isFalse();
        assertThat(DraftResponses.prefersHtml(List.of())).isFalse();
    }

    @Test
    void shouldPrintInTheLanguageOfTheQueryThenOfAcceptLanguageThenInEnglish() {
        List<Locale> browser = List.of(Locale.forLanguageTag("de-DE"), Locale.forLanguageTag("kk-KZ"),
                Locale.forLanguageTag("ru"));
        assertThat(DraftLanguage.of("ru", browser).getLanguage()).isEqualTo("ru");
        assertThat(DraftLanguage.of(" KK ", List.of()).getLanguage()).isEqualTo("kk");
        assertThat(DraftLanguage.of(null, browser).getLanguage()).isEqualTo("kk");
        assertThat(DraftLanguage.of(null, List.of(Locale.forLanguageTag("de")))).isEqualTo(Locale.ENGLISH);
        assertThat(DraftLanguage.of(null, List.of())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void shouldRefuseALanguageNoDraftIsPrintedIn() {
        assertThatThrownBy(() -> DraftLanguage.of("de", List.of())).isInstanceOf(ProblemException.class)
                .hasMessage("lang: must be ru, kk or en");
    }
}
