package kz.aifc.aml.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import kz.aifc.aml.config.AmlConfig;
import kz.aifc.aml.screening.ScreenedRecord;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.ingest.EventIngest;
import kz.aifc.platform.kafka.DeadLetterWriter;
import kz.aifc.platform.kafka.KafkaClients;

/**
 * Parks a record of a batch on the DLQ itself (a batch is acked as a whole, so the connector's dead-letter strategy
 * cannot single one out): original key, bytes and headers, plus the platform's {@code dead-letter-*} headers
 * ({@link DeadLetterWriter}), and counts it.
 */
@ApplicationScoped
public class DeadLetters {

    private final DeadLetterWriter writer;
    private final MeterRegistry meters;

    DeadLetters(KafkaClients kafka, AmlConfig config, MeterRegistry meters) {
        this.writer = new DeadLetterWriter(kafka, "aml-service-dlq", config.transactionsDlqTopic());
        this.meters = meters;
    }

    /** A record to park (its key, value and headers as they arrived) and why. */
    public record Parked(ConsumerRecord<ByteBuffer, ScreenedRecord> record, Throwable reason) {
    }

    /** Sends every parked record and waits until the broker has them all: only then may the batch be acked. */
    public void park(List<Parked> parked) {
        if (parked.isEmpty()) {
            return;
        }
        List<DeadLetterWriter.Parked> out = new ArrayList<>(parked.size());
        for (Parked p : parked) {
            ConsumerRecord<ByteBuffer, ScreenedRecord> r = p.record();
            ByteBuffer value = r.value() == null ? null : r.value().value();
            out.add(new DeadLetterWriter.Parked(r.topic(), r.partition(), r.offset(), bytes(r.key()), bytes(value),
                    r.headers(), p.reason()));
        }
        writer.park(out);
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
        writer.close();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return buffer == null ? null : CloudEventCodec.bytes(buffer);
    }
}
