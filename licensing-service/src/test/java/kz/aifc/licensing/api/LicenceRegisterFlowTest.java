package kz.aifc.licensing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;

/** The licence register over REST on the real database, published to the real (compacted) licences topic. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class LicenceRegisterFlowTest {

    private static String body(String firm, String number, String activities, String date) {
        return """
                {"firmId":"%s","firmName":"Steppe Digital Exchange Ltd","licenceNumber":"%s","status":"ACTIVE",
                 "activities":%s,"effectiveFrom":"%s","conditions":["No retail clients outside the AIFC"]}"""
                .formatted(firm, number, activities, date);
    }

    @Test
    void shouldRegisterVaryAndPublishTheLicenceKeyedByFirmOnTheCompactedTopic() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String number = "AFSA-" + firm;
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body(firm, number, "[\"DEALING_AS_PRINCIPAL\"]", "2026-01-15"))
                .post("/licences").then().statusCode(201)
                .header("Location", containsString("/firms/" + firm + "/licence"))
                .body("version", equalTo(1)).body("activities", hasItem("DEALING_AS_PRINCIPAL"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body(null, number, "[\"DEALING_AS_PRINCIPAL\",\"DATF_OPERATOR\"]", "2026-06-01").replace("\"null\"", "null"))
                .put("/licences/{f}", firm).then().statusCode(200)
                .body("version", equalTo(2)).body("activities", hasItems("DATF_OPERATOR", "DEALING_AS_PRINCIPAL"));
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm))
                .get("/firms/{f}/licence", firm).then().statusCode(200)
                .body("licenceNumber", equalTo(number)).body("effectiveFrom", equalTo("2026-06-01"));
        // The variation made the firm a DATF operator: the Chief IT Officer becomes a mandatory role (DAA 2.3.1).
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/fit-and-proper", firm).then().statusCode(200)
                .body("licence.datfOperator", equalTo(true))
                .body("staffReported", equalTo(false))
                .body("mandatoryRoles.role", hasItem("CHIEF_IT_OFFICER"));

        String topic = LocalStackResource.topic(Topics.LICENCES);
        List<ConsumerRecord<String, byte[]>> published = TestKafka.await(topic, 2, Duration.ofSeconds(45),
                r -> firm.equals(r.key()));
        assertThat(published).hasSize(2);
        ConsumerRecord<String, byte[]> latest = published.get(1);
        assertThat(TestKafka.header(latest, "ce_type")).isEqualTo(EventTypes.LICENCE_CHANGED);
        LicenceChanged payload = (LicenceChanged) CloudEventCodec.decode(latest.headers(), latest.value()).data();
        assertThat(payload.activities()).hasSize(2);
        assertThat(payload.conditions()).containsExactly("No retail clients outside the AIFC");

        // Compaction keeps the latest licence per firm for a service that starts later.
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldAnswerProblemJson400NamingAKeyTheBodyRepeats() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String repeated = body(firm, "AFSA-" + firm, "[\"DEALING_AS_PRINCIPAL\"]", "2026-01-15")
                .replace("\"status\":\"ACTIVE\",", "\"status\":\"ACTIVE\",\"status\":\"SUSPENDED\",");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(repeated).post("/licences").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Duplicate field 'status'"))
                .body("detail", not(containsString("kz.aifc")));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/licence", firm).then().statusCode(404);
    }

    @Test
    void shouldAnswerProblemJson400NamingABodyStringThatHoldsAControlCharacter() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        for (String control : List.of("\\u0000", "\\u001b", "\\u0085")) {
            String hostile = body(firm, "AFSA-" + firm, "[\"DEALING_AS_PRINCIPAL\"]", "2026-01-15")
                    .replace("Steppe Digital", "Steppe" + control + "Digital");
            given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body(hostile).post("/licences").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("firmName"))
                    .body("detail", equalTo("firmName: control characters are not allowed"));
        }
        // A line break in a condition's text is ordinary prose, not hostile.
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body(firm, "AFSA-" + firm, "[\"DEALING_AS_PRINCIPAL\"]", "2026-01-15")
                        .replace("No retail clients", "No retail\\nclients"))
                .post("/licences").then().statusCode(201);
    }

    @Test
    void shouldAnswerProblemJson400NamingAnAbsurdDate() {
        for (String date : List.of("99999-01-01", "+99999-01-01", "0000-01-01", "-0001-01-01", "1000-01-01")) {
            String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
            given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body(body(firm, "AFSA-" + firm, "[\"ADVISING\"]", date)).post("/licences").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("effectiveFrom"))
                    .body("detail", not(containsString("java.")));
        }
    }

    @Test
    void shouldAnswerProblemJson400NamingEachInvalidField() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body("F 0001!", "", "[\"DATF_OPERATOR\",\"CHIEF_VIBES\"]", "2026-02-30"))
                .post("/licences").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("firmId", "licenceNumber", "activities[1]", "effectiveFrom"))
                .body("detail", containsString("CHIEF_VIBES"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"firmId\":\"F-1\",\"firmName\":\"X\",\"licenceNumber\":\"N\",\"status\":\"DORMANT\",\"activities\":[]}")
                .post("/licences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("status", "activities", "effectiveFrom"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body("F-OTHER", "N-1", "[\"ADVISING\"]", "2026-01-01"))
                .put("/licences/{f}", "F-0001").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firmId"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"firmId\":").post("/licences").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body("F-1", "N-1", "\"DATF_OPERATOR\"", "2026-01-01")).post("/licences").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("activities"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .post("/licences").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldLetOnlyTheOperatorWriteTheRegister() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        for (String token : List.of(TestTokens.bearer(Roles.REGULATOR), TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))) {
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(body(firm, "N-" + firm, "[\"ADVISING\"]", "2026-01-01"))
                    .post("/licences").then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(body(firm, "N-" + firm, "[\"ADVISING\"]", "2026-01-01"))
                .post("/licences").then().statusCode(401);
    }

    @Test
    void shouldRefuseADuplicateRegistrationAndAVariationOfAnUnknownFirm() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(body(firm, "N-" + firm, "[\"ADVISING\"]", "2026-01-01")).post("/licences").then().statusCode(201);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(body(firm, "N-" + firm, "[\"ADVISING\"]", "2026-01-01")).post("/licences").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(body("F-NONE", "N-NONE", "[\"ADVISING\"]", "2026-01-01")).put("/licences/F-NONE").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/firms/F-NONE/licence").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRegisterALicenceNumberToOneFirmOnlyWhenFirmsClaimItAtTheSameTime() throws Exception {
        String number = "N-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.bearer(Roles.ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
                answers.add(pool.submit(() -> given().header("Authorization", admin).contentType(ContentType.JSON)
                        .body(body(firm, number, "[\"ADVISING\"]", "2026-01-01")).post("/licences").then()
                        .extract().statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get(60, TimeUnit.SECONDS));
            }
            // One firm holds the number; every other claim is a clear conflict, never a server error.
            assertThat(codes).containsOnly(201, 409).filteredOn(c -> c == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
