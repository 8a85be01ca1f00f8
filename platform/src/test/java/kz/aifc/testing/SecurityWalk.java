package kz.aifc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.security.TokenIssuer;

/**
 * Walks every operation of a service's OpenAPI document as an attacker with an account would, and as an entitled
 * user: no token, a malformed one, one signed by a foreign key, an expired one, every role the operation does not
 * allow, a firm-scoped role asking for another firm, a firm-scoped role without its {@code firm_id}, and each allowed
 * role for its own firm. Every answer must be the expected refusal (401 or 403, or for another firm 403 or 404), never
 * a 5xx, never a Java class name or stack frame; an allowed caller must not be refused.
 *
 * <p>The table is the test's: each service states which roles each operation grants ({@link #grants}), which take any
 * valid token ({@link #anyToken}) and which are public ({@link #open}). The walk fails when the document lists an
 * operation the table does not, when the table names one the document lacks, and when the document's bearer
 * requirement (what {@code @RolesAllowed} shows as scopes) differs from the table, before a request is sent.
 */
public final class SecurityWalk {

    /** The firm a firm-scoped token belongs to; the path's {@code {firmId}} for the entitled and wrong-role cases. */
    public static final String OWN_FIRM = "F-0001";
    /** Another firm, asked for by a firm-scoped token of {@link #OWN_FIRM}. */
    public static final String OTHER_FIRM = "F-0002";

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern LEAK = Pattern.compile("kz\\.aifc\\.|java\\.[a-z]+\\.|jakarta\\.|io\\.quarkus\\."
            + "|org\\.hibernate|org\\.postgresql|Exception|\\tat ");
    private static final String FOREIGN_KEY_TOKEN = foreignKeyToken();
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private static final Set<String> ANY_TOKEN = Set.of();

    /** Operation name → the roles it grants; {@link #ANY_TOKEN} for any valid token; absent from the map: public. */
    private final Map<String, Set<String>> table = new TreeMap<>();
    private final Set<String> publicOperations = new TreeSet<>();
    private final Set<String> streaming = new TreeSet<>();
    private final Map<String, String> samples;

    private SecurityWalk(Map<String, String> samples) {
        this.samples = samples;
    }

    /**
     * A walk over the running service's document. {@code samples} gives a value for a path parameter other than
     * {@code firmId} (an id that need not exist: an entitled caller may get 404, never 401/403/5xx).
     */
    public static SecurityWalk of(Map<String, String> samples) {
        return new SecurityWalk(samples);
    }

    /** The operation (as {@code "GET /firms/{firmId}/capital"}) grants exactly these roles. */
    public SecurityWalk grants(String operation, String... roles) {
        table.put(operation, Set.of(roles));
        return this;
    }

    /** The operation answers any caller with a valid token, whatever the role. */
    public SecurityWalk anyToken(String operation) {
        table.put(operation, ANY_TOKEN);
        return this;
    }

    /**
     * The operation answers an entitled caller with a stream that does not end (server-sent events): the walk checks
     * its refusals only, and a stream served where a refusal was due fails on the read timeout instead of hanging.
     */
    public SecurityWalk streaming(String operation) {
        streaming.add(operation);
        return this;
    }

    /** The operation is open to anyone, with no token. */
    public SecurityWalk open(String operation) {
        publicOperations.add(operation);
        return this;
    }

