package kz.aifc.platform.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What a REST request body may not hold, each a 400 naming the field:
 * <ul>
 * <li>a repeated key ({@code {"decision":"NO_STR","decision":"FILE_STR"}}): which of the two a caller meant cannot be
 * known, and "the last one wins" would quietly pick one;</li>
 * <li>a control character in a string other than tab and line breaks (a NUL, an escape, a C1 control): no name, id,
 * URL or reason of this system holds one, and PostgreSQL refuses a NUL in text (the request ended in a 500);</li>
 * <li>a date or time outside the {@link PlausibleDates plausible years}.</li>
 * </ul>
 */
@Singleton
public class StrictJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.registerModule(new SimpleModule("strict-bodies")
                .addDeserializer(String.class, new ControlFreeStrings())
                .addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE))
                .addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME)));
    }

    /** Any control character but tab, line feed and carriage return. */
    static boolean hasForbiddenControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Reads a string as Jackson does, then refuses it if it holds a forbidden control character. */
    static final class ControlFreeStrings extends StdScalarDeserializer<String> {

        ControlFreeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && hasForbiddenControl(value)) {
                throw new RefusedBodyValue(p, "control characters are not allowed");
            }
            return value;
        }
    }

    /** Reads a date or time as Jackson does, then refuses a year outside the range. */
    static final class Bounded<T extends TemporalAccessor> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> reader;

        Bounded(Class<T> type, JsonDeserializer<T> reader) {
            super(type);
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = reader.deserialize(p, ctxt);
            if (value != null && !PlausibleDates.plausible(value)) {
                throw new RefusedBodyValue(p, PlausibleDates.MESSAGE);
            }
            return value;
        }
    }

    /** A value this class refuses; its message is what the caller reads after the field's name. */
    static final class RefusedBodyValue extends MismatchedInputException {

        RefusedBodyValue(JsonParser p, String message) {
            super(p, message);
        }
    }
}
