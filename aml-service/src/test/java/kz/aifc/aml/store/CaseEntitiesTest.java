package kz.aifc.aml.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Cases and findings are entities on the same Agroal pool as the screening path's JDBC and COPY: inside a transaction
 * Hibernate works on the very connection the JDBC code gets, and reads outside one give their connection back.
 * (The entities are checked against the migrated schema when the test application starts.)
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class CaseEntitiesTest {

    @Inject
    DataSource dataSource;

    @Inject
    AgroalDataSource pool;

    @Inject
    EntityManager entities;

    @Test
    void shouldUseTheTransactionsOneConnectionForHibernateAndJdbcAlike() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection jdbc = dataSource.getConnection()) {
                int viaJdbc = backend(jdbc);
                int viaHibernate = entities.unwrap(Session.class).doReturningWork(CaseEntitiesTest::backend);
                assertThat(viaHibernate).isEqualTo(viaJdbc);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(pool).isSameAs(dataSource);
    }

    @Test
    void shouldGiveConnectionsBackAfterReadsOutsideATransaction() {
        int maxSize = pool.getConfiguration().connectionPoolConfiguration().maxSize();
        String mlro = TestTokens.bearer(Roles.MLRO, "F-0001");
        // Three times the pool: a read that kept its connection would exhaust it and time out.
        for (int i = 0; i < 3 * maxSize; i++) {
            given().header("Authorization", mlro).get("/firms/F-0001/cases?limit=5").then().statusCode(200);
            given().header("Authorization", mlro).get("/cases/CASE-none").then().statusCode(404);
        }
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
