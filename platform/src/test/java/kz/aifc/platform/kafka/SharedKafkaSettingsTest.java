package kz.aifc.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import kz.aifc.testing.LocalStackResource;

/**
 * One security setting reaches every Kafka client of a service: a {@code security.protocol} and {@code sasl.*} keys
 * given once as {@code kafka.*} (as a deployment's {@code KAFKA_*} environment would) are in the outbox relay's
 * producer and in the SmallRye channel's consumer alike. PLAINTEXT keeps the local broker usable; the SASL keys are
 * carried (and ignored by the client on PLAINTEXT), which is what this test looks for.
 */
@QuarkusTest
@TestProfile(SharedKafkaSettingsTest.Secured.class)
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class SharedKafkaSettingsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"platform-test\" password=\"never-used-on-plaintext\";";

    /** The settings a secured deployment gives once, for every client. */
    public static class Secured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.security.protocol", "PLAINTEXT",
                    "kafka.sasl.mechanism", "SCRAM-SHA-512",
                    "kafka.sasl.jaas.config", JAAS);
        }
    }

    @Inject
    KafkaClients clients;

    @Inject
    KafkaClientService channels;

    @Test
    @DisplayName("the outbox relay's producer carries the shared security.protocol and sasl.* settings")
    void shouldGiveTheOutboxRelayTheSharedSecuritySettings() {
        assertThat(clients.built()).containsKey("outbox-relay");
        assertThat(clients.built().get("outbox-relay"))
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("bootstrap.servers", LocalStackResource.bootstrapServers());
    }

    @Test
    @DisplayName("the SmallRye channel's consumer carries the same settings")
    void shouldGiveTheMessagingChannelTheSameSecuritySettings() {
        Map<String, Object> consumer = new HashMap<>(channels.getConsumer("snapshots").configuration());

        assertThat(consumer)
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS);
    }
}
