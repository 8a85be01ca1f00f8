package kz.aifc.aml.screening;

import static kz.aifc.aml.rules.TxBuilder.tx;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.aml.kafka.ScreenedRecordDecoder;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.contract.Topics;

/**
 * A quick local measure of the batch path (not a timed test; run with {@code -Daml.bench=N}): produces N clean (no finding) screened
 * transactions over 10,000 customers, then reports produce rate and end-to-end applied rate (inbox rows).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_bench"))
@EnabledIfSystemProperty(named = "aml.bench", matches = "\\d+")
class AmlThroughputBench {

    @Inject
    DataSource db;

    @Test
    void measureBatchPath() throws Exception {
        int n = Integer.parseInt(System.getProperty("aml.bench"));
        long before = applied();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        OffsetDateTime base = OffsetDateTime.parse("2026-11-20T10:00:00+05:00");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String firm = "F-" + (i % 20);
                CloudEvent<?> e = CloudEvent.of(IngestFlow.SOURCE, EventTypes.TRANSACTION_SCREENED, firm,
                        tx().customer("B-" + (i % 10_000)).usd(Integer.toString(10 + i % 700))
                                .at(base.plusSeconds(i / 10)).build());
                EncodedEvent enc = CloudEventCodec.encode(e);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(LocalStackResource.topic(
                        Topics.TRANSACTIONS_SCREENED), firm, enc.value());
                enc.headers().forEach((k, v) -> r.headers().add(k, v));
                producer.send(r);
            }
            producer.flush();
        }
        long produced = System.nanoTime();
        while (applied() - before < n) {
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        System.out.printf("BENCH n=%d produce=%.0f/s end-to-end=%.0f/s (%.1f s)%n", n,
                n / ((produced - t0) / 1e9), n / ((done - t0) / 1e9), (done - t0) / 1e9);
    }

    @Inject
    ScreeningPipeline pipeline;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void measurePipelineAlone() {
        int n = Integer.parseInt(System.getProperty("aml.bench"));
        OffsetDateTime base = OffsetDateTime.parse("2026-11-21T10:00:00+05:00");
        java.util.List<byte[]> values = new java.util.ArrayList<>(n);
        java.util.List<java.util.Map<String, byte[]>> headers = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EncodedEvent enc = CloudEventCodec.encode(CloudEvent.of(IngestFlow.SOURCE, EventTypes.TRANSACTION_SCREENED,
                    "F-P", tx().customer("P-" + (i % 10_000)).usd(Integer.toString(10 + i % 700))
                            .at(base.plusSeconds(i / 10)).build()));
            values.add(enc.value());
            headers.add(enc.headers());
        }
        long t0 = System.nanoTime();
        java.util.List<ScreenedRecord> batch = new java.util.ArrayList<>();
        ScreenedRecordDecoder decoder = new ScreenedRecordDecoder();
        long decodeNanos = 0;
        for (int i = 0; i < n; i++) {
            long d = System.nanoTime();
            org.apache.kafka.common.header.internals.RecordHeaders h = new org.apache.kafka.common.header.internals.RecordHeaders();
            headers.get(i).forEach(h::add);
            batch.add(decoder.deserialize("bench", h, values.get(i)));
            decodeNanos += System.nanoTime() - d;
            if (batch.size() == 2000 || i == n - 1) {
                pipeline.apply(batch);
                batch.clear();
            }
        }
        long done = System.nanoTime();
        System.out.printf("BENCH pipeline n=%d decode+apply=%.0f/s (decode alone %.0f/s)%n", n,
                n / ((done - t0) / 1e9), n / (decodeNanos / 1e9));
        meters.find("aml.batch.phase").timers().forEach(t -> System.out.printf("BENCH phase %s: %d batches, %.1f ms mean%n",
                t.getId().getTag("phase"), t.count(), t.mean(java.util.concurrent.TimeUnit.MILLISECONDS)));
    }

    private long applied() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from aml_transaction")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
