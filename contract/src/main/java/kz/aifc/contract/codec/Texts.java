package kz.aifc.contract.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Message fragments; echoed input is cut short because reasons travel in DLQ headers and logs. */
final class Texts {

    private static final int MAX_ECHO = 64;

    private Texts() {
    }

    static String quote(String text) {
        if (text.length() <= MAX_ECHO) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, MAX_ECHO) + "…' (" + text.length() + " characters)";
    }

    static String describe(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "string " + quote(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + quote(p.getText());
            default -> describe(token);
        };
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "object";
            case START_ARRAY, END_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
