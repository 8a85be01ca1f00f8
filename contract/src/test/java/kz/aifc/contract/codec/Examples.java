package kz.aifc.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract/README.md §1 example payloads and ways to wrap them into Kafka records in either content mode. */
final class Examples {

    static final String SOURCE = "/firms/F-0001/core";
    static final String ID = "0b9a4f0e-7c1d-4c7e-9a55-3f0f6d2b8e11";
    static final String TIME = "2026-11-20T17:00:01+05:00";

    private Examples() {
    }

    static String json(String type) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + type + ".json")) {
            assertThat(in).as("example for %s", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> binaryHeaders(String type) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", bytes("1.0"));
        headers.put("ce_id", bytes(ID));
        headers.put("ce_source", bytes(SOURCE));
        headers.put("ce_type", bytes(type));
        headers.put("ce_time", bytes(TIME));
        headers.put("ce_subject", bytes("F-0001"));
        headers.put("content-type", bytes("application/json"));
        return headers;
    }

    /** The envelope is assembled as text so that the payload's number tokens reach the decoder untouched. */
    static String envelope(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"" + SOURCE + "\",\"type\":\"" + type
                + "\",\"time\":\"" + TIME + "\",\"subject\":\"F-0001\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }

    static Map<String, byte[]> structuredHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("content-type", bytes("application/cloudevents+json; charset=UTF-8"));
        return headers;
    }

    /** Replaces exactly one occurrence, so a typo in a test cannot silently leave the example valid. */
    static String replace(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'%s' occurs in the example", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("'%s' occurs once", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
