package kz.aifc.aml.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.aifc.platform.kafka.KafkaClients;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.SecuredKafkaProfile;

/**
 * aml-service builds three Kafka clients itself (the transactions consumer, its DLQ writer, the outbox relay): a
 * {@code security.protocol} and {@code sasl.*} keys given once as {@code kafka.*} reach all three.
 */
@QuarkusTest
@TestProfile(SecuredKafkaProfile.class)
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class SharedKafkaSettingsTest {


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
                .containsEntry("security.protocol", SecuredKafkaProfile.PROTOCOL)
                .containsEntry("sasl.mechanism", SecuredKafkaProfile.MECHANISM)
                .containsEntry("sasl.jaas.config", SecuredKafkaProfile.JAAS));
    }

    @Test
    @DisplayName("Kafka decompresses lz4 batches with lz4-java's native library, not its Java fallback")
    void shouldDecompressLz4Natively() throws ReflectiveOperationException {
        assertThat(consumer.notReady()).as("the consumer runs").isNull();
        Field decompressor = Class.forName("org.apache.kafka.common.compress.Lz4BlockInputStream", true,
                getClass().getClassLoader()).getDeclaredField("DECOMPRESSOR");
        decompressor.setAccessible(true);
        assertThat(decompressor.get(null).getClass().getSimpleName()).isEqualTo("LZ4JNISafeDecompressor");
    }
}
