package kz.aifc.notification;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/** Alert events as the checking services produce them, sent to this run's alerts topic on the real broker. */
public final class AlertEvents {

    private AlertEvents() {
    }

    /** A fresh alert id per call, so tests sharing one database never see each other's alerts. */
    public static String newAlertId(String rule, String firmId) {
        return rule + ":" + firmId + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String raised(String alertId, String firmId, String duty, String severity, String detail,
            OffsetDateTime deadline, String reportPath) {
        String rule = alertId.substring(0, alertId.indexOf(':'));
        return """
                {"alertId":"%s","firmId":"%s","duty":"%s","ruleId":"%s","rulebookVersion":"2026.1",
                 "citation":"AIFC PRU(INV) 6.5; DAA 3.2","severity":"%s","title":"Capital resources below requirement",
                 "detail":"%s","evidence":{"capitalResources":"240000.00","requirement":"250000.00"},
                 "causedBy":["urn:firm/1"],"detectedAt":"%s",%s
                 "deadlineBasis":"Notify AFSA within 1 business day (PRU(INV) 6.5)",
                 "links":{%s}}""".formatted(alertId, firmId, duty, rule, severity, detail,
                OffsetDateTime.now(ZoneId.of("Asia/Almaty")).truncatedTo(ChronoUnit.MILLIS),
                deadline == null ? "" : "\"regulatoryDeadline\":\"" + deadline + "\",",
                reportPath == null ? "" : "\"report\":\"" + reportPath + "\"");
    }

    public static String resolved(String alertId, String firmId, String reason) {
        return """
                {"alertId":"%s","firmId":"%s","resolvedAt":"%s","reason":"%s"}""".formatted(alertId, firmId,
                OffsetDateTime.now(ZoneId.of("Asia/Almaty")).truncatedTo(ChronoUnit.MILLIS), reason);
    }

    /** Sends a payload as a binary-mode CloudEvent; answers the event id. */
    public static String send(String type, String firmId, String json) {
        String id = UUID.randomUUID().toString();
        send(id, type, firmId, json);
        return id;
    }

    public static void send(String eventId, String type, String firmId, String json) {
        TestKafka.send(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS), firmId,
                IngestFlow.binaryHeaders(eventId, type, firmId), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary-mode CloudEvent record for this run's alerts topic, to send with others in one go (one poll). */
    public static ProducerRecord<String, byte[]> record(String eventId, String type, String firmId, String json) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS),
                firmId, json.getBytes(StandardCharsets.UTF_8));
        IngestFlow.binaryHeaders(eventId, type, firmId).forEach((name, value) -> r.headers().add(name, value));
        return r;
    }

    public static String raise(String alertId, String firmId, String severity) {
        return send(EventTypes.ALERT_RAISED, firmId, raised(alertId, firmId, "CAPITAL", severity, "Capital below requirement",
                null, "/firms/" + firmId + "/reports/capital-breach-notice/" + alertId));
    }
}
