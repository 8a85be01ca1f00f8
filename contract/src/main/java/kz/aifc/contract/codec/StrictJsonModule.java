package kz.aifc.contract.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Strict readers for every scalar the payloads use, because Jackson's defaults coerce what the contract forbids. */
final class StrictJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    StrictJsonModule() {
        super("aifc-strict-json", Version.unknownVersion());
        addDeserializer(BigDecimal.class, new DecimalDeserializer());
        addSerializer(BigDecimal.class, new DecimalSerializer());
        addDeserializer(String.class, new StringDeserializer());
        addDeserializer(Boolean.class, new BooleanDeserializer(Boolean.class));
        addDeserializer(Boolean.TYPE, new BooleanDeserializer(Boolean.TYPE));
        addDeserializer(Integer.class, new IntegerDeserializer(Integer.class));
        addDeserializer(Integer.TYPE, new IntegerDeserializer(Integer.TYPE));
        addDeserializer(OffsetDateTime.class, new TimeDeserializer());
        addSerializer(OffsetDateTime.class, new TimeSerializer());
        addDeserializer(LocalDate.class, new DateDeserializer());
        addSerializer(LocalDate.class, new DateSerializer());
        addDeserializer(Object.class, new UntypedDeserializer());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                return new EnumDeserializer(type);
            }
        });
    }

    static RejectedValueException reject(JsonParser p, String problem) {
        return new RejectedValueException(p, problem);
    }

    static RejectedValueException expected(JsonParser p, String what) throws IOException {
        return reject(p, "expected " + what + ", got " + Texts.describe(p));
    }

    /** Exact decimals: the token's own characters become the BigDecimal, so no binary float ever sees them. */
    static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

        private static final long serialVersionUID = 1L;

        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw expected(p, "a decimal");
            }
            try {
                return Decimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (IllegalArgumentException e) {
                throw reject(p, e.getMessage());
            }
        }
    }

    /** Strings keep their scale, and a JSON string survives any consumer that parses numbers as doubles. */
    static final class DecimalSerializer extends StdSerializer<BigDecimal> {

        private static final long serialVersionUID = 1L;

        DecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }

    static final class StringDeserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        StringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw expected(p, "a string");
            }
            return p.getText();
        }
    }

    static final class BooleanDeserializer extends StdScalarDeserializer<Boolean> {

        private static final long serialVersionUID = 1L;

        BooleanDeserializer(Class<Boolean> type) {
            super(type);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE) {
                return Boolean.TRUE;
            }
            if (token == JsonToken.VALUE_FALSE) {
                return Boolean.FALSE;
            }
            throw expected(p, "a boolean");
        }
    }

    static final class IntegerDeserializer extends StdScalarDeserializer<Integer> {

        private static final long serialVersionUID = 1L;

        IntegerDeserializer(Class<Integer> type) {
            super(type);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw expected(p, "an integer");
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw reject(p, "integer out of range (" + Texts.quote(p.getText()) + ")");
            }
            return p.getIntValue();
        }
    }

    static final class TimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

        private static final long serialVersionUID = 1L;

        TimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw expected(p, "an RFC 3339 time string");
            }
            try {
                return Rfc3339.parseTime(p.getText());
            } catch (IllegalArgumentException e) {
                throw reject(p, e.getMessage());
            }
        }
    }

    static final class TimeSerializer extends StdSerializer<OffsetDateTime> {

        private static final long serialVersionUID = 1L;

        TimeSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(Rfc3339.format(value));
        }
    }

    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        private static final long serialVersionUID = 1L;

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw expected(p, "a YYYY-MM-DD date string");
            }
            try {
                return Rfc3339.parseDate(p.getText());
            } catch (IllegalArgumentException e) {
                throw reject(p, e.getMessage());
            }
        }
    }

    static final class DateSerializer extends StdSerializer<LocalDate> {

        private static final long serialVersionUID = 1L;

        DateSerializer() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Rfc3339.format(value));
        }
    }

    /** Case-sensitive names only; the message lists the allowed values in declaration order. */
    static final class EnumDeserializer extends StdScalarDeserializer<Object> {

        private static final long serialVersionUID = 1L;

        private final Map<String, Object> byName;
        private final String allowed;

        EnumDeserializer(Class<?> type) {
            super(type);
            Object[] constants = type.getEnumConstants();
            Map<String, Object> names = new HashMap<>(constants.length * 2);
            StringJoiner joiner = new StringJoiner(", ");
            for (Object constant : constants) {
                String name = ((Enum<?>) constant).name();
                names.put(name, constant);
                joiner.add(name);
            }
            this.byName = names;
            this.allowed = joiner.toString();
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw expected(p, "a string (one of " + allowed + ")");
            }
            String text = p.getText();
            Object constant = byName.get(text);
            if (constant == null) {
                throw reject(p, "unknown value " + Texts.quote(text) + " (expected one of " + allowed + ")");
            }
            return constant;
        }
    }

    /** Free-form values (alert evidence): decimals stay exact and NaN or Infinity are refused as in money. */
    static final class UntypedDeserializer extends StdDeserializer<Object> {

        private static final long serialVersionUID = 1L;

        UntypedDeserializer() {
            super(Object.class);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            switch (token) {
                case START_OBJECT:
                case FIELD_NAME:
                    return readObject(p, ctxt);
                case START_ARRAY:
                    return readArray(p, ctxt);
                case VALUE_STRING:
                    return p.getText();
                case VALUE_NUMBER_INT:
                    return p.getNumberValue();
                case VALUE_NUMBER_FLOAT:
                    if (p.isNaN()) {
                        throw reject(p, "NaN and Infinity are not allowed (" + Texts.quote(p.getText()) + ")");
                    }
                    return p.getDecimalValue();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                default:
                    throw expected(p, "a JSON value");
            }
        }

        private Map<String, Object> readObject(JsonParser p, DeserializationContext ctxt) throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            String name = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : p.nextFieldName();
            while (name != null) {
                p.nextToken();
                try {
                    map.put(name, deserialize(p, ctxt));
                } catch (RejectedValueException e) {
                    e.prependPath(map, name);
                    throw e;
                }
                name = p.nextFieldName();
            }
            return map;
        }

        private List<Object> readArray(JsonParser p, DeserializationContext ctxt) throws IOException {
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                try {
                    list.add(deserialize(p, ctxt));
                } catch (RejectedValueException e) {
                    e.prependPath(list, list.size());
                    throw e;
                }
            }
            return list;
        }
    }
}
