package kz.aifc.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;

/** Produces to and reads from the run's topics on the real broker, as a firm's system or a downstream reader would. */
public final class TestKafka {

    private static KafkaProducer<String, byte[]> producer;

    private TestKafka() {
    }

    /** Sends a CloudEvent in binary mode, keyed by firm id as the contract asks. */
    public static void send(String topic, String key, CloudEvent<?> event) {
        EncodedEvent encoded = CloudEventCodec.encode(event);
        send(topic, key, encoded.headers(), encoded.value());
    }

    /** Sends raw bytes with raw headers: how a test offers a malformed record. */
    public static void send(String topic, String key, Map<String, byte[]> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic + ": " + e, e);
        }
    }

    /** Sends the records in one go and waits for all of them: they travel together, so a consumer reads them in one poll. */
    public static void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        List<Future<?>> sent = new ArrayList<>();
        records.forEach(r -> sent.add(producer().send(r)));
        producer().flush();
        try {
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + records.size() + " records: " + e, e);
        }
    }

    public static Map<String, byte[]> headers(String... namesAndValues) {
        Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Reads the topic from the beginning until {@code count} records match or the timeout passes. */
    public static List<ConsumerRecord<String, byte[]>> await(String topic, int count, Duration timeout,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        return awaitUntil(topic, count, timeout, match, r -> false);
    }

    /** As {@link #await}, stopping early at the first matching record that is also a {@code stop} (kept). */
    public static List<ConsumerRecord<String, byte[]>> awaitUntil(String topic, int count, Duration timeout,
            Predicate<ConsumerRecord<String, byte[]>> match, Predicate<ConsumerRecord<String, byte[]>> stop) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            boolean stopped = false;
            while (!stopped && found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                        if (stop.test(record)) {
                            stopped = true;
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * A firm id other than {@code firmId} whose records land on the same partition (of a topic with
     * {@code partitions} partitions, and of every topic whose count divides it): its events are applied after
     * {@code firmId}'s earlier ones, so an effect of the marker firm shows that everything before it was handled.
     */
    public static String samePartitionAs(String firmId, int partitions) {
        int target = partition(firmId, partitions);
        for (int i = 0; ; i++) {
            String candidate = firmId + "-M" + i;
            if (partition(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    /** The partition Kafka's default partitioner gives a string key. */
    public static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Every record on the topic now: read from the beginning of each partition to the end it has at the call. */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
