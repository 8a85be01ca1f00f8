package kz.aifc.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Parks records on a DLQ topic for a consumer of the service's own (a poll is acknowledged as a whole, so no
 * connector's dead-letter strategy can single one out): the original key, bytes and headers, plus the
 * {@code dead-letter-*} headers the SmallRye channels write (reason, cause, source topic, partition and offset), so a
 * DLQ reads the same whichever consumer parked the record.
 */
public final class DeadLetterWriter implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    public DeadLetterWriter(KafkaClients kafka, String clientId, String topic) {
        this.topic = topic;
        this.producer = kafka.producer(clientId, Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** A record to park, as it was read (where from, key, value, headers), and why. */
    public record Parked(String topic, int partition, long offset, byte[] key, byte[] value, Iterable<Header> headers,
            Throwable reason) {
    }

    /**
     * Sends every record and waits until the broker has them all: only then may the poll be acknowledged. Throws
     * {@link IllegalStateException} when the DLQ cannot be written.
     */
    public void park(List<Parked> parked) {
        if (parked.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(parked.size());
        for (Parked p : parked) {
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, p.key(), p.value());
            for (Header h : p.headers()) {
                out.headers().add(h);
            }
            Throwable reason = p.reason();
            out.headers().add("dead-letter-reason", utf8(String.valueOf(reason.getMessage())));
            if (reason.getCause() != null && reason.getCause().getMessage() != null) {
                out.headers().add("dead-letter-cause", utf8(reason.getCause().getMessage()));
            }
            out.headers().add("dead-letter-exception-class-name", utf8(reason.getClass().getName()));
            out.headers().add("dead-letter-topic", utf8(p.topic()));
            out.headers().add("dead-letter-partition", utf8(Integer.toString(p.partition())));
            out.headers().add("dead-letter-offset", utf8(Long.toString(p.offset())));
            sent.add(producer.send(out));
        }
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking records on " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot park records on " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot park records on " + topic + ": not confirmed within 30 s", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
