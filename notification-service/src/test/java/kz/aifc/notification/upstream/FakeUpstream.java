package kz.aifc.notification.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for capital- and aml-service: records every request it gets and answers by path ({@code .../forbidden}
 * 403 with a problem that names a firm, {@code .../missing} 404, else 200, or 201 for a POST, echoing the body).
 * licensing-service points at a port where nothing listens: a service that is down. The test reads what it saw from
 * {@code GET /__seen} (and forgets it with {@code DELETE /__seen}): the resource may live in another class loader
 * than the test.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final String INTERNAL = "firm F-SECRET-01 case C-4711 (internal)";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", FakeUpstream::answer);
        server.createContext("/__seen", FakeUpstream::seen);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("aifc.dashboard.report-base-url.capital", base,
                "aifc.dashboard.report-base-url.aml", base + "/aml-root",
                "aifc.dashboard.report-base-url.fit-and-proper", "http://127.0.0.1:" + closedPort(),
                "aifc.dashboard.upstream-timeout", "3s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        SEEN.add(record(exchange, path, body));
        int status;
        String type = "application/json";
        String answer;
        if (path.endsWith("/forbidden")) {
            status = 403;
            type = "application/problem+json";
            answer = "{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"" + INTERNAL + "\"}";
        } else if (path.endsWith("/missing")) {
            status = 404;
            type = "application/problem+json";
            answer = "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"" + INTERNAL + "\"}";
        } else if (path.endsWith("/document")) {
            status = 200;
            type = "text/html; charset=utf-8";
            answer = "<!doctype html><title>Capital breach notice</title><h1>Capital breach notice</h1>";
        } else {
            status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
            answer = "{\"echo\":" + (body.isEmpty() ? "null" : body) + "}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Set-Cookie", "upstream-session=leak");
        exchange.getResponseHeaders().add("X-Internal-Node", "capital-7");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** One request as JSON: method, raw path and query, the headers (first value, lower-case names), the body. */
    private static String record(HttpExchange exchange, String path, String body) {
        StringBuilder headers = new StringBuilder();
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            headers.append(headers.length() == 0 ? "" : ",").append(json(h.getKey().toLowerCase()))
                    .append(':').append(json(h.getValue().get(0)));
        }
        String query = exchange.getRequestURI().getRawQuery();
        return "{\"method\":" + json(exchange.getRequestMethod()) + ",\"path\":" + json(path) + ",\"query\":"
                + (query == null ? "null" : json(query)) + ",\"headers\":{" + headers + "},\"body\":" + json(body) + "}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void seen(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            SEEN.clear();
        }
        byte[] bytes = ("[" + String.join(",", SEEN) + "]").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
