package kz.aifc.notification.api;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kz.aifc.contract.CloudEvent;
import kz.aifc.notification.alerts.AlertView;

/**
 * Alerts as CSV for a spreadsheet (RFC 4180: comma-separated, every cell quoted, CRLF line ends), in UTF-8 with a
 * byte-order mark so that Excel reads Cyrillic right, times in Astana time. Written from {@link AlertView}, so an AML
 * alert is exported exactly as the caller sees it (tipping-off). A cell that a spreadsheet would run as a formula,
 * one starting with = + - @, a tab or a carriage return, is neutralised with a leading apostrophe (OWASP, "CSV
 * Injection").
 */
final class AlertCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final DateTimeFormatter ASTANA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String TIME = " (Astana, UTC+05:00)";
    static final List<String> HEADER = List.of("alertId", "firmId", "duty", "ruleId", "severity", "status", "title",
            "detail", "detectedAt" + TIME, "regulatoryDeadline" + TIME, "deadlineBasis", "acknowledgedBy",
            "acknowledgedAt" + TIME, "resolvedBy", "resolvedAt" + TIME, "resolutionReason", "escalatedAt" + TIME,
            "escalationReason", "citation", "rulebookVersion", "withheld");

    private AlertCsv() {
    }

    static byte[] write(List<AlertView> alerts) {
        StringBuilder out = new StringBuilder(256 * (alerts.size() + 1));
        line(out, HEADER);
        for (AlertView a : alerts) {
            line(out, Arrays.asList(a.alertId(), a.firmId(), a.duty(), a.ruleId(), a.severity(), a.status(), a.title(),
                    a.detail(), time(a.detectedAt()), time(a.regulatoryDeadline()), a.deadlineBasis(),
                    a.acknowledgedBy(), time(a.acknowledgedAt()), a.resolvedBy(), time(a.resolvedAt()),
                    a.resolutionReason(), time(a.escalatedAt()), a.escalationReason(), a.citation(),
                    a.rulebookVersion(), String.join(" ", a.withheld())));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(text, 0, file, BOM.length, text.length);
        return file;
    }

    private static void line(StringBuilder out, List<String> cells) {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String cell : cells) {
            quoted.add(cell(cell));
        }
        out.append(String.join(",", quoted)).append("\r\n");
    }

    /** One cell: neutralised if a spreadsheet would take it for a formula, then quoted with inner quotes doubled. */
    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = formulaLike(value) ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    /** Starts with a formula trigger, also after leading spaces (some spreadsheets trim them before parsing). */
    private static boolean formulaLike(String value) {
        String lead = value.stripLeading();
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        return !lead.isEmpty() && "=+-@".indexOf(lead.charAt(0)) >= 0;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CloudEvent.ALMATY).format(ASTANA);
    }
}
