package kz.aifc.aml.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.micrometer.core.instrument.MeterRegistry;
import kz.aifc.aml.screening.ScreenedRecord;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.aml.config.AmlConfig;
import kz.aifc.platform.ingest.EventIngest;
import kz.aifc.platform.kafka.KafkaClients;
import java.util.Map;

/**
 * Parks a record of a batch on the DLQ itself (a batch is acked as a whole, so the connector's dead-letter strategy
 * cannot single one out): original key, bytes and headers, plus the platform's {@code dead-letter-*} headers.
 */
@ApplicationScoped
public class DeadLetters {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final MeterRegistry meters;

    DeadLetters(KafkaClients kafka, AmlConfig config, MeterRegistry meters) {
        this.topic = config.transactionsDlqTopic();
        this.meters = meters;
        this.producer = kafka.producer("aml-service-dlq", Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A record to park (its key, value and headers as they arrived) and why. */
    public record Parked(ConsumerRecord<ByteBuffer, ScreenedRecord> record, Throwable reason) {
    }

    /** Sends every parked record and waits until the broker has them all: only then may the batch be acked. */
    public void park(List<Parked> parked) {
        if (parked.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(parked.size());
        for (Parked p : parked) {
            ConsumerRecord<ByteBuffer, ScreenedRecord> r = p.record();
            ByteBuffer value = r.value() == null ? null : r.value().value();
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, bytes(r.key()), bytes(value));
            for (Header h : r.headers()) {
                out.headers().add(h);
            }
            Throwable reason = p.reason();
            out.headers().add("dead-letter-reason", utf8(String.valueOf(reason.getMessage())));
            if (reason.getCause() != null && reason.getCause().getMessage() != null) {
                out.headers().add("dead-letter-cause", utf8(reason.getCause().getMessage()));
            }
            out.headers().add("dead-letter-exception-class-name", utf8(reason.getClass().getName()));
            out.headers().add("dead-letter-topic", utf8(r.topic()));
            out.headers().add("dead-letter-partition", utf8(Integer.toString(r.partition())));
            out.headers().add("dead-letter-offset", utf8(Long.toString(r.offset())));
            sent.add(producer.send(out));
        }
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking records on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot park records on " + topic + ": " + e.getMessage(), e);
        }
        for (Parked p : parked) {
            if (p.reason() instanceof FirmLanes.FirmMismatchException) {
                EventIngest.mismatched(meters, p.record().topic());
            } else {
                meters.counter("aifc.events.in", "topic", p.record().topic(), "outcome", "dlq").increment();
            }
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return buffer == null ? null : CloudEventCodec.bytes(buffer);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
