package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaEnvironmentTest {

    @Test
    void shouldTurnTheSecurityVariablesIntoClientSettingsAndLeaveTheScriptsVariablesOut() {
        var settings = KafkaEnvironment.settings(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/tmp/truststore.p12",
                "KAFKA_PORT", "9094",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_SSL_KEY_PASSWORD", "",
                "PATH", "/usr/bin"));

        assertThat(settings).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location");
        assertThat(settings.getProperty("sasl.jaas.config")).endsWith("required;");
    }

    @Test
    void shouldLetTheProducerOptionsWinOverTheEnvironment() throws UsageException {
        Options options = Options.parse("--bootstrap", "localhost:9094", "--producer", "security.protocol=PLAINTEXT");
        assertThat(Sender.producerProperties(options, "c").getProperty("security.protocol")).isEqualTo("PLAINTEXT");
    }
}
