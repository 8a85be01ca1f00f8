package kz.aifc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import kz.aifc.contract.EventTypes;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.Duty;
import kz.aifc.platform.security.Roles;

/**
 * The system on the secured broker ({@code KAFKA_SECURED=1 deploy/local/kafka.sh}): SASL/SCRAM-SHA-512 over TLS, ACLs
 * enforced, every service with its own user and the settings {@code kafka.sh} wrote for it, two firms with lanes of
 * their own. Each service consumes, raises alerts through its outbox and parks bad records on its DLQ with its own
 * credentials; firm A cannot place an effective event for firm B, neither on B's lane (the broker refuses) nor on its
 * own (the service parks it as a firm mismatch and counts it); a service with a wrong password says so and is not ready.
 */
class SecuredKafkaIT {

    private static final String FIRM_A = "F-SEC-A";
    private static final String FIRM_B = "F-SEC-B";
    private static final String SECURED_BOOTSTRAP = "localhost:9094";
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private E2eStack stack;
    private boolean startedBroker;

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (startedBroker) {
                kafkaSh("stop");
            }
        }
    }

    @Test
    void shouldRunEveryFlowWithItsOwnCredentialsAndLetAFirmSpeakOnlyForItself() throws Exception {
        stack = E2eStack.open("secured");
        startedBroker = !listening();
        kafkaSh("start");
        kafkaSh("topics", stack.run);
        kafkaSh("add-firm", FIRM_A, stack.run);
        kafkaSh("add-firm", FIRM_B, stack.run);
        assertOwnerOnly(users().resolve("firm-f-sec-a.properties"));
        assertOwnerOnly(users().resolve("capital-service.env"));

        stack.freshDatabases("licensing-service", "capital-service", "aml-service", "notification-service");
        E2eStack.Service licensing = secured(stack.service("licensing-service"), "licensing-service");
        E2eStack.Service capital = secured(stack.service("capital-service"), "capital-service");
        E2eStack.Service aml = secured(stack.service("aml-service"), "aml-service");
        E2eStack.Service notification = secured(stack.service("notification-service"), "notification-service");
        List<E2eStack.Service> all = List.of(licensing, capital, aml, notification);
        all.forEach(E2eStack.Service::start);
        all.forEach(E2eStack.Service::awaitReady);

        // Firm A's licence (licensing-service writes aifc.licences; capital-service reads it), then one breach per duty
        // on firm A's own lanes.
        Http.Answer licence = Http.post(licensing.url("/licences"), stack.bearer(Roles.ADMIN, null), """
                {"firmId":"%s","firmName":"Secured Firm A","licenceNumber":"AFSA-A-LA-%s","status":"ACTIVE",
                 "activities":["DEALING_AS_PRINCIPAL"],"effectiveFrom":"2026-01-15","conditions":[]}"""
                .formatted(FIRM_A, stack.run));
        assertThat(licence.status()).as("licence registration: %s", licence.body()).isEqualTo(201);
        Poll.until(ARRIVAL, "capital-service to know firm A's licence", () -> Http.get(
                capital.url("/firms/" + FIRM_A + "/capital"), stack.regulator()).status() != 503);

        OffsetDateTime now = OffsetDateTime.now(Deadlines.ALMATY).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, byte[]> firmA = producer("firm-f-sec-a")) {
            send(firmA, lane(Topics.TRANSACTIONS_SCREENED, FIRM_A), FIRM_A, EventTypes.TRANSACTION_SCREENED,
                    sanctionsHit(FIRM_A, now));
            send(firmA, lane(Topics.CONTROLLER_CHANGES, FIRM_A), FIRM_A, EventTypes.CONTROLLER_CHANGE,
                    controllerOverTen(FIRM_A, now));
            Poll.until(ARRIVAL, "capital-service to have firm A's licence before the snapshot",
                    () -> capital.applied(stack.topic(Topics.LICENCES)) >= 1);
            send(firmA, lane(Topics.CAPITAL_SNAPSHOTS, FIRM_A), FIRM_A, EventTypes.CAPITAL_SNAPSHOT,
                    snapshotFarBelowRequirement(FIRM_A, now));
        }
        Properties admin = client("admin");
        String alerts = stack.topic(Topics.COMPLIANCE_ALERTS);
        Poll.until(ARRIVAL, "an alert of each duty for firm A on " + alerts, () -> dutiesRaised(alerts, admin, FIRM_A)
                .containsAll(EnumSet.allOf(Duty.class)));
        Poll.until(ARRIVAL, "notification-service to show firm A's alerts of each duty", () -> {
            Http.Answer page = Http.get(notification.url("/alerts?firmId=" + FIRM_A), stack.regulator());
            return page.status() == 200 && page.json().path("total").asLong() >= 3;
        });

        // Firm A cannot write firm B's lane, nor the shared topic: the broker refuses.
        try (KafkaProducer<String, byte[]> firmA = producer("firm-f-sec-a")) {
            for (String refused : List.of(lane(Topics.CAPITAL_SNAPSHOTS, FIRM_B), stack.topic(Topics.CAPITAL_SNAPSHOTS))) {
                assertThatThrownBy(() -> send(firmA, refused, FIRM_B, EventTypes.CAPITAL_SNAPSHOT,
                        snapshotFarBelowRequirement(FIRM_B, now)))
                        .as("firm A writing %s", refused).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }

        // On its own lane, firm A claims firm B: no effect, parked as a firm mismatch, counted. Then malformed records
        // on each service's topic: each service parks them on its DLQ with its own credentials.
        String mismatchId;
        Map<String, String> malformed = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> firmA = producer("firm-f-sec-a")) {
            mismatchId = send(firmA, lane(Topics.CAPITAL_SNAPSHOTS, FIRM_A), FIRM_A, EventTypes.CAPITAL_SNAPSHOT,
                    snapshotFarBelowRequirement(FIRM_B, now));
            malformed.put(Topics.CAPITAL_SNAPSHOTS, send(firmA, lane(Topics.CAPITAL_SNAPSHOTS, FIRM_A), FIRM_A,
                    EventTypes.CAPITAL_SNAPSHOT, "{\"firmId\":\"" + FIRM_A + "\"}"));
            malformed.put(Topics.TRANSACTIONS_SCREENED, send(firmA, lane(Topics.TRANSACTIONS_SCREENED, FIRM_A), FIRM_A,
                    EventTypes.TRANSACTION_SCREENED, "{\"firmId\":\"" + FIRM_A + "\"}"));
            malformed.put(Topics.STAFF_CHANGES, send(firmA, lane(Topics.STAFF_CHANGES, FIRM_A), FIRM_A,
                    EventTypes.STAFF_CHANGE, "{\"firmId\":\"" + FIRM_A + "\"}"));
        }
        String snapshotsDlq = Topics.dlq(stack.topic(Topics.CAPITAL_SNAPSHOTS));
        ConsumerRecord<String, byte[]> mismatch = awaitOnDlq(snapshotsDlq, admin, mismatchId);
        assertThat(header(mismatch, "dead-letter-reason")).startsWith(FirmLanes.MISMATCH).contains(FIRM_B);
        assertThat(header(mismatch, "dead-letter-topic")).isEqualTo(lane(Topics.CAPITAL_SNAPSHOTS, FIRM_A));
        malformed.forEach((topic, id) -> assertThat(header(awaitOnDlq(Topics.dlq(stack.topic(topic)), admin, id),
                "dead-letter-reason")).as("DLQ reason on %s", topic).isNotBlank());
        assertThat(metric(capital, "aifc_events_firm_mismatch_total", lane(Topics.CAPITAL_SNAPSHOTS, FIRM_A)))
                .as("firm mismatches counted by capital-service").isEqualTo(1.0);
        assertThat(dutiesRaised(alerts, admin, FIRM_B)).as("alerts for firm B").isEmpty();
        assertThat(Http.get(capital.url("/firms/" + FIRM_B + "/capital"), stack.regulator()).status())
                .as("firm B's capital position, which firm A tried to report").isEqualTo(404);

        // notification-service parks a malformed alert (written here as the broker's admin) with its own credentials.
        try (KafkaProducer<String, byte[]> asAdmin = new KafkaProducer<>(producerSettings(admin),
                new StringSerializer(), new ByteArraySerializer())) {
            String id = send(asAdmin, alerts, FIRM_A, EventTypes.ALERT_RAISED, "{\"alertId\":\"not-an-alert\"}");
            assertThat(header(awaitOnDlq(Topics.dlq(alerts), admin, id), "dead-letter-reason")).contains("firmId");
        }

        // A wrong password: refused by the broker, the service says so and does not report ready.
        E2eStack.Service impostor = stack.replica("capital-service", "capital-service-wrong-password");
        Map<String, String> env = env("capital-service");
        env.put("KAFKA_SASL_JAAS_CONFIG", env.get("KAFKA_SASL_JAAS_CONFIG").replaceAll("password=\"[^\"]*\"",
                "password=\"wrong-" + UUID.randomUUID() + "\""));
        impostor.environment(env).start();
        Poll.until(ARRIVAL, "capital-service with a wrong password to log the refusal (" + impostor.log() + ")",
                () -> read(impostor.log()).contains("Authentication failed"));
        Http.Answer ready = Http.get(impostor.url("/q/health/ready"), null);
        assertThat(ready.status()).as("readiness with a wrong Kafka password: %s", ready.body()).isEqualTo(503);
        assertThat(read(impostor.log())).as("the password in the log").doesNotContain(
                env.get("KAFKA_SASL_JAAS_CONFIG").replaceAll(".*password=\"([^\"]*)\".*", "$1"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    // --- the secured broker and its users ----------------------------------------------------------------------------

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 9094), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void kafkaSh(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/local/kafka.sh"));
        command.addAll(List.of(args));
        Path log = stack.dir.resolve("kafka-sh.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(stack.root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KAFKA_SECURED", "1");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("kafka.sh %s finished", String.join(" ", args)).isTrue();
        assertThat(process.exitValue()).as("kafka.sh %s; log:%n%s", String.join(" ", args), Poll.tail(log, 30)).isZero();
    }

    private Path users() {
        return stack.root.resolve("deploy/local/.state/kafka-secured/secrets/users");
    }

    private E2eStack.Service secured(E2eStack.Service service, String user) {
        return service.environment(env(user));
    }

    /** The KAFKA_* variables kafka.sh wrote for a user (KEY='VALUE' lines, as a shell sources them). */
    private Map<String, String> env(String user) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(users().resolve(user + ".env"))) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    env.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'(.*)'$", "$1"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    private Properties client(String user) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(users().resolve(user + ".properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(props.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo(SECURED_BOOTSTRAP);
        return props;
    }

    private static void assertOwnerOnly(Path file) throws IOException {
        assertThat(Files.getPosixFilePermissions(file)).as("permissions of %s", file)
                .isSubsetOf(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private static Properties producerSettings(Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        return props;
    }

    private KafkaProducer<String, byte[]> producer(String user) {
        return new KafkaProducer<>(producerSettings(client(user)), new StringSerializer(), new ByteArraySerializer());
    }

    private String lane(String contractTopic, String firm) {
        return FirmLanes.lane(stack.topic(contractTopic), firm);
    }

    // --- records -----------------------------------------------------------------------------------------------------

    /** Sends a binary-mode CloudEvent and waits for the broker's answer; returns its {@code ce_id}. */
    private static String send(KafkaProducer<String, byte[]> producer, String topic, String subject, String type,
            String json) throws ExecutionException, InterruptedException {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, json.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("ce_id", id, "ce_source", "urn:aifc:e2e-secured", "ce_type", type,
                "ce_specversion", "1.0", "ce_subject", subject, "content-type", "application/json");
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from the broker within 30 s for " + topic, e);
        }
        return id;
    }

    private static String sanctionsHit(String firm, OffsetDateTime at) {
        return """
                {"firmId":"%s","transactionId":"T-SEC-1","occurredAt":"%s","direction":"DEPOSIT","asset":"USDT",
                 "amount":"10.00","amountUsd":"10.00","amountKzt":"5200.00",
                 "customer":{"id":"C-SEC-1","type":"NATURAL","residency":"KZ","riskRating":"LOW","pep":false,
                  "eddCompleted":false,"retailClient":true,"knowledgeTestPassed":true},
                 "counterparty":{"name":"Some Exchange Ltd","wallet":"TQ1","vaspId":"VASP-77","selfHosted":false,
                  "ownershipVerified":null,"vaspDueDiligenceCompleted":true,"jurisdiction":"AE","offshore":false},
                 "travelRule":{"originatorName":"A. Example","originatorWallet":"TQ1",
                  "originatorIdentifier":"IIN 900101300123","beneficiaryName":"B. Example","beneficiaryWallet":"TX1"},
                 "screening":{"sanctionsHit":true,"sanctionsList":"UN SC 1267","matchScore":"0.97",
                  "walletRiskScore":90,"exposures":[]}}""".formatted(firm, at);
    }

    private static String controllerOverTen(String firm, OffsetDateTime at) {
        return """
                {"firmId":"%s","controllerId":"K-SEC-1","name":"Steppe Holdings","type":"LEGAL","previousHoldingPct":"8.0",
                 "newHoldingPct":"12.5","afsaApproval":"NONE","sourceOfWealthEvidence":false,"effectiveDate":"%s"}"""
                .formatted(firm, at.toLocalDate());
    }

    private static String snapshotFarBelowRequirement(String firm, OffsetDateTime at) {
        return """
                {"firmId":"%s","asOf":"%s","currency":"USD","usdRate":"1",
                 "capital":{"paidUpShareCapital":"1000.00","sharePremium":"0","auditedRetainedEarnings":"0",
                  "otherReserves":"0","interimLosses":"0","intangibleAssets":"0","deferredTaxAssets":"0",
                  "otherDeductions":"0"},
                 "liquidAssets":"1000.00","annualOperatingExpenditure":"600000.00","capitalReductionApprovalRef":null}"""
                .formatted(firm, at.minusMinutes(5));
    }

    // --- reading back ------------------------------------------------------------------------------------------------

    private static Set<Duty> dutiesRaised(String alerts, Properties admin, String firm) {
        return PublishedAlerts.read(alerts, admin).stream()
                .filter(p -> p.raised() != null && firm.equals(p.raised().firmId()))
                .map(p -> p.raised().duty()).collect(Collectors.toSet());
    }

    private static ConsumerRecord<String, byte[]> awaitOnDlq(String dlq, Properties admin, String ceId) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Poll.until(ARRIVAL, "record " + ceId + " on " + dlq, () -> {
            PublishedAlerts.records(dlq, admin).stream().filter(r -> ceId.equals(header(r, "ce_id"))).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A counter's value for a topic on the service's {@code /q/metrics}, 0 when absent. */
    private static double metric(E2eStack.Service service, String name, String topic) {
        Http.Answer metrics = Http.get(service.url("/q/metrics"), null, "text/plain");
        return metrics.body().lines().filter(l -> l.startsWith(name + "{") && l.contains("topic=\"" + topic + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
