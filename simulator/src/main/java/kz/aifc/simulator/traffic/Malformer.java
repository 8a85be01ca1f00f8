package kz.aifc.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;

/** Breaks a good event in a way contract/README.md §1 calls malformed, keeping topic and key so it lands on that DLQ. */
final class Malformer {

    /** Which payload fields each kind of breakage can hit, per event type. */
    private static final Map<String, Map<Malformation, List<String>>> TARGETS = Map.of(
            EventTypes.TRANSACTION_SCREENED, Map.of(
                    Malformation.MISSING_FIELD, List.of("amount", "firmId", "occurredAt", "customer.riskRating",
                            "screening.sanctionsHit", "direction"),
                    Malformation.UNKNOWN_ENUM, List.of("direction", "customer.riskRating", "customer.type",
                            "screening.exposures"),
                    Malformation.NEGATIVE_AMOUNT, List.of("amount", "amountUsd", "amountKzt"),
                    Malformation.EXPONENT_MONEY, List.of("amount", "amountUsd", "amountKzt")),
            EventTypes.CAPITAL_SNAPSHOT, Map.of(
                    Malformation.MISSING_FIELD, List.of("asOf", "capital", "liquidAssets", "currency"),
                    Malformation.UNKNOWN_ENUM, List.of("currency"),
                    Malformation.NEGATIVE_AMOUNT, List.of("liquidAssets", "capital.interimLosses"),
                    Malformation.EXPONENT_MONEY, List.of("liquidAssets", "capital.paidUpShareCapital")),
            EventTypes.STAFF_CHANGE, Map.of(
                    Malformation.MISSING_FIELD, List.of("effectiveDate", "personId", "residentInKazakhstan"),
                    Malformation.UNKNOWN_ENUM, List.of("change", "roles", "afsaApproval", "seniority")),
            EventTypes.CONTROLLER_CHANGE, Map.of(
                    Malformation.MISSING_FIELD, List.of("controllerId", "newHoldingPct", "afsaApproval"),
                    Malformation.UNKNOWN_ENUM, List.of("type", "afsaApproval"),
                    Malformation.NEGATIVE_AMOUNT, List.of("newHoldingPct"),
                    Malformation.EXPONENT_MONEY, List.of("newHoldingPct")),
            // An alert carries no amounts of its own (its evidence is free-form), so only fields and enums break.
            EventTypes.ALERT_RAISED, Map.of(
                    Malformation.MISSING_FIELD, List.of("alertId", "firmId", "ruleId", "detectedAt"),
                    Malformation.UNKNOWN_ENUM, List.of("severity", "duty")));

    private static final Map<String, String> UNKNOWN_ENUM_VALUES = Map.of(
            "direction", "SWAP",
            "customer.riskRating", "EXTREME",
            "customer.type", "TRUST",
            "currency", "EUR",
            "change", "PROMOTED",
            "afsaApproval", "GRANTED",
            "seniority", "INTERN",
            "type", "PARTNERSHIP",
            "severity", "URGENT",
            "duty", "TAXATION");

    private static final List<String> NOT_JSON = List.of(
            "ERROR 503: screening service unavailable, retry later",
            "<transaction><id>T-1</id><amount>950.00</amount></transaction>",
            "{'firmId': 'F-0001', 'amount': '950.00'}");

    private static final String STRUCTURED_CONTENT_TYPE = CloudEventCodec.STRUCTURED_JSON + "; charset=UTF-8";

    private final ObjectMapper mapper = CloudEventCodec.mapper();

    /** Whether this kind can be applied to an event of {@code type}. */
    static boolean applies(Malformation kind, String type) {
        return kind == Malformation.UNKNOWN_TYPE || kind == Malformation.NOT_JSON
                || TARGETS.getOrDefault(type, Map.of()).containsKey(kind);
    }

