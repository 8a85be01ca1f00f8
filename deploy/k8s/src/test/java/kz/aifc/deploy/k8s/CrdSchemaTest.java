package kz.aifc.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Strimzi, CloudNativePG, Barman Cloud and KEDA object of an overlay matches its operator's CRD schema. */
class CrdSchemaTest {

    private static final CrdSchemas SCHEMAS = new CrdSchemas();

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void customResourcesMatchTheirCrds(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<String> errors = new ArrayList<>();
        int checked = 0;
        for (JsonNode o : r.objects) {
            if (CrdSchemas.covers(o)) {
                checked++;
                SCHEMAS.validate(o).forEach(e -> errors.add(o.path("kind").asText() + " " + Rendered.nameOf(o)
                        + ": " + e));
            }
        }
        assertThat(errors).isEmpty();
        // Kafka, 2 node pools, 12 topics, 4 service users, 4 Clusters, ObjectStore, 4 ScheduledBackups, 4 ScaledObjects,
        // 4 TriggerAuthentications, and per firm 4 lanes and a user
        assertThat(checked).isGreaterThanOrEqualTo(36 + 5);
    }

    @Test
    void theValidatorRefusesWhatTheApiServerWould() {
        Rendered r = Overlays.render(Overlays.MULTI_FIRM);
        ObjectNode topic = r.get("KafkaTopic", "aifc.licences").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "three");
        ((ObjectNode) topic.get("spec")).put("retention", 7);
        assertThat(SCHEMAS.validate(topic)).containsExactlyInAnyOrder("spec.partitions: not an integer but \"three\"",
                "spec.retention: unknown field");

        ObjectNode user = r.get("KafkaUser", "capital-service").deepCopy();
        ((ObjectNode) user.at("/spec/authorization/acls/0")).putArray("operations").add("Produce");
        ((ObjectNode) user.at("/spec/authorization/acls/1/resource")).remove("type");
        assertThat(SCHEMAS.validate(user)).hasSize(2);

        ObjectNode kafka = r.get("Kafka", "aifc-kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).put("replicas", 3); // v1beta2's field, gone in v1 (node pools)
        kafka.put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertThat(SCHEMAS.validate(kafka)).containsExactly("no served CRD version for kafka.strimzi.io/v1beta2 Kafka");
        kafka.put("apiVersion", "kafka.strimzi.io/v1");
        assertThat(SCHEMAS.validate(kafka)).containsExactly("spec.kafka.replicas: unknown field");

        ObjectNode cluster = r.get("Cluster", "aml-db").deepCopy();
        ((ObjectNode) cluster.get("spec")).remove("instances");
        assertThat(SCHEMAS.validate(cluster)).containsExactly("spec.instances: required");
    }
}
