package kz.aifc.platform.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A printable, self-contained HTML document for a drafted report. Every piece of text goes through
 * {@link #escape}; there is no way to add raw markup, so nothing from an event payload or a person's input can
 * inject any.
 */
public final class HtmlDocument {

    private static final String STYLE = "body{font:15px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;color:#111}"
            + ".banner{border:3px solid #b00;color:#b00;font:bold 1.1rem sans-serif;text-align:center;padding:.5rem}"
            + "h1{font-size:1.45rem;margin:1rem 0 .3rem}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.8rem}"
            + "h3{font-size:1rem;margin:1.2rem 0 .3rem}table{border-collapse:collapse;width:100%;font-size:.93rem}"
            + "th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}"
            + "table.fields th{width:14rem;background:#f4f4f4}.note{font-size:.9rem;color:#333}"
            + "section{margin-top:2rem}footer{margin-top:2rem;font-size:.8rem;color:#555}"
            + "@media print{.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}section{break-before:page}}";

    private final StringBuilder html = new StringBuilder(8192);
    private int openSections;

    /** Starts a document: {@code lang} of its main text, the window title, and a banner (null for none). */
    public HtmlDocument(String lang, String title, String banner) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        if (banner != null) {
            html.append("<div class=\"banner\">").append(escape(banner)).append("</div>\n");
        }
    }

    public HtmlDocument h1(Object text) {
        return element("h1", text);
    }

    public HtmlDocument h2(Object text) {
        return element("h2", text);
    }

    public HtmlDocument h3(Object text) {
        return element("h3", text);
    }

    public HtmlDocument p(Object text) {
        return element("p", text);
    }

    /** A paragraph in smaller print: a caveat, a basis, a source. */
    public HtmlDocument note(Object text) {
        html.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlDocument list(Collection<?> items) {
        html.append("<ul>");
        for (Object item : items) {
            html.append("<li>").append(escape(text(item))).append("</li>");
        }
        html.append("</ul>\n");
        return this;
    }

    /** A two-column table of labelled values; null values show as a dash. */
    public HtmlDocument fields(Map<String, ?> rows) {
        html.append("<table class=\"fields\"><tbody>");
        rows.forEach((label, value) -> html.append("<tr><th>").append(escape(label)).append("</th><td>")
                .append(escape(text(value))).append("</td></tr>"));
        html.append("</tbody></table>\n");
        return this;
    }

    /** A table with a heading row; each row is a list of cells in the headings' order. */
    public HtmlDocument table(List<String> headings, Collection<? extends List<?>> rows) {
        html.append("<table><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<?> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(text(cell))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
        return this;
    }

    /** Opens a section in another language ({@code lang}, e.g. ru, kk, en); {@link #endSection} closes it. */
    public HtmlDocument section(String lang) {
        html.append("<section lang=\"").append(escape(lang)).append("\">\n");
        openSections++;
        return this;
    }

    public HtmlDocument endSection() {
        if (openSections == 0) {
            throw new IllegalStateException("no section is open");
        }
        html.append("</section>\n");
        openSections--;
        return this;
    }

    /** Closes the document with a footer line (null for none). */
    public String render(Object footer) {
        while (openSections > 0) {
            endSection();
        }
        if (footer != null) {
            html.append("<footer>").append(escape(footer)).append("</footer>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Plain text of a value: null as a dash, lists joined by commas, maps as {@code key: value; …}. */
    public static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? "—" : items.stream().map(HtmlDocument::text).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "—" : map.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        return String.valueOf(value);
    }

    /** Text made safe for HTML content and attribute values. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private HtmlDocument element(String tag, Object text) {
        html.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }
}