    Outgoing corrupt(CloudEvent<?> good, Malformation kind, boolean structured, SplittableRandom rnd) {
        ObjectNode data = mapper.valueToTree(good.data());
        String type = good.type();
        String target;
        switch (kind) {
            case UNKNOWN_TYPE -> {
                type = rnd.nextBoolean() ? type.replace(".v1", ".v2") : type.replace(".v1", ".legacy.v1");
                target = structured ? "type" : CloudEventCodec.CE_TYPE;
            }
            case NOT_JSON -> target = "value";
            default -> {
                String field = Names.pick(rnd, TARGETS.get(type).get(kind));
                target = breakField(data, field, kind, rnd);
            }
        }
        byte[] value;
        Map<String, byte[]> headers;
        if (structured) {
            headers = Map.of(CloudEventCodec.CONTENT_TYPE, utf8(STRUCTURED_CONTENT_TYPE));
            value = kind == Malformation.NOT_JSON ? notJson(envelope(good, type, data), rnd)
                    : json(envelope(good, type, data));
        } else {
            headers = new LinkedHashMap<>(CloudEventCodec.encode(good).headers());
            headers.put(CloudEventCodec.CE_TYPE, utf8(type));
            value = kind == Malformation.NOT_JSON ? notJson(data, rnd) : json(data);
        }
        EncodedEvent record = new EncodedEvent(good.subject(), headers, value);
        return new Outgoing(Topics.forType(good.type()), record, good, kind, target, null);
    }

    /** Applies the breakage to {@code field} (a dotted path) and returns the path the codec will name. */
    private String breakField(ObjectNode data, String field, Malformation kind, SplittableRandom rnd) {
        int dot = field.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? data : (ObjectNode) data.at("/" + field.substring(0, dot).replace('.', '/'));
        String name = field.substring(dot + 1);
        String path = "data." + field;
        switch (kind) {
            case MISSING_FIELD -> {
                if (rnd.nextBoolean()) {
                    parent.remove(name);
                } else {
                    parent.putNull(name);
                }
            }
            case UNKNOWN_ENUM -> {
                if (name.equals("roles") || name.equals("exposures")) {
                    ArrayNode list = parent.putArray(name);
                    list.add(name.equals("roles") ? "CHIEF_EXECUTIVE" : "DEEPFAKE");
                    return path + "[0]";
                }
                parent.put(name, UNKNOWN_ENUM_VALUES.get(field));
            }
            case NEGATIVE_AMOUNT -> {
                String amount = parent.get(name).asText();
                // "-0.00" is zero, not negative: the codec would rightly accept it.
                parent.put(name, new java.math.BigDecimal(amount).signum() == 0 ? "-1.00" : "-" + amount);
            }
            case EXPONENT_MONEY -> {
                String exponent = String.format(Locale.ROOT, "%.4e", Double.parseDouble(parent.get(name).asText()));
                if (rnd.nextBoolean()) {
                    parent.putRawValue(name, new RawValue(exponent));
                } else {
                    parent.put(name, exponent);
                }
            }
            default -> throw new IllegalArgumentException(kind + " does not break a field");
        }
        return path;
    }

    private ObjectNode envelope(CloudEvent<?> good, String type, JsonNode data) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("specversion", good.specversion());
        envelope.put("id", good.id());
        envelope.put("source", good.source());
        envelope.put("type", type);
        envelope.set("time", mapper.valueToTree(good.time()));
        envelope.put("subject", good.subject());
        envelope.put("datacontenttype", CloudEvent.JSON);
        envelope.set("data", data);
        return envelope;
    }

    /** A message that is not JSON: a truncated document, or what a misconfigured producer emits instead. */
    private byte[] notJson(JsonNode document, SplittableRandom rnd) {
        if (rnd.nextBoolean()) {
            byte[] whole = json(document);
            byte[] cut = new byte[whole.length * 3 / 5];
            System.arraycopy(whole, 0, cut, 0, cut.length);
            return cut;
        }
        return utf8(Names.pick(rnd, NOT_JSON));
    }

    private byte[] json(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
