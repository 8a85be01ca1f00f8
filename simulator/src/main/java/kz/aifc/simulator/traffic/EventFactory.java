package kz.aifc.simulator.traffic;

import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;

/** Wraps payloads into CloudEvents and encodes them with the contract codec, so every good record decodes. */
public final class EventFactory {

    private final String source;
    private final String runTag;
    private final ContentMode mode;
    private final SplittableRandom modeRandom;
    private long eventSeq;
    private long transactionSeq;

    public EventFactory(String source, String runTag, ContentMode mode, long seed) {
        this.source = source;
        this.runTag = runTag;
        this.mode = mode;
        this.modeRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /**
     * A CloudEvent with the simulator's id scheme ({@code <runTag>-<n>}) and the simulated time; built with the
     * record's own constructor because {@link CloudEventCodec#newEvent} stamps the wall-clock time.
     */
    public <T> CloudEvent<T> cloudEvent(String firmId, T payload, OffsetDateTime time) {
        String type = EventTypes.typeOf(payload.getClass());
        return new CloudEvent<>(runTag + "-" + (++eventSeq), source, type, CloudEvent.SPEC_VERSION, time, firmId,
                CloudEvent.JSON, payload);
    }

    /** A good record for {@code payload}, in this run's content mode. */
    public <T> Outgoing event(String firmId, T payload, OffsetDateTime time, String incident) {
        CloudEvent<T> event = cloudEvent(firmId, payload, time);
        EncodedEvent encoded = nextStructured() ? CloudEventCodec.encodeStructured(event)
                : CloudEventCodec.encode(event);
        return new Outgoing(Topics.forType(event.type()), encoded, event, null, null, incident);
    }

    /** Whether the next record goes out in structured mode; mixed mode flips a coin per record. */
    public boolean nextStructured() {
        return switch (mode) {
            case BINARY -> false;
            case STRUCTURED -> true;
            case MIXED -> modeRandom.nextBoolean();
        };
    }

    /** Unique per run like event ids: a rerun must look like new business, not a replay. */
    public String nextTransactionId() {
        return "T-" + runTag + "-" + (++transactionSeq);
    }
}
