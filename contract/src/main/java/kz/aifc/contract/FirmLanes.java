package kz.aifc.contract;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.FirmEvent;

/**
 * Firm lanes (contract/README.md §1): besides each shared ingest topic, a firm may have a topic of its own,
 * {@code <topic>.firm.<firmId>}, that only its credentials can write (a literal WRITE ACL per lane). The services read
 * the shared topic and every lane by one pattern; an event read from a lane must speak for the lane's firm (payload
 * {@code firmId}, and the CloudEvents {@code subject} where present), or it has no effect and goes to the
 * shared topic's dead-letter topic with the reason {@code firm mismatch}.
 */
public final class FirmLanes {

    /** What separates a topic from the firm id in a lane's name. */
    public static final String INFIX = ".firm.";
    /** The dead-letter reason of an event read from a lane that speaks for another firm. */
    public static final String MISMATCH = "firm mismatch";

    /** A firm id that can name a lane: Kafka's topic characters without the dot, at most 100 of them. */
    private static final Pattern LANE_FIRM = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String LANE_FIRM_REGEX = "[A-Za-z0-9_-]{1,100}";

    private FirmLanes() {
    }

    /** Whether a firm id can have lanes ({@code A-Z a-z 0-9 _ -}, 1 to 100 characters). */
    public static boolean laneable(String firmId) {
        return firmId != null && LANE_FIRM.matcher(firmId).matches();
    }

    /**
     * The lane of {@code firmId} next to {@code topic}.
     *
     * @throws IllegalArgumentException for a firm id that cannot name a lane
     */
    public static String lane(String topic, String firmId) {
        if (!laneable(firmId)) {
            throw new IllegalArgumentException("a firm id that names a lane holds only A-Z, a-z, 0-9, '_' and '-' (1 to 100): "
                    + firmId);
        }
        return Objects.requireNonNull(topic, "topic") + INFIX + firmId;
    }

    /** The regular expression a consumer subscribes with: {@code topic} itself and every lane next to it. */
    public static String pattern(String topic) {
        return Pattern.quote(Objects.requireNonNull(topic, "topic")) + "(" + Pattern.quote(INFIX) + LANE_FIRM_REGEX + ")?";
    }

    /** The firm whose lane {@code topic} is, or empty for a shared topic. */
    public static Optional<String> firmOf(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        int at = topic.lastIndexOf(INFIX);
        if (at <= 0) {
            return Optional.empty();
        }
        String firm = topic.substring(at + INFIX.length());
        return laneable(firm) ? Optional.of(firm) : Optional.empty();
    }

    /**
     * Refuses an event read from a lane that speaks for another firm; events from shared topics pass unchecked.
     *
     * @param topic the topic the record was read from
     * @param subject the CloudEvents subject, or null
     * @param data the decoded payload
     * @throws FirmMismatchException when the lane's firm differs from the payload's or the subject
     */
    public static void check(String topic, String subject, Object data) {
        Optional<String> lane = firmOf(topic);
        if (lane.isEmpty()) {
            return;
        }
        String firm = lane.get();
        if (!(data instanceof FirmEvent event)) {
            throw new FirmMismatchException("type", "events of this type are not accepted on a firm lane");
        }
        if (!firm.equals(event.firmId())) {
            throw new FirmMismatchException("data.firmId", "the lane is firm " + firm + "'s, the event speaks for "
                    + event.firmId());
        }
        if (subject != null && !firm.equals(subject)) {
            throw new FirmMismatchException("subject", "the lane is firm " + firm + "'s, the subject is " + subject);
        }
    }

    /** An event on a firm lane that speaks for another firm; its message starts with {@value #MISMATCH}. */
    public static final class FirmMismatchException extends MalformedEventException {

        private static final long serialVersionUID = 1L;

        FirmMismatchException(String field, String reason) {
            super(field, MISMATCH + " (" + field + "): " + reason);
        }

        @Override
        public String getMessage() {
            return reason();
        }
    }
}
