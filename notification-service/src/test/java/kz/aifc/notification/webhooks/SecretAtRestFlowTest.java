package kz.aifc.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Signing secrets are stored encrypted, shown only in the creating answer, never echoed by an error; a secret stored in
 * clear before encryption at rest is encrypted in place at start-up.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class SecretAtRestFlowTest {

    @Inject
    DataSource dataSource;

    @Inject
    WebhookQueue queue;

    @Inject
    SecretBox box;

    @Test
    void shouldStoreTheSecretEncryptedAndShowItOnlyOnce() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String co = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
        String secret = "my-own-secret-" + UUID.randomUUID();
        FakeDns.answer("hooks.sealed.example", "8.8.8.8");
        String id = given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.sealed.example/hook", "secret", secret)).post("/subscriptions")
                .then().statusCode(201).extract().path("id");
        assertThat(given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.sealed.example/hook", "secret", secret))
                .post("/subscriptions").then().statusCode(201).extract().asString()).contains(secret);

        String[] stored = stored(UUID.fromString(id));
        assertThat(stored[0]).startsWith("v1:").doesNotContain(secret);
        assertThat(stored[1]).isEqualTo("t");
        assertThat(box.open(UUID.fromString(id), stored[0])).isEqualTo(secret);

        for (String path : new String[] { "/subscriptions", "/subscriptions/" + id + "/deliveries" }) {
            assertThat(given().header("Authorization", co).get(path).then().statusCode(200).extract().asString())
                    .as(path).doesNotContain(secret).doesNotContain(stored[0]);
        }
        String tooLong = "x".repeat(300) + secret;
        assertThat(given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.sealed.example/hook", "secret", tooLong)).post("/subscriptions")
                .then().statusCode(400).extract().asString()).as("a refused secret is not echoed")
                .doesNotContain(secret);
        assertThat(given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hook:" + secret + "@hooks.sealed.example/hook")).post("/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"))
                .extract().asString()).as("credentials in the URL are refused, not echoed").doesNotContain(secret);
    }

    @Test
    void shouldEncryptASecretStoredInClearInPlace() throws Exception {
        UUID id = UUID.randomUUID();
        String secret = "legacy-plain-secret-" + id;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                insert into webhook_subscription (id, url, secret, firm_id, aml_view, created_by, created_at)
                values (?, 'https://hooks.legacy.example/h', ?, 'F-LEGACY', 'RESTRICTED', 'test', now())""")) {
            q.setObject(1, id);
            q.setString(2, secret);
            q.executeUpdate();
        }
        assertThat(stored(id)).containsExactly(secret, "f");
        queue.sealPlaintextSecrets(null);
        String[] sealed = stored(id);
        assertThat(sealed[1]).isEqualTo("t");
        assertThat(sealed[0]).startsWith("v1:").doesNotContain(secret);
        assertThat(box.open(id, sealed[0])).isEqualTo(secret);
        queue.sealPlaintextSecrets(null);
        assertThat(stored(id)[0]).as("sealed once, not twice").isEqualTo(sealed[0]);
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("delete from webhook_subscription where id = ?")) {
            q.setObject(1, id);
            q.executeUpdate();
        }
    }

    private String[] stored(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select secret, case when secret_sealed then 't' else 'f' end from webhook_subscription where id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String[] { rs.getString(1), rs.getString(2) };
            }
        }
    }
}
