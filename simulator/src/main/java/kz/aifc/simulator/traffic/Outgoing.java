package kz.aifc.simulator.traffic;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.EncodedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One record to send: contract topic (before any suffix), encoded form, the event, and what it is for. */
public record Outgoing(
        String topic,
        EncodedEvent record,
        CloudEvent<?> event, // for a malformed record: the good event it was broken from
        Malformation malformation, // null for a good record
        String target, // where a breakage sits (data.amount, ce_type, value), null for a good record
        String incident) { // a line for the operator when this is a scripted incident, else null

    public boolean malformed() {
        return malformation != null;
    }

    public String firmId() {
        return record.key();
    }

    public ProducerRecord<String, byte[]> toProducerRecord(String topicSuffix) {
        // One String per topic name, its hash computed once: the producer looks the topic up for every record, and
        // hashing a fresh 40-character name each time was a sixth of the simulator's CPU at a paced 5,000/s.
        return record.toProducerRecord((topic + topicSuffix).intern());
    }
}
