package kz.aifc.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.testapp.TestDb;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** The audit chain as a regulator checks it: GET /audit/verify finds tampering done in SQL and names where it starts. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class AuditChainFlowTest {

    @Inject
    AuditTrail trail;

    @Inject
    DataSource db;

    /** Five entries over two transactions (two append times), the way a service's decisions accumulate. */
    @BeforeEach
    void freshChainOfFiveEntries() {
        TestDb.execute(db, "truncate audit_log");
        QuarkusTransaction.requiringNew().run(() -> trail.appendAll(List.of(
                new AuditTrail.Entry("urn:aifc:platform-test", "alert.raised", "F-1", "CAP-001:F-1:2026-11-20",
                        Map.of("severity", "CRITICAL")),
                new AuditTrail.Entry("urn:aifc:platform-test", "alert.raised", "F-2", "AML-001:F-2:tx-9",
                        Map.of("severity", "CRITICAL")))));
        QuarkusTransaction.requiringNew().run(() -> {
            trail.append("mlro@F-2", "case.file_str", "F-2", "case-17", Map.of("decision", "FILE_STR"));
            trail.append("compliance-officer@F-1", "alert.acknowledged", "F-1", "CAP-001:F-1:2026-11-20",
                    Map.of("note", "treasury informed"));
            trail.append("urn:aifc:platform-test", "alert.resolved", "F-1", "CAP-001:F-1:2026-11-20",
                    Map.of("reason", "capital restored"));
        });
    }

    /** The log is left empty, never broken, for whatever test runs next. */
    @AfterEach
    void emptyLog() {
        TestDb.execute(db, "truncate audit_log");
    }

    @Test
    @DisplayName("one subject's history reads back oldest first, that firm's and that action family's only, newest kept")
    void shouldReadOneSubjectsHistoryOldestFirst() {
        List<AuditTrail.Recorded> history = trail.about("F-1", "CAP-001:F-1:2026-11-20", "alert.", 10);
        assertThat(history).extracting(AuditTrail.Recorded::action)
                .containsExactly("alert.raised", "alert.acknowledged", "alert.resolved");
        assertThat(history.get(1).actor()).isEqualTo("compliance-officer@F-1");
        assertThat(history.get(2).detail()).contains("capital restored");
        assertThat(trail.about("F-2", "CAP-001:F-1:2026-11-20", "alert.", 10)).isEmpty();
        assertThat(trail.about("F-1", "CAP-001:F-1:2026-11-20", "alert.", 2))
                .extracting(AuditTrail.Recorded::action).containsExactly("alert.acknowledged", "alert.resolved");
    }

    @Test
    @DisplayName("writers appending at once, each in its own transaction, leave one linear chain with every entry")
    void shouldKeepOneChainWhenWritersAppendAtOnce() throws Exception {
        int writers = 6;
        int transactions = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String actor = "writer-" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int t = 0; t < transactions; t++) {
                        int n = t;
                        QuarkusTransaction.requiringNew().run(() -> trail.appendAll(List.of(
                                new AuditTrail.Entry(actor, "test.appended", "F-1", actor + "-" + n, Map.of("n", n)),
                                new AuditTrail.Entry(actor, "test.appended", "F-1", actor + "-" + n + "b",
                                        Map.of("n", n)))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        AuditTrail.Verification verified = trail.verify();
        assertThat(verified.intact()).as(verified.message()).isTrue();
        assertThat(verified.entries()).isEqualTo(5 + writers * transactions * 2);
    }

    @Test
    @DisplayName("an untouched chain verifies: intact, with its number of entries")
    void shouldReportAnUntouchedChainIntactWithItsCount() {
        verifyAs(Roles.REGULATOR).statusCode(200)
                .body("intact", equalTo(true))
                .body("entries", equalTo(5))
                .body("firstBrokenSeq", nullValue());
    }

    @Test
    @DisplayName("a row whose detail was changed in SQL breaks the chain at that row")
    void shouldNameTheFirstAlteredEntryWhenARowIsChanged() {
        TestDb.update(db, "update audit_log set detail = ? where seq = 3", "{\"decision\":\"NO_STR\"}");

        verifyAs(Roles.ADMIN).statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("entries", equalTo(2))
                .body("message", containsString("entry 3"));
    }

    @Test
    @DisplayName("a row whose actor was changed in SQL breaks the chain at that row")
    void shouldNameTheFirstAlteredEntryWhenAnActorIsChanged() {
        TestDb.update(db, "update audit_log set actor = 'admin' where seq = 4");

        verifyAs(Roles.REGULATOR).statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo(4))
                .body("entries", equalTo(3));
    }

    @Test
    @DisplayName("a row deleted from the middle is named as the missing entry, not the survivor after it")
    void shouldNameTheMissingEntryWhenARowInTheMiddleIsDeleted() {
        TestDb.update(db, "delete from audit_log where seq = 3");

        verifyAs(Roles.REGULATOR).statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("entries", equalTo(2))
                .body("message", containsString("entry 3 is missing"));
    }

    @Test
    @DisplayName("a deleted row whose successors were renumbered to close the gap breaks the chain where the gap was")
    void shouldNameTheFirstRenumberedEntryWhenADeletionIsHidden() {
        TestDb.execute(db, "delete from audit_log where seq = 2",
                "update audit_log set seq = 2 where seq = 3",
                "update audit_log set seq = 3 where seq = 4",
                "update audit_log set seq = 4 where seq = 5");

        verifyAs(Roles.REGULATOR).statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo(2))
                .body("entries", equalTo(1));
    }

    @Test
    @DisplayName("two rows whose order was swapped (seq values exchanged) break the chain at the earlier position")
    void shouldNameTheEarlierPositionWhenTwoRowsAreSwapped() {
        // Through a free number: the primary key is checked row by row.
        TestDb.execute(db, "update audit_log set seq = -1 where seq = 2",
                "update audit_log set seq = 2 where seq = 4",
                "update audit_log set seq = 4 where seq = -1");

        verifyAs(Roles.ADMIN).statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo(2))
                .body("entries", equalTo(1));
    }

    @Test
    @DisplayName("only admin and regulator may verify: a compliance officer gets 403, no token 401, both problem+json")
    void shouldRefuseVerificationToOtherRolesAndToAnonymousCallers() {
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-1")).get("/audit/verify")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, "F-2")).get("/audit/verify")
                .then().statusCode(403);
        given().get("/audit/verify")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    private static ValidatableResponse verifyAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).get("/audit/verify").then();
    }
}
