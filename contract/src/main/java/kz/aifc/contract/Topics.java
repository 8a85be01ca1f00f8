package kz.aifc.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Kafka topic names of the public contract and how many partitions each is created with. */
public final class Topics {

    public static final String CAPITAL_SNAPSHOTS = "aifc.capital.snapshots";
    public static final String TRANSACTIONS_SCREENED = "aifc.transactions.screened";
    public static final String STAFF_CHANGES = "aifc.staff.changes";
    public static final String CONTROLLER_CHANGES = "aifc.controllers.changes";
    public static final String LICENCES = "aifc.licences";
    public static final String COMPLIANCE_ALERTS = "aifc.compliance.alerts";

    public static final String DLQ_SUFFIX = ".dlq";

    private static final List<String> ALL = List.of(
            CAPITAL_SNAPSHOTS, TRANSACTIONS_SCREENED, STAFF_CHANGES, CONTROLLER_CHANGES, LICENCES, COMPLIANCE_ALERTS);

    /** What firms write; each may also have firm lanes ({@link FirmLanes}). */
    private static final List<String> INGEST = List.of(
            CAPITAL_SNAPSHOTS, TRANSACTIONS_SCREENED, STAFF_CHANGES, CONTROLLER_CHANGES);

    // Transactions and alerts carry the volume; the rest is a few events per firm per day.
    private static final Map<String, Integer> PARTITIONS = Map.of(
            CAPITAL_SNAPSHOTS, 3,
            TRANSACTIONS_SCREENED, 6,
            STAFF_CHANGES, 3,
            CONTROLLER_CHANGES, 3,
            LICENCES, 3,
            COMPLIANCE_ALERTS, 6);

    private static final Map<String, String> TOPIC_BY_TYPE = Map.of(
            EventTypes.CAPITAL_SNAPSHOT, CAPITAL_SNAPSHOTS,
            EventTypes.TRANSACTION_SCREENED, TRANSACTIONS_SCREENED,
            EventTypes.STAFF_CHANGE, STAFF_CHANGES,
            EventTypes.CONTROLLER_CHANGE, CONTROLLER_CHANGES,
            EventTypes.LICENCE_CHANGED, LICENCES,
            EventTypes.ALERT_RAISED, COMPLIANCE_ALERTS,
            EventTypes.ALERT_RESOLVED, COMPLIANCE_ALERTS);

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** The six contract topics, in the order contract/README.md lists them. */
    public static List<String> all() {
        return ALL;
    }

    /** The four topics firms write (and that may have firm lanes), in the order contract/README.md lists them. */
    public static List<String> ingest() {
        return INGEST;
    }

    /** The contract topics followed by their dead-letter topics: everything a local stack should create. */
    public static List<String> allWithDlqs() {
        List<String> topics = new ArrayList<>(ALL);
        ALL.forEach(t -> topics.add(dlq(t)));
        return List.copyOf(topics);
    }

    /**
     * Partition count to create a contract topic, its DLQ or a firm lane with; a DLQ and a lane mirror their topic
     * (a replay keeps the per-firm spread, and a lane may later be keyed more finely than by firm).
     *
     * @throws IllegalArgumentException for a topic that is not part of the contract
     */
    public static int partitions(String topic) {
        String base = topic != null && topic.endsWith(DLQ_SUFFIX)
                ? topic.substring(0, topic.length() - DLQ_SUFFIX.length())
                : topic;
        if (base != null && FirmLanes.firmOf(base).isPresent()) {
            base = base.substring(0, base.lastIndexOf(FirmLanes.INFIX));
        }
        Integer count = base == null ? null : PARTITIONS.get(base);
        if (count == null) {
            throw new IllegalArgumentException("not a contract topic: " + topic);
        }
        return count;
    }

    /**
     * The topic an event type travels on.
     *
     * @throws IllegalArgumentException for a type that is not part of the contract
     */
    public static String forType(String type) {
        String topic = type == null ? null : TOPIC_BY_TYPE.get(type);
        if (topic == null) {
            throw new IllegalArgumentException("unknown event type: " + type);
        }
        return topic;
    }
}
