package kz.aifc.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.aifc.contract.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker, topics and users against the contract ({@link Topics}), the local stack's topic configs
 * (deploy/local/kafka.sh) and what each service reads and writes (its application.properties).
 */
class KafkaTest {

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void brokerIsKraftWithScramOverTlsAndAcls(String overlay) {
        Rendered r = Overlays.render(overlay);
        JsonNode kafka = r.get("Kafka", "aifc-kafka");
        assertThat(kafka.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        JsonNode listeners = kafka.at("/spec/kafka/listeners");
        assertThat(listeners).isNotEmpty();
        for (JsonNode l : listeners) {
            assertThat(l.path("tls").asBoolean()).as("listener %s uses TLS", l.path("name")).isTrue();
            assertThat(l.at("/authentication/type").asText()).as("listener %s authenticates", l.path("name"))
                    .isIn("scram-sha-512", "tls");
        }
        assertThat(listeners.findValuesAsText("port")).contains(String.valueOf(bootstrapPort(r)));
        Set<String> roles = new TreeSet<>();
        for (JsonNode pool : r.ofKind("KafkaNodePool")) {
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("aifc-kafka");
            pool.at("/spec/roles").forEach(role -> roles.add(role.asText()));
        }
        assertThat(roles).containsExactly("broker", "controller");
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void everyContractTopicAndDlqHasTheLocalStacksPartitionsAndConfig(String overlay) {
        Rendered r = Overlays.render(overlay);
        Map<String, List<String>> local = ServiceConfig.localTopicConfigs();
        assertThat(local.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
        Map<String, JsonNode> byTopic = topicsByName(r);
        for (String topic : Topics.allWithDlqs()) {
            JsonNode t = byTopic.get(topic);
            assertThat(t).as("%s: KafkaTopic %s", overlay, topic).isNotNull();
            assertThat(t.at("/spec/partitions").asInt()).as("partitions of %s", topic)
                    .isEqualTo(Topics.partitions(topic));
            Map<String, String> expected = topic.endsWith(Topics.DLQ_SUFFIX) ? Map.of() : asMap(local.get(topic));
            assertThat(config(t)).as("config of %s", topic).isEqualTo(expected);
        }
        // anything else is a firm's lane of a shared ingest topic
        for (Map.Entry<String, JsonNode> e : byTopic.entrySet()) {
            if (!Topics.allWithDlqs().contains(e.getKey())) {
                String shared = sharedTopicOfLane(e.getKey());
                assertThat(shared).as("%s is neither a contract topic nor a firm lane", e.getKey()).isNotNull();
                assertThat(e.getValue().at("/spec/partitions").asInt()).as("partitions of lane %s", e.getKey())
                        .isEqualTo(Topics.partitions(shared));
                assertThat(config(e.getValue())).as("config of lane %s", e.getKey())
                        .isEqualTo(asMap(local.get(shared)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void serviceUsersHaveExactlyTheAclsTheirConfigurationNeeds(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (ServiceConfig s : ServiceConfig.all()) {
            Set<String> expected = new TreeSet<>();
            for (String topic : s.consumed()) {
                expected.add(acl("topic", topic, "literal", "Read"));
                expected.add(acl("topic", topic, "literal", "Describe"));
            }
            for (String topic : s.consumedIngestTopics()) {
                expected.add(acl("topic", topic + ServiceConfig.LANE_INFIX, "prefix", "Read"));
                expected.add(acl("topic", topic + ServiceConfig.LANE_INFIX, "prefix", "Describe"));
            }
            s.groups().forEach(g -> expected.add(acl("group", g, "literal", "Read")));
            for (String topic : union(s.deadLetters(), s.produced())) {
                expected.add(acl("topic", topic, "literal", "Write"));
                expected.add(acl("topic", topic, "literal", "Describe"));
            }
            JsonNode user = r.get("KafkaUser", s.name());
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(acls(user)).as("%s: ACLs of %s", overlay, s.name()).isEqualTo(expected);
        }
        // every topic a service names exists as a KafkaTopic (the broker does not auto-create)
        Map<String, JsonNode> byTopic = topicsByName(r);
        for (ServiceConfig s : ServiceConfig.all()) {
            assertThat(byTopic.keySet()).containsAll(union(s.consumed(), union(s.deadLetters(), s.produced())));
        }
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void aFirmWritesItsOwnLanesAndNothingElse(String overlay) {
        Rendered r = Overlays.render(overlay);
        Map<String, JsonNode> byTopic = topicsByName(r);
        List<JsonNode> firms = r.ofKind("KafkaUser").stream()
                .filter(u -> Rendered.nameOf(u).startsWith("firm-")).toList();
        assertThat(firms).as("%s has firms", overlay).isNotEmpty();
        for (JsonNode user : firms) {
            String lower = Rendered.nameOf(user).substring("firm-".length());
            // the firm id as written in its lane names (case kept), found from the lanes of this user
            Set<String> lanes = new TreeSet<>();
            for (String topic : byTopic.keySet()) {
                String shared = sharedTopicOfLane(topic);
                if (shared != null && firmOfLane(topic).toLowerCase(Locale.ROOT).equals(lower)) {
                    lanes.add(topic);
                }
            }
            assertThat(lanes).as("lanes of %s", Rendered.nameOf(user)).hasSize(ServiceConfig.INGEST_TOPICS.size());
            Set<String> expected = new TreeSet<>();
            for (String lane : lanes) {
                expected.add(acl("topic", lane, "literal", "Write"));
                expected.add(acl("topic", lane, "literal", "Describe"));
            }
            if (overlay.equals(Overlays.SINGLE_FIRM)) {
                for (String shared : ServiceConfig.INGEST_TOPICS) {
                    expected.add(acl("topic", shared, "literal", "Write"));
                    expected.add(acl("topic", shared, "literal", "Describe"));
                }
            }
            assertThat(acls(user)).as("%s: ACLs of %s", overlay, Rendered.nameOf(user)).isEqualTo(expected);
        }
        if (overlay.equals(Overlays.SINGLE_FIRM)) {
            assertThat(firms).hasSize(1);
        }
    }

    static int bootstrapPort(Rendered r) {
        JsonNode config = r.get("ConfigMap", "aifc-config");
        String bootstrap = config.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText();
        assertThat(bootstrap).isEqualTo("aifc-kafka-kafka-bootstrap:" + bootstrap.substring(bootstrap.indexOf(':') + 1));
        return Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
    }

    /** The shared ingest topic of a lane name '<shared>.firm.<firmId>', or null. */
    static String sharedTopicOfLane(String topic) {
        for (String shared : ServiceConfig.INGEST_TOPICS) {
            String prefix = shared + ServiceConfig.LANE_INFIX;
            if (topic.startsWith(prefix) && topic.length() > prefix.length()
                    && !topic.substring(prefix.length()).contains(".")) {
                return shared;
            }
        }
        return null;
    }

    static String firmOfLane(String topic) {
        return topic.substring(topic.lastIndexOf(ServiceConfig.LANE_INFIX) + ServiceConfig.LANE_INFIX.length());
    }

    static Map<String, JsonNode> topicsByName(Rendered r) {
        Map<String, JsonNode> byTopic = new TreeMap<>();
        for (JsonNode t : r.ofKind("KafkaTopic")) {
            String name = t.at("/spec/topicName").asText(Rendered.nameOf(t));
            assertThat(byTopic.put(name, t)).as("topic %s declared twice", name).isNull();
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("aifc-kafka");
        }
        return byTopic;
    }

    private static Map<String, String> config(JsonNode topic) {
        Map<String, String> config = new HashMap<>();
        topic.at("/spec/config").fields().forEachRemaining(f -> config.put(f.getKey(), f.getValue().asText()));
        return config;
    }

    private static Map<String, String> asMap(List<String> pairs) {
        Map<String, String> map = new HashMap<>();
        for (String pair : pairs) {
            map.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return map;
    }

    private static Set<String> acls(JsonNode user) {
        assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
        Set<String> acls = new TreeSet<>();
        for (JsonNode a : user.at("/spec/authorization/acls")) {
            assertThat(a.path("type").asText("allow")).isEqualTo("allow");
            for (JsonNode op : a.path("operations")) {
                String line = acl(a.at("/resource/type").asText(), a.at("/resource/name").asText(),
                        a.at("/resource/patternType").asText("literal"), op.asText());
                assertThat(acls.add(line)).as("duplicate ACL %s", line).isTrue();
            }
        }
        return acls;
    }

    private static String acl(String type, String name, String pattern, String operation) {
        return type + ":" + name + ":" + pattern + ":" + operation;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
