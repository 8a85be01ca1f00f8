package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.FirmProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The licence goes to licensing-service only once it shows the firm's whole roster applied (no transient FP-001). */
class OnboardingTest {

    @TempDir
    Path keys;

    private HttpServer server;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Integer> viewsAsked = new HashMap<>();
    private int refuseWith;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldRegisterEachLicenceOnlyAfterItsRosterIsAppliedAndWaitForCapitalService() throws Exception {
        onboarding(DemoFirms.profiles(List.of(DemoFirms.CUSTODY, DemoFirms.CLEAN))).run();

        assertThat(calls).containsExactly(
                "roster applied F-CUST-01", "POST F-CUST-01", "PUT F-CUST-01",
                "roster applied F-CLEAN-01", "POST F-CLEAN-01",
                "capital knows F-CUST-01", "capital knows F-CLEAN-01");
    }

    @Test
    void shouldStopAtOnceWhenTheTokenIsRefused() {
        refuseWith = 401;

        SimulatorException e = catchThrowableOfType(SimulatorException.class,
                () -> onboarding(DemoFirms.profiles(List.of(DemoFirms.DEALER))).run());

        assertThat(e).hasMessageContaining("refused the admin token").hasMessageContaining("--jwt-keys");
        assertThat(calls).isEmpty();
    }

    private Onboarding onboarding(List<FirmProfile> firms) throws UsageException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Options options = Options.parse("--licensing", base, "--capital", base, "--jwt-keys", keys.toString());
        return Onboarding.of(options, firms, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    /**
     * A stand-in for licensing- and capital-service: a firm's roster shows up on the third look, F-CUST-01 is
     * registered already (409, then PUT), and capital-service learns a licence one look after it was posted.
     */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (refuseWith != 0) {
            reply(exchange, refuseWith, "{}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ey")) {
            reply(exchange, 401, "{}");
            return;
        }
        String[] parts = path.split("/");
        if (method.equals("GET") && path.endsWith("/fit-and-proper")) {
            String firm = parts[2];
            int asked = viewsAsked.merge(path, 1, Integer::sum);
            if (asked < 3) {
                reply(exchange, 404, "{}");
                return;
            }
            calls.add("roster applied " + firm);
            reply(exchange, 200, view(DemoFirms.profile(firm)));
        } else if (method.equals("POST") && path.equals("/licences")) {
            String firm = CloudEventCodec.mapper().readTree(exchange.getRequestBody()).path("firmId").asText();
            calls.add("POST " + firm);
            reply(exchange, firm.equals(DemoFirms.CUSTODY) ? 409 : 201, "{}");
        } else if (method.equals("PUT") && path.startsWith("/licences/")) {
            calls.add("PUT " + parts[2]);
            reply(exchange, 200, "{}");
        } else if (method.equals("GET") && path.endsWith("/capital")) {
            boolean known = viewsAsked.merge(path, 1, Integer::sum) > 1;
            if (known) {
                calls.add("capital knows " + parts[2]);
            }
            reply(exchange, known ? 200 : 404, "{}");
        } else {
            reply(exchange, 400, "{}");
        }
    }

    /** The parts of GET /firms/{id}/fit-and-proper that onboarding reads, for the firm's whole roster. */
    private static String view(FirmProfile firm) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("people", firm.roster().stream().map(p -> Map.of("personId", p.personId(), "current", true,
                "roles", p.roles().stream().map(Enum::name).toList())).toList());
        view.put("controllers", firm.controllers().stream().map(s -> Map.of("controllerId", s.controllerId(),
                "holdingPct", s.holdingPct().toPlainString())).toList());
        return CloudEventCodec.toJson(view);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
