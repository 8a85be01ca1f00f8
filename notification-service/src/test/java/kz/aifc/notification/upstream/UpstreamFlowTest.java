package kz.aifc.notification.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * The desk's forwarding endpoint ({@code /upstream/{service}/...}) against a stand-in upstream: the caller's identity
 * goes along and nothing else of theirs, the upstream's status and body come back, paths that could leave the service
 * are refused before anything is sent, a browser tab gets a plain refusal page, and a service that is down is a 502
 * that names nothing internal.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
@WithTestResource(FakeUpstream.class)
class UpstreamFlowTest {

    private static final String FIRM = "F-DEAL-01";

    @ConfigProperty(name = "aifc.dashboard.report-base-url.capital")
    String upstream;

    @TestHTTPResource("/")
    URI desk;

    @BeforeEach
    void forget() {
        given().delete(upstream + "/__seen").then().statusCode(200);
    }

    /** What the stand-in upstream was sent, oldest first. */
    private List<Map<String, Object>> seen() {
        return given().get(upstream + "/__seen").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @SuppressWarnings("unchecked")
    private static String header(Map<String, Object> request, String name) {
        return (String) ((Map<String, Object>) request.get("headers")).get(name);
    }

    @Test
    void shouldForwardTheCallersTokenAcceptAndQueryAndPassBackStatusBodyAndContentTypeOnly() {
        String bearer = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, FIRM);
        Response answer = given().header("Authorization", bearer).header("Accept", "application/json")
                .header("Accept-Language", "ru").cookie("q_session", "browser-cookie")
                .get("/upstream/capital/firms/" + FIRM + "/reports/quarterly-return?year=2026&quarter=4");

        answer.then().statusCode(200).contentType(ContentType.JSON).body("echo", nullValue())
                .header("Set-Cookie", nullValue()).header("X-Internal-Node", nullValue())
                .header("Cache-Control", equalTo("no-store"));
        List<Map<String, Object>> requests = seen();
        assertThat(requests).hasSize(1);
        Map<String, Object> seen = requests.get(0);
        assertThat(seen.get("method")).isEqualTo("GET");
        assertThat(seen.get("path")).isEqualTo("/firms/" + FIRM + "/reports/quarterly-return");
        assertThat(seen.get("query")).isEqualTo("year=2026&quarter=4");
        assertThat(header(seen, "authorization")).isEqualTo(bearer);
        assertThat(header(seen, "accept")).isEqualTo("application/json");
        assertThat(header(seen, "accept-language")).isEqualTo("ru");
        assertThat(header(seen, "cookie")).as("the browser's cookies stay with the desk").isNull();
    }

    @Test
    void shouldPostTheJsonBodyUnderTheServicesBasePathAndPassBackItsStatus() {
        String bearer = TestTokens.bearer(Roles.MLRO, "F-DATF-01");
        given().header("Authorization", bearer).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("{\"decision\":\"NO_STR\",\"reasons\":\"explained by payroll\"}")
                .post("/upstream/aml/cases/C-1/decision")
                .then().statusCode(201).body("echo.decision", equalTo("NO_STR"));
        Map<String, Object> seen = seen().get(0);
        assertThat(seen.get("method")).isEqualTo("POST");
        assertThat(seen.get("path")).isEqualTo("/aml-root/cases/C-1/decision");
        assertThat(header(seen, "content-type")).startsWith("application/json");
        assertThat(header(seen, "authorization")).isEqualTo(bearer);
        assertThat((String) seen.get("body")).contains("explained by payroll");
    }

    @Test
    void shouldRefusePathsThatCouldLeaveTheServiceWithoutCallingIt() throws Exception {
        String bearer = TestTokens.bearer(Roles.REGULATOR);
        // Sent as written (java.net.http normalises nothing), so the desk sees exactly these request lines.
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("firms/..%2F..%2Fadmin", "firms/%2e%2e/secret", "firms//x", "firms/%2F%2Fevil.example",
                "firms/a%5Cb", "firms/%00", "firms/.", "firms/..", "http:%2F%2Fevil.example/x", "/evil.example/x")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(desk + "upstream/capital/" + path))
                    .header("Authorization", bearer).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
        }
        given().header("Authorization", bearer).accept(ContentType.JSON).get("/upstream/capital/firms/x")
                .then().statusCode(200);
        assertThat(seen()).as("only the plain path reached the service").hasSize(1);
    }

    @Test
    void shouldKnowOnlyTheConfiguredServices() {
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept(ContentType.JSON)
                .get("/upstream/postgres/anything").then().statusCode(404).contentType("application/problem+json");
        assertThat(seen()).isEmpty();
    }

    @Test
    void shouldRequireACallerBeforeForwardingAnything() {
        given().accept(ContentType.JSON).get("/upstream/capital/firms/" + FIRM + "/capital").then().statusCode(401);
        assertThat(seen()).isEmpty();
    }

    @Test
    void shouldShowABrowserTabAPlainRefusalPageForADocumentTheCallerIsNotEntitledTo() {
        String officer = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-DATF-01");
        for (String path : List.of("cases/C-4711/forbidden", "cases/C-4711/missing")) {
            String page = given().header("Authorization", officer)
                    .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .get("/upstream/aml/" + path).then().statusCode(path.endsWith("forbidden") ? 403 : 404)
                    .contentType(ContentType.HTML).extract().asString();
            assertThat(page).contains("You are not entitled to this document", "MLRO")
                    .doesNotContain("F-SECRET", "C-4711", "internal", "problem");
        }
        // The desk's own fetch() gets the service's problem as it is.
        given().header("Authorization", officer).accept(ContentType.JSON).get("/upstream/aml/cases/C-4711/forbidden")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Forbidden"));
    }

    @Test
    void shouldHandAnEntitledCallerTheDocumentAsTheServiceRendersIt() {
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept(ContentType.HTML)
                .get("/upstream/capital/firms/" + FIRM + "/reports/capital-breach-notice/A-1/document")
                .then().statusCode(200).contentType(ContentType.HTML).body(containsString("<h1>Capital breach notice</h1>"));
    }

    @Test
    void shouldAnswer502NamingNothingInternalWhenTheServiceIsDown() {
        String bearer = TestTokens.bearer(Roles.REGULATOR);
        given().header("Authorization", bearer).accept(ContentType.JSON)
                .get("/upstream/licensing/firms/" + FIRM + "/fit-and-proper")
                .then().statusCode(502).contentType("application/problem+json")
                .body("detail", not(containsString("127.0.0.1"))).body("detail", not(containsString("refused")))
                .body("detail", not(containsString("Exception")));
        given().header("Authorization", bearer).accept(ContentType.HTML)
                .get("/upstream/licensing/firms/" + FIRM + "/fit-and-proper")
                .then().statusCode(502).contentType(ContentType.HTML).body(containsString("did not answer"));
    }
}
