package kz.aifc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.codec.CloudEventCodec;

/** GET (and POST) with a bearer token, as a compliance team's tool calls the services; a refused connection is status -1. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status, body and content type. */
    record Answer(int status, String body, String contentType) {

        JsonNode json() {
            try {
                return CloudEventCodec.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private Http() {
    }

    static Answer get(String url, String bearer) {
        return get(url, bearer, "application/json");
    }

    static Answer get(String url, String bearer, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET(), url, bearer);
    }

    /** POST of a JSON body. */
    static Answer post(String url, String bearer, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), url, bearer);
    }

    private static Answer send(HttpRequest.Builder request, String url, String bearer) {
        request.timeout(Duration.ofSeconds(15));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body(),
                    answer.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return new Answer(-1, e.toString(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + url, e);
        }
    }
}
