package kz.aifc.simulator.traffic;

import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import java.util.UUID;
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
    private final EventIds ids;
    private final SplittableRandom idRandom;
    private long eventSeq;
    private long transactionSeq;

    public EventFactory(String source, String runTag, ContentMode mode, long seed, EventIds ids) {
        this.source = source;
        this.runTag = runTag;
        this.mode = mode;
        this.modeRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.ids = ids;
        // The run tag in the seed: the same seed in another run names its events anew (a rerun is not a replay).
        this.idRandom = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ runTag.hashCode());
    }

    /**
     * A CloudEvent with the run's id scheme ({@link EventIds}) and the simulated time; built with the record's own
     * constructor because {@link CloudEventCodec#newEvent} stamps the wall-clock time.
     */
    public <T> CloudEvent<T> cloudEvent(String firmId, T payload, OffsetDateTime time) {
        String type = EventTypes.typeOf(payload.getClass());
        return new CloudEvent<>(nextId(), source, type, CloudEvent.SPEC_VERSION, time, firmId, CloudEvent.JSON,
                payload);
    }

    private String nextId() {
        if (ids == EventIds.SEQUENCE) {
            return runTag + "-" + (++eventSeq);
        }
        // Version 4, variant 1 (RFC 9562), from the run's own generator: random to an index, reproducible to a test.
        long high = idRandom.nextLong() & ~0xF000L | 0x4000L;
        long low = idRandom.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
