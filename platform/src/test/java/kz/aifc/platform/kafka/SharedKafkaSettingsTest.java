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
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.SecuredKafkaProfile;

/**
 * One security setting reaches every Kafka client of a service: a {@code security.protocol} and {@code sasl.*} keys
 * given once as {@code kafka.*} (as a deployment's {@code KAFKA_*} environment would) are in the outbox relay's
 * producer and in the SmallRye channel's consumer alike. PLAINTEXT keeps the local broker usable; the SASL keys are
 * carried (and ignored by the client on PLAINTEXT), which is what this test looks for.
 */
@QuarkusTest
@TestProfile(SecuredKafkaProfile.class)
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class SharedKafkaSettingsTest {


    @Inject
    KafkaClients clients;

    @Inject
    KafkaClientService channels;

    @Test
    @DisplayName("the outbox relay's producer carries the shared security.protocol and sasl.* settings")
    void shouldGiveTheOutboxRelayTheSharedSecuritySettings() {
        assertThat(clients.built()).containsKey("outbox-relay");
        assertThat(clients.built().get("outbox-relay"))
                .containsEntry("security.protocol", SecuredKafkaProfile.PROTOCOL)
                .containsEntry("sasl.mechanism", SecuredKafkaProfile.MECHANISM)
                .containsEntry("sasl.jaas.config", SecuredKafkaProfile.JAAS)
                .containsEntry("bootstrap.servers", LocalStackResource.bootstrapServers());
    }

    @Test
    @DisplayName("the SmallRye channel's consumer carries the same settings")
    void shouldGiveTheMessagingChannelTheSameSecuritySettings() {
        Map<String, Object> consumer = new HashMap<>(channels.getConsumer("snapshots").configuration());

        assertThat(consumer)
                .containsEntry("security.protocol", SecuredKafkaProfile.PROTOCOL)
                .containsEntry("sasl.mechanism", SecuredKafkaProfile.MECHANISM)
                .containsEntry("sasl.jaas.config", SecuredKafkaProfile.JAAS);
    }
}