    /** One dynamic test for the table against the document, then one per operation and case. */
    public Stream<DynamicTest> tests() {
        Map<String, Map<String, Object>> paths = OpenApiDocument.fetch().paths();
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, byMethod) -> byMethod.forEach((method, raw) -> {
            if (isHttpMethod(method)) {
                Operation op = Operation.of(method.toUpperCase(), path, raw);
                operations.add(streaming.contains(op.name()) ? op.streaming() : op);
            }
        }));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the document lists exactly the table's operations with its roles",
                () -> expectTable(operations)));
        for (Operation op : operations) {
            if (publicOperations.contains(op.name())) {
                tests.add(DynamicTest.dynamicTest(op.name() + " is public and answers without a token",
                        () -> expectServed(op, send(op, null, OWN_FIRM), "anonymous")));
            } else if (table.containsKey(op.name())) {
                tests.addAll(casesOf(op, table.get(op.name())));
            }
        }
        return tests.stream();
    }

    private void expectTable(List<Operation> operations) {
        Map<String, Set<String>> documented = new TreeMap<>();
        Set<String> unsecured = new TreeSet<>();
        for (Operation op : operations) {
            if (op.allowed == null) {
                unsecured.add(op.name());
            } else {
                documented.put(op.name(), new TreeSet<>(op.allowed));
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        table.forEach((name, roles) -> expected.put(name, new TreeSet<>(roles)));
        assertThat(unsecured).as("operations without a security requirement (missing @RolesAllowed/@Authenticated?)")
                .isEqualTo(publicOperations);
        assertThat(documented).as("operations and the roles they grant, as documented").isEqualTo(expected);
    }

    private List<DynamicTest> casesOf(Operation op, Set<String> allowed) {
        List<DynamicTest> cases = new ArrayList<>();
        String any = allowed.isEmpty() ? Roles.ADMIN : allowed.iterator().next();
        cases.add(refused(op, "no token", null, OWN_FIRM, 401));
        cases.add(refused(op, "a malformed token", "Bearer not.a.jwt", OWN_FIRM, 401));
        cases.add(refused(op, "a token signed by a foreign key", "Bearer " + FOREIGN_KEY_TOKEN, OWN_FIRM, 401));
        cases.add(refused(op, "an expired token", expired(any), OWN_FIRM, 401));
        if (!allowed.isEmpty()) {
            for (String role : Roles.ALL) {
                if (!allowed.contains(role)) {
                    cases.add(refused(op, "the role " + role, token(role), OWN_FIRM, 403));
                }
            }
        }
        Set<String> entitled = allowed.isEmpty() ? Roles.ALL : allowed;
        for (String role : entitled) {
            if (Roles.FIRM_SCOPED.contains(role)) {
                cases.add(refused(op, role + " without a firm_id claim", TestTokens.bearerWithoutFirmClaim(role),
                        OWN_FIRM, 401, 403));
                if (op.path.contains("{firmId}")) {
                    cases.add(refused(op, role + " of " + OWN_FIRM + " asking for " + OTHER_FIRM, token(role),
                            OTHER_FIRM, 403, 404));
                }
            }
            if (!op.streams) {
                cases.add(DynamicTest.dynamicTest(op.name() + " serves " + role + " of its own firm",
                        () -> expectServed(op, send(op, token(role), OWN_FIRM), role)));
            }
        }
        return cases;
    }

    private DynamicTest refused(Operation op, String who, String authorization, String firm, int... statuses) {
        return DynamicTest.dynamicTest(op.name() + " refuses " + who, () -> {
            Response response = send(op, authorization, firm);
            assertThat(response.statusCode()).as(op.name() + " with " + who + ": " + response.asString())
                    .isIn(box(statuses));
            expectNoLeak(op, who, response);
        });
    }

    private static void expectServed(Operation op, Response response, String who) {
        assertThat(response.statusCode()).as(op.name() + " for " + who + " (a wrong refusal or a server error): "
                + response.asString()).isNotIn(401, 403).isLessThan(500);
        expectNoLeak(op, who, response);
    }

    private static void expectNoLeak(Operation op, String who, Response response) {
        if (response.statusCode() >= 400) {
            assertThat(response.asString()).as(op.name() + " with " + who + " names no internals")
                    .doesNotContainPattern(LEAK);
        }
    }

    private Response send(Operation op, String authorization, String firm) {
        RequestSpecification request = given().config(RestAssured.config().httpClient(HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", READ_TIMEOUT_MILLIS)))
                .redirects().follow(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (op.hasBody) {
            request.contentType("application/json").body("{}");
        }
        return request.request(op.method, resolve(op.path, firm));
    }

    private String resolve(String path, String firm) {
        Matcher m = PATH_PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = "firmId".equals(name) ? firm : samples.getOrDefault(name, "WALK-1");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String token(String role) {
        return TestTokens.bearer(role, Roles.FIRM_SCOPED.contains(role) ? OWN_FIRM : null);
    }

    private static String expired(String role) {
        return "Bearer " + TestTokens.issuer().token(role, Roles.FIRM_SCOPED.contains(role) ? OWN_FIRM : null,
                Duration.ofHours(-1));
    }

    private static String foreignKeyToken() {
        try {
            return TokenIssuer.inFolder(Files.createTempDirectory("aifc-foreign-jwt"))
                    .token(Roles.ADMIN, null, Duration.ofMinutes(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHttpMethod(String key) {
        return Set.of("get", "post", "put", "patch", "delete").contains(key);
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    /** One operation: the roles its requirement allows (null: no requirement; empty: any authenticated caller). */
    private record Operation(String method, String path, Set<String> allowed, boolean hasBody, boolean streams) {

        @SuppressWarnings("unchecked")
        static Operation of(String method, String path, Object raw) {
            Map<String, Object> op = (Map<String, Object>) raw;
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.get("security");
            Set<String> allowed = null;
            if (security != null && !security.isEmpty()) {
                allowed = new LinkedHashSet<>();
                for (Map<String, List<String>> requirement : security) {
                    requirement.values().forEach(allowed::addAll);
                }
            }
            return new Operation(method, path, allowed, op.containsKey("requestBody"), false);
        }

        String name() {
            return method + " " + path;
        }

        Operation streaming() {
            return new Operation(method, path, allowed, hasBody, true);
        }
    }
}
