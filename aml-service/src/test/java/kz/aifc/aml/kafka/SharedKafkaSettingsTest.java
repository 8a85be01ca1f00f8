package kz.aifc.aml.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import kz.aifc.platform.kafka.KafkaClients;
import kz.aifc.testing.LocalStackResource;

/**
 * aml-service builds three Kafka clients itself (the transactions consumer, its DLQ writer, the outbox relay): a
 * {@code security.protocol} and {@code sasl.*} keys given once as {@code kafka.*} reach all three.
 */
@QuarkusTest
@TestProfile(SharedKafkaSettingsTest.Secured.class)
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class SharedKafkaSettingsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"aml-service\" password=\"never-used-on-plaintext\";";

    /** The settings a secured deployment gives once (PLAINTEXT keeps the local broker usable). */
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
    TransactionsConsumer consumer;

    @Inject
    DeadLetters deadLetters;

    @Test
    @DisplayName("the transactions consumer, the DLQ writer and the outbox relay all carry the shared security settings")
    void shouldGiveEveryClientTheSharedSecuritySettings() {
        assertThat(consumer.notReady()).as("the consumer runs").isNull();
        deadLetters.park(List.of()); // the DLQ writer is made on first use
        assertThat(clients.built().keySet()).contains("outbox-relay", "aml-service-dlq")
                .anyMatch(id -> id.startsWith("aml-transactions-"));
        assertThat(clients.built().values()).allSatisfy(config -> assertThat(config)
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS));
    }
}
