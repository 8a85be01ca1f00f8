package kz.aifc.simulator;

import kz.aifc.simulator.traffic.Outgoing;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A record ready for the producer, without the payload objects, so hundreds of thousands fit in memory. */
record Prepared(ProducerRecord<String, byte[]> record, boolean malformed, String incident) {

    static final Prepared END = new Prepared(null, false, null);

    static Prepared of(Outgoing out, String topicSuffix) {
        return new Prepared(out.toProducerRecord(topicSuffix), out.malformed(), out.incident());
    }
}
