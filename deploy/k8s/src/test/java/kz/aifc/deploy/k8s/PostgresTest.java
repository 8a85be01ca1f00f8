package kz.aifc.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CloudNativePG clusters: one per service's database, backed up through the Barman Cloud Plugin. */
class PostgresTest {

    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void oneClusterPerServiceDatabaseWithBackups(String overlay) {
        Rendered r = Overlays.render(overlay);
        Set<String> clusters = new TreeSet<>();
        for (ServiceConfig s : ServiceConfig.all()) {
            String name = clusterOf(r, s.database());
            assertThat(clusters.add(name)).as("%s shares a Cluster", s.name()).isTrue();
            JsonNode cluster = r.get("Cluster", name);
            assertThat(cluster.at("/spec/bootstrap/initdb/owner").asText()).isNotBlank();
            assertThat(cluster.at("/spec/enableSuperuserAccess").asBoolean(true)).isFalse();
            JsonNode plugin = cluster.at("/spec/plugins/0");
            assertThat(plugin.path("name").asText()).isEqualTo(BARMAN_PLUGIN);
            assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
            r.get("ObjectStore", plugin.at("/parameters/barmanObjectName").asText());
            List<JsonNode> schedules = r.ofKind("ScheduledBackup").stream()
                    .filter(b -> b.at("/spec/cluster/name").asText().equals(name)).toList();
            assertThat(schedules).as("scheduled backup of %s", name).hasSize(1);
            assertThat(schedules.get(0).at("/spec/method").asText()).isEqualTo("plugin");
            assertThat(schedules.get(0).at("/spec/pluginConfiguration/name").asText()).isEqualTo(BARMAN_PLUGIN);
        }
        assertThat(r.ofKind("Cluster")).hasSize(clusters.size());
        for (JsonNode store : r.ofKind("ObjectStore")) {
            // credentials by reference only
            assertThat(store.at("/spec/configuration/s3Credentials/accessKeyId/name").asText()).isNotBlank();
            assertThat(store.at("/spec/configuration/s3Credentials/secretAccessKey/name").asText()).isNotBlank();
        }
    }

    /**
     * A database admits every connection its service may open: at KEDA's most replicas plus the pods a rolling update
     * adds (the Deployment's {@code maxSurge}, 25% rounded up by default), each with its pool full and its own
     * connections, within {@code max_connections} less the slots kept for superusers (PostgreSQL's defaults 100 and 3
     * where the Cluster does not set them). Past it the pods that come last get "too many clients" instead of scaling.
     */
    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void eachDatabaseAdmitsItsServiceAtItsMostReplicas(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (ServiceConfig s : ServiceConfig.all()) {
            JsonNode parameters = r.get("Cluster", clusterOf(r, s.database())).at("/spec/postgresql/parameters");
            int admitted = parameters.path("max_connections").asInt(100)
                    - parameters.path("superuser_reserved_connections").asInt(3);
            int replicas = r.get("ScaledObject", s.name()).at("/spec/maxReplicaCount").asInt();
            String surge = r.get("Deployment", s.name()).at("/spec/strategy/rollingUpdate/maxSurge").asText("25%");
            int pods = replicas + (surge.endsWith("%")
                    ? (int) Math.ceil(replicas * Integer.parseInt(surge.substring(0, surge.length() - 1)) / 100.0)
                    : Integer.parseInt(surge));
            assertThat(admitted).as("%s: %d pods of %d connections into %s", s.name(), pods, s.connections(),
                    s.database()).isGreaterThanOrEqualTo(pods * s.connections());
        }
    }

    /** The Cluster whose bootstrap creates {@code database}. */
    static String clusterOf(Rendered r, String database) {
        List<String> names = r.ofKind("Cluster").stream()
                .filter(c -> c.at("/spec/bootstrap/initdb/database").asText().equals(database))
                .map(Rendered::nameOf).toList();
        assertThat(names).as("Cluster creating database %s", database).hasSize(1);
        return names.get(0);
    }
}
