package kz.aifc.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;

/** Every alert event on a run's alerts topic so far: read from the beginning up to the current end, no group. */
final class PublishedAlerts {

    /** One alert event as the checking service published it (exactly one of the two payloads is set). */
    record Published(String firmId, AlertRaised raised, AlertResolved resolved) {

        String alertId() {
            return raised != null ? raised.alertId() : resolved.alertId();
        }

        @Override
        public String toString() {
            return (raised != null ? "raised " + raised.ruleId() + " " : "resolved ") + alertId();
        }
    }

    private PublishedAlerts() {
    }

    static List<Published> read(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.BOOTSTRAP);
        return read(topic, props);
    }

    /** As {@link #read(String)}, as the client {@code client} describes (a secured broker's user, say). */
    static List<Published> read(String topic, Properties client) {
        List<Published> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records(topic, client)) {
            CloudEvent<?> event = CloudEventCodec.decode(r.headers(), r.value());
            out.add(new Published(r.key(), event.data() instanceof AlertRaised a ? a : null,
                    event.data() instanceof AlertResolved s ? s : null));
        }
        return out;
    }

    /** Every record on a topic from its beginning up to its current end, no group, as {@code client} reads. */
    static List<ConsumerRecord<String, byte[]>> records(String topic, Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
