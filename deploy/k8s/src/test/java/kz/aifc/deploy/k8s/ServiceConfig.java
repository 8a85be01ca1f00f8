package kz.aifc.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.Topics;

/**
 * What a service's {@code application.properties} says about its deployment: HTTP port, database, consumer group,
 * the topics it reads, the DLQs it writes, the topics it publishes, and the environment variables it reads. The
 * manifests are checked against this, so a change of the code's configuration that the manifests do not follow fails.
 * {@code connections} is the most database connections one replica opens: its pool's maximum and any of its own.
 */
record ServiceConfig(String name, int httpPort, String database, Set<String> groups, Set<String> consumed,
        Set<String> deadLetters, Set<String> produced, Set<String> envVars, int connections) {

    static final List<String> NAMES = List.of("capital-service", "aml-service", "licensing-service",
            "notification-service");

    /** The shared ingest topics a firm produces to, each of which may have per-firm lanes '<topic>.firm.<firmId>'. */
    static final List<String> INGEST_TOPICS = Topics.ingest();

    static final String LANE_INFIX = FirmLanes.INFIX;

    /** Quarkus's {@code quarkus.datasource.jdbc.max-size} when a service does not set it. */
    static final int QUARKUS_DEFAULT_POOL = 20;

    /**
     * Connections a replica opens outside its pool: notification-service's {@code stream/ReplicaFanOut} holds one
     * {@code LISTEN} connection of its own.
     */
    private static final Map<String, Integer> BEYOND_POOL = Map.of("notification-service", 1);

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    static List<ServiceConfig> all() {
        return NAMES.stream().map(ServiceConfig::load).toList();
    }

    static ServiceConfig load(String service) {
        Path file = Repo.ROOT.resolve(service).resolve("src/main/resources/application.properties");
        Properties p = new Properties();
        String text;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> groups = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches() && "smallrye-kafka".equals(p.getProperty(key))) {
                String channel = "mp.messaging.incoming." + m.group(1) + ".";
                String topic = resolve(p, channel + "topic");
                consumed.add("true".equals(p.getProperty(channel + "pattern")) ? sharedTopicOf(service, topic) : topic);
                groups.add(resolve(p, channel + "group.id"));
                if ("dead-letter-queue".equals(p.getProperty(channel + "failure-strategy"))) {
                    deadLetters.add(resolve(p, channel + "dead-letter-queue.topic"));
                }
            }
        }
        // aml-service reads screened transactions with a consumer of its own (kafka/TransactionsConsumer)
        if (p.containsKey("aifc.aml.transactions.topic")) {
            consumed.add(resolve(p, "aifc.aml.transactions.topic"));
            groups.add(resolve(p, "aifc.aml.transactions.group-id"));
            deadLetters.add(resolve(p, "aifc.aml.transactions-dlq-topic"));
        }
        // notification-service reads alerts with a consumer of its own (ingest/AlertConsumer)
        if (p.containsKey("aifc.notification.alerts.topic")) {
            consumed.add(resolve(p, "aifc.notification.alerts.topic"));
            groups.add(resolve(p, "aifc.notification.alerts.group-id"));
            deadLetters.add(resolve(p, "aifc.notification.alerts.dlq-topic"));
        }
        if ("true".equals(p.getProperty("aifc.outbox.enabled"))) {
            produced.add(resolve(p, "aifc.alerts.topic"));
        }
        if (p.containsKey("aifc.licensing.licences-topic")) {
            produced.add(resolve(p, "aifc.licensing.licences-topic"));
        }
        Matcher jdbc = Pattern.compile("jdbc:postgresql://\\$\\{AIFC_DB_HOST[^}]*}/([A-Za-z0-9_]+)")
                .matcher(p.getProperty("quarkus.datasource.jdbc.url", ""));
        if (!jdbc.find()) {
            throw new IllegalStateException(service + ": no database in quarkus.datasource.jdbc.url");
        }
        Set<String> env = new LinkedHashSet<>();
        Matcher e = ENV.matcher(text);
        while (e.find()) {
            env.add(e.group(1));
        }
        return new ServiceConfig(service, Integer.parseInt(p.getProperty("quarkus.http.port")), jdbc.group(1),
                groups, consumed, deadLetters, produced, env, Integer.parseInt(p.getProperty(
                        "quarkus.datasource.jdbc.max-size", String.valueOf(QUARKUS_DEFAULT_POOL)))
                        + BEYOND_POOL.getOrDefault(service, 0));
    }

    /**
     * The contract topic a channel's pattern subscribes to: the one it matches, which must also match that topic's
     * firm lanes and not its DLQ (a pattern channel reads the shared topic and every lane beside it).
     */
    private static String sharedTopicOf(String service, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> matched = Topics.all().stream().filter(t -> pattern.matcher(t).matches()).toList();
        if (matched.size() != 1) {
            throw new IllegalStateException(service + ": pattern " + regex + " matches " + matched + ", not one topic");
        }
        String topic = matched.get(0);
        if (!pattern.matcher(FirmLanes.lane(topic, "F-0001")).matches() || pattern.matcher(Topics.dlq(topic)).matches()) {
            throw new IllegalStateException(service + ": pattern " + regex + " must match " + topic
                    + "'s firm lanes and not its DLQ");
        }
        return topic;
    }

    /** The property with the test-only topic suffix (empty in a deployment) resolved. */
    private static String resolve(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("missing " + key);
        }
        String suffix = p.getProperty("aifc.kafka.topic-suffix", "");
        value = value.replace("${aifc.kafka.topic-suffix}", suffix);
        if (value.contains("${")) {
            throw new IllegalStateException(key + " has an unresolved expression: " + value);
        }
        return value;
    }

    /** The largest partition count among the topics the service consumes: more replicas would idle. */
    int maxUsefulReplicas() {
        return consumed.stream().mapToInt(Topics::partitions).max().orElseThrow();
    }

    List<String> consumedIngestTopics() {
        List<String> ingest = new ArrayList<>(consumed);
        ingest.retainAll(INGEST_TOPICS);
        return ingest;
    }

    /** The topics and their configs of deploy/local/kafka.sh's TOPICS array: name -> "k=v" list. */
    static java.util.Map<String, List<String>> localTopicConfigs() {
        try {
            String script = Files.readString(Repo.ROOT.resolve("deploy/local/kafka.sh"));
            Matcher block = Pattern.compile("(?ms)^TOPICS=\\((.*?)^\\)").matcher(script);
            if (!block.find()) {
                throw new IllegalStateException("no TOPICS=( ... ) in deploy/local/kafka.sh");
            }
            java.util.Map<String, List<String>> topics = new java.util.LinkedHashMap<>();
            Matcher line = Pattern.compile("\"([^\"]+)\"").matcher(block.group(1));
            while (line.find()) {
                String[] parts = line.group(1).trim().split("\\s+");
                if (Integer.parseInt(parts[1]) != Topics.partitions(parts[0])) {
                    throw new IllegalStateException("kafka.sh and Topics disagree on " + parts[0]);
                }
                topics.put(parts[0], List.of(parts).subList(2, parts.length));
            }
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
