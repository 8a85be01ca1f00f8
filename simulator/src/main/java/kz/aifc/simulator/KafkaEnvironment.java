package kz.aifc.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka security settings the services read from their environment, read the same way here: each
 * {@code KAFKA_SECURITY_*}, {@code KAFKA_SASL_*} and {@code KAFKA_SSL_*} variable becomes the client setting of the same
 * name in lower case with dots ({@code KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}). So the simulator and the
 * benchmark probes talk to a secured broker with the variables {@code deploy/local/kafka.sh credentials USER} names.
 * Other {@code KAFKA_*} variables (the local scripts' ports and heap) are not client settings and are left out.
 */
final class KafkaEnvironment {

    private static final String[] PREFIXES = {"KAFKA_SECURITY_", "KAFKA_SASL_", "KAFKA_SSL_"};

    private KafkaEnvironment() {
    }

    /** The client settings in {@code env}. */
    static Properties settings(Map<String, String> env) {
        Properties settings = new Properties();
        env.forEach((name, value) -> {
            for (String prefix : PREFIXES) {
                if (name.startsWith(prefix) && value != null && !value.isEmpty()) {
                    settings.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
                }
            }
        });
        return settings;
    }

    /** {@code properties} with the process environment's security settings added. */
    static Properties withEnvironment(Properties properties) {
        properties.putAll(settings(System.getenv()));
        return properties;
    }
}
