package kz.aifc.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The security settings a secured deployment gives once as {@code kafka.*} (as its {@code KAFKA_*} environment would):
 * a {@code security.protocol} and {@code sasl.*} keys. PLAINTEXT keeps the local broker usable; the SASL keys are
 * carried to every client (and ignored by the client on PLAINTEXT), which is what a test of the shared settings checks.
 */
public class SecuredKafkaProfile implements QuarkusTestProfile {

    public static final String PROTOCOL = "PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"test-service\" password=\"never-used-on-plaintext\";";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kafka.security.protocol", PROTOCOL, "kafka.sasl.mechanism", MECHANISM,
                "kafka.sasl.jaas.config", JAAS);
    }
}
