package kz.aifc.licensing.reports;

import java.util.List;
import java.util.Map;

import kz.aifc.platform.report.HtmlDocument;

/** Renders a drafted notification as a printable, self-contained HTML document. */
public final class NotificationHtml {

    private NotificationHtml() {
    }

    public static String render(Map<String, Object> d) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(d.get("subject"))).append(" — ").append(esc(d.get("firmId"))).append("</title>")
                .append("<style>body{font:15px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;color:#111}")
                .append(".banner{border:3px solid #b00;color:#b00;font:bold 1.1rem sans-serif;text-align:center;padding:.5rem;margin-bottom:1.5rem}")
                .append("h1{font-size:1.4rem;margin:.2rem 0}dl{display:grid;grid-template-columns:13rem 1fr;gap:.2rem 1rem}")
                .append("dt{font-weight:bold}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}")
                .append(".sig{margin-top:3rem}@media print{.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style>")
                .append("</head><body>\n");
        h.append("<div class=\"banner\">").append(esc(d.get("banner"))).append("</div>\n");
        h.append("<p>To: ").append(esc(d.get("addressee"))).append("</p>\n");
        h.append("<h1>").append(esc(d.get("heading"))).append("</h1>\n");
        h.append("<p><strong>").append(esc(d.get("subject"))).append("</strong></p>\n<dl>");
        row(h, "Firm", (d.get("firmName") == null ? "" : d.get("firmName") + " — ") + d.get("firmId"));
        row(h, "Licence number", d.get("licenceNumber"));
        row(h, "Rule", d.get("ruleId") + " (rulebook " + d.get("rulebookVersion") + ")");
        row(h, "Citation", d.get("citation"));
        row(h, "Severity", d.get("severity"));
        row(h, "Detected", d.get("detectedAt"));
        row(h, "Regulatory deadline", d.get("regulatoryDeadline") == null ? "none set" : d.get("regulatoryDeadline"));
        row(h, "Deadline basis", d.get("deadlineBasis"));
        row(h, "Alert status", d.get("alertStatus"));
        h.append("</dl>\n<h2>Statement</h2>\n");
        if (d.get("statement") instanceof List<?> paragraphs) {
            for (Object p : paragraphs) {
                h.append("<p>").append(esc(p)).append("</p>\n");
            }
        }
        h.append("<h2>Facts</h2>\n<table><tbody>");
        if (d.get("facts") instanceof Map<?, ?> facts) {
            facts.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>"));
        }
        h.append("</tbody></table>\n");
        h.append("<div class=\"sig\"><p>Signed: ______________________ (Compliance Officer / Senior Executive Officer)</p>")
                .append("<p>Date: ______________</p></div>\n");
        h.append("<p><small>Drafted ").append(esc(d.get("draftedAt"))).append(" by licensing-service, notification ")
                .append(esc(d.get("id"))).append(".</small></p>\n</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, Object value) {
        if (value != null) {
            h.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
        }
    }

    private static String esc(Object value) {
        return HtmlDocument.escape(value);
    }
}
