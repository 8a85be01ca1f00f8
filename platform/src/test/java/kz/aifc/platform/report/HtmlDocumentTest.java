package kz.aifc.platform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

/** Drafts in print: nothing a payload or a person wrote can add markup; HTML only for callers that prefer it. */
class HtmlDocumentTest {

    static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    @Test
    void shouldEscapeEveryPieceOfTextIncludingLabelsCellsAndAttributes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(HOSTILE, List.of(HOSTILE));
        fields.put("missing", null);
        String html = new HtmlDocument(HOSTILE, HOSTILE, HOSTILE).h1(HOSTILE).h2(HOSTILE).h3(HOSTILE).p(HOSTILE)
                .note(HOSTILE).list(List.of(HOSTILE)).fields(fields)
                .table(List.of(HOSTILE), List.of(List.of(Map.of("k", HOSTILE))))
                .section(HOSTILE).p("inside").render(HOSTILE);

        assertThat(html).doesNotContain("<script").doesNotContain("'x'").doesNotContain("\"quoted\"");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
        assertThat(html).contains("<td>k: &lt;script&gt;").contains("<td>—</td>");
        assertThat(html).contains("<section lang=\"&lt;script&gt;").endsWith("</section>\n<footer>"
                + HtmlDocument.escape(HOSTILE) + "</footer>\n</body></html>\n");
    }

    @Test
    void shouldNotCloseASectionThatIsNotOpen() {
        assertThatThrownBy(() -> new HtmlDocument("en", "t", null).endSection())
                .isInstanceOf(IllegalStateException.class);
    }

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
}
