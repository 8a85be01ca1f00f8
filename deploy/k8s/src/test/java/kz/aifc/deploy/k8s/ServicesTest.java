package kz.aifc.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The four services' Deployments, Services, budgets, scaling and network policies against their configuration. */
class ServicesTest {

    /**
     * The Kafka client security settings a deployment passes (issue #14 item 1: every client takes them from the
     * environment). Allowed in a manifest even while a service's application.properties does not name them.
     */
    static final Set<String> KAFKA_SECURITY_ENV = Set.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD");

    /** Read by the JVM or the container rather than by the service's configuration. */
    static final Set<String> RUNTIME_ENV = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX", "TZ");

    /** What a deployment must set: the local defaults of these point at this machine. */
    static final Set<String> REQUIRED_ENV = Set.of("KAFKA_BOOTSTRAP_SERVERS", "AIFC_DB_HOST", "AIFC_DB_USER",
            "AIFC_DB_PASSWORD", "AIFC_JWT_PUBLIC_KEY");

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void deploymentsServeTheConfiguredPortWithHealthProbes(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (ServiceConfig s : ServiceConfig.all()) {
            JsonNode c = container(r, s.name());
            assertThat(c.at("/ports/0/containerPort").asInt()).as("%s port", s.name()).isEqualTo(s.httpPort());
            assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(c.at("/" + probe + "/httpGet/port").asText()).isIn("http", String.valueOf(s.httpPort()));
            }
            JsonNode service = r.get("Service", s.name());
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(s.httpPort());
            assertThat(service.at("/spec/selector")).isEqualTo(
                    r.get("Deployment", s.name()).at("/spec/selector/matchLabels"));
            assertThat(c.at("/image").asText()).as("%s image", s.name())
                    .matches("registry\\.example\\.com/aifc/" + s.name() + ":[A-Za-z0-9._-]+");
        }
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void resourcesComeFromTheBenchmarks(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (ServiceConfig s : ServiceConfig.all()) {
            JsonNode resources = container(r, s.name()).path("resources");
            assertThat(resources.at("/requests/cpu").isMissingNode()).as("%s cpu request", s.name()).isFalse();
            assertThat(resources.at("/requests/memory").isMissingNode()).isFalse();
            assertThat(resources.at("/limits/memory").isMissingNode()).as("%s memory limit", s.name()).isFalse();
        }
        // BENCHMARKS.md: aml-service measured in a 512 MB deployment with a 240 MB heap (256 MB reached 514-523 MB)
        JsonNode aml = container(r, "aml-service");
        assertThat(aml.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
        assertThat(env(r, "aml-service").get("JAVA_TOOL_OPTIONS").path("value").asText())
                .contains("-Xms240m", "-Xmx240m", "-Xmn144m");
        // licensing- and notification-service passed 512 MB resident with a 256 MB heap under their benchmarks
        for (String service : new String[] {"licensing-service", "notification-service"}) {
            assertThat(container(r, service).at("/resources/limits/memory").asText()).isEqualTo("512Mi");
            assertThat(env(r, service).get("JAVA_TOOL_OPTIONS").path("value").asText()).as(service)
                    .contains("-Xmx224m");
        }
    }

    /**
     * The 512 Mi limits hold only for the JVM the benchmarks measured: a pod runs with the heap and every flag of
     * {@code deploy/local/deployed-jvm.sh}, which the benchmark scripts start the services with by default (the
     * collector, metaspace, code cache and stack sizes; without them the JVM picks G1 and unbounded metaspace, which
     * take more native memory), and with as few malloc arenas.
     */
    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void podsRunWithTheJvmTheBenchmarksMeasured(String overlay) throws IOException {
        Rendered r = Overlays.render(overlay);
        String deployed = Files.readString(Repo.ROOT.resolve("deploy/local/deployed-jvm.sh"));
        List<String> common = shellWords(deployed, "DEPLOYED_JVM_FLAGS", List.of());
        List<String> aml = shellWords(deployed, "AML_DEPLOYED_JVM_FLAGS", common);
        assertThat(common).contains("-XX:+UseParallelGC", "-XX:MaxMetaspaceSize=128m");
        assertThat(aml).containsAll(common).contains("-Xmn144m");
        for (ServiceConfig s : ServiceConfig.all()) {
            String service = s.name().replace("-service", "");
            Matcher heap = Pattern.compile("\\[" + service + "]=(\\w+)").matcher(deployed);
            assertThat(heap.find()).as("%s's heap in deployed-jvm.sh", service).isTrue();
            List<String> flags = Arrays.asList(env(r, s.name()).get("JAVA_TOOL_OPTIONS").path("value").asText()
                    .split(" "));
            assertThat(flags).as("%s runs with the JVM of deployed-jvm.sh", s.name())
                    .containsAll(service.equals("aml") ? aml : common).contains("-Xmx" + heap.group(1));
            assertThat(env(r, s.name()).get("MALLOC_ARENA_MAX").path("value").asText()).as(s.name()).isEqualTo("2");
        }
        // and the benchmarks start the services with that JVM unless told otherwise
        assertThat(Files.readString(Repo.ROOT.resolve("deploy/local/bench-aml.sh")))
                .contains("${AML_BENCH_JAVA_OPTS:-$AML_DEPLOYED_JVM_FLAGS}", "${AML_BENCH_HEAP:-${DEPLOYED_HEAP[aml]}}");
        assertThat(Files.readString(Repo.ROOT.resolve("deploy/local/bench-service.sh")))
                .contains("${BENCH_JAVA_OPTS:-$DEPLOYED_JVM_FLAGS}", "${BENCH_HEAP:-${DEPLOYED_HEAP[$SERVICE]}}");
    }

    /** The words of {@code NAME="…"} in a shell file, {@code $DEPLOYED_JVM_FLAGS} standing for {@code inherited}. */
    static List<String> shellWords(String text, String name, List<String> inherited) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(text);
        assertThat(m.find()).as("%s in deployed-jvm.sh", name).isTrue();
        List<String> words = new java.util.ArrayList<>();
        for (String w : m.group(1).trim().split(" +")) {
            if (w.equals("$DEPLOYED_JVM_FLAGS")) {
                words.addAll(inherited);
            } else {
                words.add(w);
            }
        }
        return words;
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void configurationReachesTheVariablesTheServicesRead(String overlay) {
        Rendered r = Overlays.render(overlay);
        Map<String, String> configMap = new HashMap<>();
        r.get("ConfigMap", "aifc-config").path("data").fields()
                .forEachRemaining(f -> configMap.put(f.getKey(), f.getValue().asText()));
        Set<String> readByAny = new TreeSet<>();
        for (ServiceConfig s : ServiceConfig.all()) {
            readByAny.addAll(s.envVars());
            Map<String, JsonNode> env = env(r, s.name());
            Set<String> provided = new TreeSet<>(env.keySet());
            JsonNode envFrom = container(r, s.name()).path("envFrom");
            for (JsonNode from : envFrom) {
                assertThat(from.at("/configMapRef/name").asText()).isEqualTo("aifc-config");
                provided.addAll(configMap.keySet());
            }
            assertThat(provided).as("%s environment", s.name()).containsAll(REQUIRED_ENV).containsAll(KAFKA_SECURITY_ENV);
            for (String name : env.keySet()) {
                assertThat(s.envVars().contains(name) || KAFKA_SECURITY_ENV.contains(name) || RUNTIME_ENV.contains(name))
                        .as("%s sets %s, which nothing reads", s.name(), name).isTrue();
                if (name.contains("PASSWORD") || name.contains("JAAS")) {
                    assertThat(env.get(name).has("value")).as("%s: %s must come from a Secret", s.name(), name)
                            .isFalse();
                    assertThat(env.get(name).at("/valueFrom/secretKeyRef/name").isMissingNode()).isFalse();
                }
            }
            // its own Kafka user, its own database's operator-made Secret
            JsonNode jaas = env.get("KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef");
            assertThat(jaas.path("name").asText() + "/" + jaas.path("key").asText())
                    .isEqualTo(s.name() + "/sasl.jaas.config");
            String dbSecret = PostgresTest.clusterOf(r, s.database()) + "-app";
            for (String var : List.of("AIFC_DB_HOST", "AIFC_DB_USER", "AIFC_DB_PASSWORD")) {
                assertThat(env.get(var).at("/valueFrom/secretKeyRef/name").asText()).as("%s %s", s.name(), var)
                        .isEqualTo(dbSecret);
            }
        }
        for (String key : configMap.keySet()) {
            assertThat(readByAny.contains(key) || KAFKA_SECURITY_ENV.contains(key) || RUNTIME_ENV.contains(key))
                    .as("aifc-config.%s is read by no service", key).isTrue();
        }
        assertThat(r.ofKind("Secret")).as("no Secret is shipped in the manifests").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void scalingOnLagIsCappedAtThePartitions(String overlay) {
        Rendered r = Overlays.render(overlay);
        int bootstrapPort = KafkaTest.bootstrapPort(r);
        for (ServiceConfig s : ServiceConfig.all()) {
            JsonNode so = r.get("ScaledObject", s.name());
            assertThat(so.at("/spec/scaleTargetRef/name").asText()).isEqualTo(s.name());
            assertThat(so.at("/spec/maxReplicaCount").asInt()).as("%s max replicas", s.name())
                    .isEqualTo(s.maxUsefulReplicas());
            // the CRD's CEL rule, which the schema check does not evaluate
            assertThat(so.at("/spec/minReplicaCount").asInt(0)).isBetween(0, s.maxUsefulReplicas());
            JsonNode trigger = so.at("/spec/triggers/0");
            assertThat(so.at("/spec/triggers").size()).isEqualTo(1);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            // Lag of the service's main group (named after it; aml-service's small licence group does not scale it).
            assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo(s.name()).isIn(s.groups());
            assertThat(trigger.at("/metadata/bootstrapServers").asText())
                    .isEqualTo("aifc-kafka-kafka-bootstrap:" + bootstrapPort);
            JsonNode auth = r.get("TriggerAuthentication", trigger.at("/authenticationRef/name").asText());
            assertThat(auth.at("/spec/secretTargetRef").findValuesAsText("name")).contains(s.name());
            String usernames = auth.at("/spec/configMapTargetRef/0/name").asText();
            String key = auth.at("/spec/configMapTargetRef/0/key").asText();
            assertThat(r.get("ConfigMap", usernames).at("/data/" + key).asText()).isEqualTo(s.name());
        }
    }

    @ParameterizedTest
    @MethodSource("kz.aifc.deploy.k8s.Overlays#names")
    void disruptionBudgetsAndNetworkPolicies(String overlay) {
        Rendered r = Overlays.render(overlay);
        int bootstrapPort = KafkaTest.bootstrapPort(r);
        JsonNode deny = r.get("NetworkPolicy", "aifc-default-deny");
        assertThat(deny.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        assertThat(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode()).isTrue();
        for (ServiceConfig s : ServiceConfig.all()) {
            JsonNode labels = r.get("Deployment", s.name()).at("/spec/template/metadata/labels");
            assertThat(labels.path("app.kubernetes.io/part-of").asText()).isEqualTo("aifc-compliance");
            JsonNode pdb = r.get("PodDisruptionBudget", s.name());
            assertThat(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(s.name());

            JsonNode np = r.get("NetworkPolicy", s.name());
            assertThat(np.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(s.name());
            assertThat(np.at("/spec/ingress").findValuesAsText("port")).containsExactly(String.valueOf(s.httpPort()));
            Set<String> egress = new TreeSet<>();
            for (JsonNode rule : np.at("/spec/egress")) {
                JsonNode selector = rule.at("/to/0/podSelector/matchLabels");
                String target = selector.has("cnpg.io/cluster") ? "db:" + selector.get("cnpg.io/cluster").asText()
                        : selector.has("strimzi.io/cluster") ? "kafka:" + selector.get("strimzi.io/cluster").asText()
                        : "other";
                rule.path("ports").forEach(p -> egress.add(target + ":" + p.path("port").asText()));
            }
            assertThat(egress).as("%s egress", s.name()).containsExactlyInAnyOrder(
                    "kafka:aifc-kafka:" + bootstrapPort,
                    "db:" + PostgresTest.clusterOf(r, s.database()) + ":5432");
        }
        JsonNode webhooks = r.get("NetworkPolicy", "notification-service-webhooks");
        assertThat(webhooks.at("/spec/egress/0/ports/0/port").asInt()).isEqualTo(443);
        // the desk's /upstream/... forwarding reaches each checking service on its own port, and nothing else
        Set<String> upstream = new TreeSet<>();
        for (JsonNode rule : r.get("NetworkPolicy", "notification-service-upstream").at("/spec/egress")) {
            rule.path("ports").forEach(p -> upstream.add(
                    rule.at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText() + ":" + p.path("port").asText()));
        }
        assertThat(upstream).containsExactlyInAnyOrder(ServiceConfig.all().stream()
                .filter(s -> !s.name().equals("notification-service")).map(s -> s.name() + ":" + s.httpPort())
                .toArray(String[]::new));
    }

    static JsonNode container(Rendered r, String service) {
        JsonNode containers = r.get("Deployment", service).at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    static Map<String, JsonNode> env(Rendered r, String service) {
        Map<String, JsonNode> env = new HashMap<>();
        for (JsonNode e : container(r, service).path("env")) {
            assertThat(env.put(e.path("name").asText(), e)).as("%s sets %s twice", service, e.path("name")).isNull();
        }
        return env;
    }
}
