package kz.aifc.platform.testapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/** Reads a topic of the run from the beginning up to a marker record. */
public final class TopicLog {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private TopicLog() {
    }

    /**
     * Every record read until one matching {@code marker} arrived (it included); fails if none arrives in time. The
     * relay publishes in queue order and a firm's records share a partition, so once a marker of the same firm queued
     * after an event has arrived, every copy of that event sent before it has too: "once" and "never" are asserted
     * without waiting out a timeout.
     */
    public static List<ConsumerRecord<String, byte[]>> readThrough(String topic,
            Predicate<ConsumerRecord<String, byte[]>> marker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                boolean seen = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record);
                    seen |= marker.test(record);
                }
                if (seen) {
                    return read;
                }
            }
        }
        throw new AssertionError("no marker record on " + topic + " within " + WAIT + " (" + read.size() + " read)");
    }

    /** Reads up to the record with CloudEvents id {@code markerId}. */
    public static List<ConsumerRecord<String, byte[]>> readThrough(String topic, String markerId) {
        return readThrough(topic, r -> markerId.equals(TestKafka.header(r, CloudEventCodec.CE_ID)));
    }

    /** The records among {@code read} that carry CloudEvents id {@code id}. */
    public static List<ConsumerRecord<String, byte[]>> copiesOf(List<ConsumerRecord<String, byte[]>> read, String id) {
        return read.stream().filter(r -> id.equals(TestKafka.header(r, CloudEventCodec.CE_ID))).toList();
    }
}
