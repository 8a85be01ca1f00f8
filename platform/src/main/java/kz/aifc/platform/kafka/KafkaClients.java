package kz.aifc.platform.kafka;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/**
 * Every Kafka client a service builds itself (the outbox relay, aml-service's transactions consumer and its DLQ
 * writer) starts from the same shared configuration as the SmallRye channels: each {@code kafka.*} key (bootstrap
 * servers, {@code security.protocol}, {@code sasl.*}, {@code ssl.*} …, from properties or {@code KAFKA_*} environment
 * variables), so one security setting reaches every client. A client adds only its own keys; the shared keys a client
 * kind does not know (a consumer's session timeout on a producer) are left out rather than logged as unknown.
 */
@ApplicationScoped
public class KafkaClients {

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);

    static {
        loadNativeLz4();
    }

    private final Map<String, Object> shared;
    private final Map<String, Map<String, Object>> built = new ConcurrentHashMap<>();

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** A producer with the shared settings plus {@code own} (which win), named {@code clientId}. */
    public <K, V> KafkaProducer<K, V> producer(String clientId, Map<String, Object> own, Serializer<K> keys,
            Serializer<V> values) {
        return new KafkaProducer<>(config(clientId, own, ProducerConfig.configNames(), ProducerConfig.CLIENT_ID_CONFIG),
                keys, values);
    }

    /** A consumer with the shared settings plus {@code own} (which win), named {@code clientId}. */
    public <K, V> KafkaConsumer<K, V> consumer(String clientId, Map<String, Object> own, Deserializer<K> keys,
            Deserializer<V> values) {
        return new KafkaConsumer<>(config(clientId, own, ConsumerConfig.configNames(), ConsumerConfig.CLIENT_ID_CONFIG),
                keys, values);
    }

    /** The configuration each client was built with, by client id: what operators and tests check. */
    public Map<String, Map<String, Object>> built() {
        return Collections.unmodifiableMap(built);
    }

    /**
     * Kafka decompresses lz4 batches with lz4-java's fastest implementation, but lz4-java tries its native one only
     * when the system class loader loaded it or the native library is loaded already; under Quarkus's class loader it
     * took the pure-Java decompressor, 6% of aml-service's CPU in a profile of a drain. Loading the library first,
     * before any client decompresses, lets Kafka take the native one; where it cannot load, the Java one stays.
     */
    static void loadNativeLz4() {
        try {
            Class.forName("net.jpountz.util.Native", true, KafkaClients.class.getClassLoader()).getMethod("load")
                    .invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debugf("lz4's native library not loaded (Kafka decompresses lz4 in Java): %s", e);
        }
    }

    private Map<String, Object> config(String clientId, Map<String, Object> own, Set<String> known, String idKey) {
        Map<String, Object> config = new HashMap<>();
        shared.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.putAll(own);
        config.put(idKey, clientId);
        built.put(clientId, Map.copyOf(config));
        return config;
    }
}
