package kz.aifc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.security.Roles;

/**
 * Issue #14.4: two replicas of the packaged notification-service on one database and one consumer group give what one
 * gives. Six CRITICAL alerts, one per partition of the alerts topic (so each replica applies some, whichever
 * partitions it holds), reach a dashboard stream on each replica once each; each escalates once (ESC-001 after 5 s,
 * both replicas' clocks ticking every second); each change goes to the webhook receiver once, signed. First, an
 * instance without the webhook secret key (#14.5) refuses to start and names the setting.
 */
class NotificationReplicasIT {

    private static final String MODULE = "notification-service";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private E2eStack stack;
    private HttpServer receiver;

    @AfterEach
    void stopEverything() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldStreamEscalateAndDeliverEachChangeOnceAcrossTwoReplicas() throws Exception {
        stack = E2eStack.open("notification-replicas");
        stack.freshDatabases(MODULE);
        stack.createTopics();
        String[] settings = { "aifc.escalation.critical-unacknowledged-after", "PT5S",
                "aifc.escalation.check-every", "1s", "aifc.escalation.initial-delay", "1s",
                "aifc.webhooks.poll-every", "1s", "aifc.webhooks.allowed-hosts", "127.0.0.1",
                "kafka.session.timeout.ms", "10000" };
        // Issue #14.5: production refuses to start without the key that encrypts webhook secrets, and says why.
        E2eStack.Service keyless = stack.replica(MODULE, "notification-keyless", settings)
                .env("AIFC_WEBHOOKS_SECRET_KEY", null).start();
        assertThat(keyless.awaitExit(Duration.ofMinutes(2))).as("exit code without the key").isNotZero();
        assertThat(Poll.tail(keyless.log(), 100_000)).contains("aifc.webhooks.secret-key (environment "
                + "AIFC_WEBHOOKS_SECRET_KEY) is not set");
        E2eStack.Service a = stack.replica(MODULE, "notification-a", settings).start();
        E2eStack.Service b = stack.replica(MODULE, "notification-b", settings).start();
        a.awaitReady();
        b.awaitReady();
        String alertsTopic = stack.topic(Topics.COMPLIANCE_ALERTS);
        awaitTwoMembers("notification-service" + stack.suffix);

        List<Map<String, String>> delivered = new CopyOnWriteArrayList<>();
        List<String> badSignatures = new CopyOnWriteArrayList<>();
        String secret = subscribe(a, delivered, badSignatures);

        try (Stream onA = Stream.open(a, stack.regulator()); Stream onB = Stream.open(b, stack.regulator())) {
            onA.awaitReady();
            onB.awaitReady();
            Map<String, String> alerts = alertsOnEveryPartition(Topics.partitions(Topics.COMPLIANCE_ALERTS));
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (Map.Entry<String, String> alert : alerts.entrySet()) {
                    producer.send(CloudEventCodec.encode(raised(alert.getKey(), alert.getValue()))
                            .toProducerRecord(alertsTopic)).get();
                }
            }
            for (Stream s : List.of(onA, onB)) {
                Poll.until(WAIT, "every alert RAISED and ESCALATED on " + s.name, () -> alerts.keySet().stream()
                        .allMatch(id -> s.count(id, "RAISED") >= 1 && s.count(id, "ESCALATED") >= 1));
            }
            Poll.until(WAIT, "12 webhook deliveries (6 RAISED, 6 ESCALATED)", () -> delivered.size() >= 12);
            // Time for a late duplicate to show: several escalation rounds and webhook polls of both replicas.
            Thread.sleep(5000);

            assertThat(a.applied(alertsTopic)).as("alerts replica a applied").isPositive();
            assertThat(b.applied(alertsTopic)).as("alerts replica b applied").isPositive();
            assertThat(a.applied(alertsTopic) + b.applied(alertsTopic)).isEqualTo(alerts.size());
            for (Stream s : List.of(onA, onB)) {
                for (String id : alerts.keySet()) {
                    assertThat(s.count(id, "RAISED")).as("%s RAISED on %s", id, s.name).isEqualTo(1);
                    assertThat(s.count(id, "ESCALATED")).as("%s ESCALATED on %s", id, s.name).isEqualTo(1);
                }
            }
        }
        assertThat(badSignatures).isEmpty();
        assertThat(delivered).hasSize(12);
        assertThat(delivered.stream().map(d -> d.get("deliveryId")).distinct()).as("each delivery POSTed once")
                .hasSize(12);
        assertThat(delivered.stream().collect(Collectors.groupingBy(d -> d.get("alertId") + " " + d.get("change"),
                Collectors.counting())).values()).as("one delivery per alert and change").hasSize(12).containsOnly(1L);
        try (Connection db = stack.connect(MODULE)) {
            assertThat(count(db, "select count(*) from alert_escalation")).isEqualTo(6);
            assertThat(count(db, "select count(*) from audit_log where action = 'alert.escalated'")).isEqualTo(6);
            assertThat(count(db, "select count(*) from webhook_attempt")).isEqualTo(12);
            assertThat(count(db, "select count(*) from webhook_subscription where secret like '%" + secret + "%'"))
                    .as("the signing secret is not stored in clear").isZero();
        }
        for (E2eStack.Service s : List.of(a, b)) {
            assertThat(Poll.tail(s.log(), 100_000)).as("%s's log", s.name).doesNotContain(secret);
        }
    }

    /** Six firms whose keys hash to the six partitions (the producer's default partitioner), an alert each. */
    private Map<String, String> alertsOnEveryPartition(int partitions) {
        Map<Integer, String> firmOf = new LinkedHashMap<>();
        for (int i = 0; firmOf.size() < partitions; i++) {
            String firm = "F-REP-" + i;
            firmOf.putIfAbsent(Utils.toPositive(Utils.murmur2(firm.getBytes(StandardCharsets.UTF_8))) % partitions,
                    firm);
        }
        Map<String, String> alerts = new LinkedHashMap<>();
        firmOf.values().forEach(firm -> alerts.put("CAP-001:" + firm + ":" + stack.run, firm));
        return alerts;
    }

    private static CloudEvent<AlertRaised> raised(String alertId, String firm) {
        OffsetDateTime now = OffsetDateTime.now(Deadlines.ALMATY).truncatedTo(ChronoUnit.MILLIS);
        AlertRaised alert = new AlertRaised(alertId, firm, Duty.CAPITAL, "CAP-001", "e2e", "PRU(INV) 6.5",
                Severity.CRITICAL, "Capital resources below requirement", "e2e replica check",
                Map.of("capitalResources", "1.00"), List.of(), now, null, null, Map.of());
        return CloudEvent.of("urn:aifc:e2e", EventTypes.ALERT_RAISED, firm, alert, now);
    }

    /** A local receiver that records each POST and checks its signature; subscribed (as the regulator) on a. */
    private String subscribe(E2eStack.Service a, List<Map<String, String>> delivered, List<String> badSignatures)
            throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] secret = new String[1];
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = CloudEventCodec.mapper().readTree(body);
            String signature = exchange.getRequestHeaders().getFirst("X-Signature");
            if (!("sha256=" + hmac(secret[0], body)).equals(signature)) {
                badSignatures.add(json.path("id").asText());
            }
            delivered.add(Map.of("deliveryId", exchange.getRequestHeaders().getFirst("X-Delivery-Id"),
                    "alertId", json.path("alert").path("alertId").asText(), "change", json.path("change").asText()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Http.Answer created = Http.post(a.url("/subscriptions"), stack.regulator(),
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        secret[0] = created.json().path("secret").asText();
        assertThat(secret[0]).hasSizeGreaterThanOrEqualTo(16);
        return secret[0];
    }

    /** Until both replicas are in the consumer group with partitions of their own. */
    private static void awaitTwoMembers(String group) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            Poll.until(WAIT, "two members with partitions in " + group, () -> {
                try {
                    ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                    return g.members().size() == 2
                            && g.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A dashboard's {@code GET /alerts/stream} on one replica: the {@code alert} events' data, as they arrive. */
    private static final class Stream implements AutoCloseable {

        final String name;
        private final InputStream body;
        private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
        private volatile boolean ready;

        private Stream(String name, InputStream body) {
            this.name = name;
            this.body = body;
            Thread reader = new Thread(this::read, "sse-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(E2eStack.Service service, String bearer) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url("/alerts/stream"))).header("Accept", "text/event-stream")
                    .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Stream(service.name, response.body());
        }

        void awaitReady() {
            Poll.until(WAIT, "the ready event on " + name, () -> ready);
        }

        long count(String alertId, String change) {
            return alerts.stream().filter(a -> alertId.equals(a.path("alert").path("alertId").asText())
                    && change.equals(a.path("change").asText())).count();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = "message";
                List<String> data = new ArrayList<>();
                for (String line; (line = in.readLine()) != null;) {
                    if (line.isEmpty()) {
                        if ("ready".equals(event)) {
                            ready = true;
                        } else if ("alert".equals(event) && !data.isEmpty()) {
                            alerts.add(CloudEventCodec.mapper().readTree(String.join("\n", data)));
                        }
                        event = "message";
                        data.clear();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).stripLeading());
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
