package kz.aifc.notification.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;

/**
 * Calls the source services for the desk, as the caller: only the configured services, only checked paths, the
 * caller's access token as {@code Authorization: Bearer}, and of the caller's headers only Accept, Accept-Language and
 * Content-Type. Nothing else of the browser's request (cookies, hop-by-hop headers) goes upstream.
 */
public final class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    /** Answer headers passed back; hop-by-hop ones, cookies and the rest stay behind. */
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Content-Language",
            "Content-Disposition");

    private final Map<String, URI> services;
    private final Duration timeout;
    private final HttpClient http;

    /** {@code services}: base URL by the name the desk uses; {@code timeout}: for a whole call. */
    public Upstreams(Map<String, URI> services, Duration timeout) {
        this.services = Map.copyOf(services);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What the caller asked for. */
    public record Call(String service, String rawPath, String rawQuery, String method, String accept,
            String acceptLanguage, String contentType, byte[] body, String accessToken) {
    }

    /** What came back: the upstream's status, body and passable headers; {@code failure} when it did not answer. */
    public record Answer(int status, byte[] body, Map<String, String> headers, Failure failure) {
    }

    /** Why no upstream answer is there. */
    public enum Failure {
        UNKNOWN_SERVICE, BAD_PATH, UNAVAILABLE
    }

    /** Forwards the call; never throws for the upstream's sake. */
    public CompletableFuture<Answer> forward(Call call) {
        URI base = services.get(call.service());
        if (base == null) {
            return CompletableFuture.completedFuture(failed(Failure.UNKNOWN_SERVICE));
        }
        Optional<URI> target = UpstreamPath.resolve(base, call.rawPath(), call.rawQuery());
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(failed(Failure.BAD_PATH));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target.get()).timeout(timeout)
                .header("Authorization", "Bearer " + call.accessToken())
                .header("Accept", blankTo(call.accept(), "*/*"));
        if (call.acceptLanguage() != null && !call.acceptLanguage().isBlank()) {
            request.header("Accept-Language", call.acceptLanguage());
        }
        if ("POST".equals(call.method())) {
            request.header("Content-Type", blankTo(call.contentType(), "application/json"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(call.body() == null ? new byte[0] : call.body()));
        } else {
            request.GET();
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(Upstreams::answer)
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    // The operator's log names the service and the kind of failure; the caller is told neither.
                    LOG.warnf("upstream %s did not answer %s %s: %s", call.service(), call.method(),
                            target.get().getRawPath(), kind(cause));
                    return failed(Failure.UNAVAILABLE);
                });
    }

    private static Answer answer(HttpResponse<byte[]> response) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String name : ANSWER_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return new Answer(response.statusCode(), response.body(), headers, null);
    }

    private static Answer failed(Failure failure) {
        return new Answer(0, new byte[0], Map.of(), failure);
    }

    private static String kind(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause instanceof IOException ? "I/O error" : cause.getClass().getSimpleName();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
