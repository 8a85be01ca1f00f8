package kz.aifc.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.StaffChange;

/** CloudEvents {@code type} values of the contract and the payload record each one carries. */
public final class EventTypes {

    public static final String CAPITAL_SNAPSHOT = "kz.aifc.capital.snapshot.v1";
    public static final String TRANSACTION_SCREENED = "kz.aifc.transaction.screened.v1";
    public static final String STAFF_CHANGE = "kz.aifc.staff.change.v1";
    public static final String CONTROLLER_CHANGE = "kz.aifc.controller.change.v1";
    public static final String LICENCE_CHANGED = "kz.aifc.licence.changed.v1";
    public static final String ALERT_RAISED = "kz.aifc.alert.raised.v1";
    public static final String ALERT_RESOLVED = "kz.aifc.alert.resolved.v1";

    private static final Map<String, Class<?>> PAYLOADS;
    private static final Map<Class<?>, String> TYPES;

    static {
        Map<String, Class<?>> payloads = new LinkedHashMap<>();
        payloads.put(CAPITAL_SNAPSHOT, CapitalSnapshot.class);
        payloads.put(TRANSACTION_SCREENED, ScreenedTransaction.class);
        payloads.put(STAFF_CHANGE, StaffChange.class);
        payloads.put(CONTROLLER_CHANGE, ControllerChange.class);
        payloads.put(LICENCE_CHANGED, LicenceChanged.class);
        payloads.put(ALERT_RAISED, AlertRaised.class);
        payloads.put(ALERT_RESOLVED, AlertResolved.class);
        Map<Class<?>, String> types = new LinkedHashMap<>();
        payloads.forEach((type, payload) -> types.put(payload, type));
        PAYLOADS = Collections.unmodifiableMap(payloads);
        TYPES = Collections.unmodifiableMap(types);
    }

    private EventTypes() {
    }

    /** Every contract type, in the order contract/README.md lists them. */
    public static List<String> all() {
        return List.copyOf(PAYLOADS.keySet());
    }

    /** Whether {@code type} is a contract type; false for null and empty. */
    public static boolean isKnown(String type) {
        return type != null && PAYLOADS.containsKey(type);
    }

    /** The payload record for a type, or empty for null, empty and unknown types. */
    public static Optional<Class<?>> findPayloadClass(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(PAYLOADS.get(type));
    }

    /**
     * The payload record a type carries.
     *
     * @throws IllegalArgumentException for null, empty and unknown types
     */
    public static Class<?> payloadClass(String type) {
        Class<?> payload = type == null ? null : PAYLOADS.get(type);
        if (payload == null) {
            throw new IllegalArgumentException("unknown event type: '" + type + "'");
        }
        return payload;
    }

    /**
     * The type that carries a payload record; each record belongs to exactly one type.
     *
     * @throws IllegalArgumentException for a class that is not a contract payload
     */
    public static String typeOf(Class<?> payloadClass) {
        String type = payloadClass == null ? null : TYPES.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException("not a contract payload: " + payloadClass);
        }
        return type;
    }
}
