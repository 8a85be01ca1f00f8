package kz.aifc.contract;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A CloudEvents 1.0 event with its payload decoded; {@link #eventKey()} is what consumers deduplicate on. */
public record CloudEvent<T>(
        String id,
        String source,
        String type,
        String specversion,
        OffsetDateTime time,
        String subject,
        String dataContentType,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** Regulatory calendar of the contract; events this system creates carry its offset. */
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    public CloudEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be " + SPEC_VERSION + ", was " + specversion);
        }
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
    }

    /**
     * A new event with a random id, the current time and {@code application/json} data.
     *
     * @throws IllegalArgumentException when {@code data} is not the payload record {@code type} carries
     */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data) {
        return of(source, type, subject, data, OffsetDateTime.now(ALMATY).truncatedTo(ChronoUnit.MILLIS));
    }

    /** As {@link #of(String, String, String, Object)} with a given time, for callers that own a clock. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data, OffsetDateTime time) {
        requireText(type, "type");
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        Class<?> expected = EventTypes.payloadClass(type);
        if (!expected.isInstance(data)) {
            throw new IllegalArgumentException("type " + type + " carries " + expected.getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
        return new CloudEvent<>(UUID.randomUUID().toString(), source, type, SPEC_VERSION, time, subject, JSON, data);
    }

    /** {@code source + "/" + id}: CloudEvents identifies an event by the pair, so this is the idempotency key. */
    public String eventKey() {
        return source + "/" + id;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be null or empty");
        }
    }
}
