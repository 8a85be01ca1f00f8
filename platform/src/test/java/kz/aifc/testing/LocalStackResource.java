package kz.aifc.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.Topics;
import kz.aifc.platform.security.TokenIssuer;

/**
 * Points a service's tests at the real local stack: the Kafka broker on localhost:9092 (started with
 * {@code deploy/local/kafka.sh start} when none answers) and the service's test database on PostgreSQL.
 * Every test run gets its own topic names (a suffix on each contract topic, DLQs included, and a firm lane of
 * {@link IngestFlow#LANE_FIRM} next to each ingest topic) and consumer groups, so runs never see each other's records.
 * <p>
 * Init argument {@code database}: the test database name, e.g. {@code aifc_capital_test}.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    /** One suffix per JVM: every test class of a module shares the topics created for the run. */
    private static final String RUN = "t" + Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString((int) (Math.random() * 1296), 36);
    private static final String SUFFIX = "." + RUN;

    private static volatile boolean topicsCreated;

    private String database = "aifc_test";

    /** The topic of this run that stands for a contract topic. */
    public static String topic(String contractTopic) {
        return contractTopic + SUFFIX;
    }

    public static String bootstrapServers() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnv == null || fromEnv.isBlank() ? "localhost:9092" : fromEnv;
    }

    public static String runId() {
        return RUN;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        // Two checkouts testing the same service at once on one machine: -Daifc.test.database-suffix=_b keeps them apart.
        database += System.getProperty("aifc.test.database-suffix", "");
    }

    @Override
    public Map<String, String> start() {
        ensureBroker();
        createTopics();
        String jdbcUrl = ensureDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("aifc.kafka.topic-suffix", SUFFIX);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", dbUser());
        config.put("quarkus.datasource.password", dbPassword());
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation());
        config.put("mp.jwt.verify.issuer", TokenIssuer.ISSUER);
        if (onClasspath("io.quarkus.oidc.OidcTenantConfig")) {
            // A service that signs people in with quarkus-oidc verifies the same test tokens with the same key.
            config.put("quarkus.oidc.public-key", TestTokens.issuer().publicKeyBody());
            config.put("quarkus.oidc.token.issuer", TokenIssuer.ISSUER);
        }
        return config;
    }

    @Override
    public void stop() {
        // The broker and the database are shared by every module's run; the run's topics are left for
        // inspection and go with `deploy/local/kafka.sh reset`.
    }

    private static synchronized void createTopics() {
        if (topicsCreated) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String contractTopic : Topics.all()) {
            NewTopic topic = new NewTopic(topic(contractTopic), Topics.partitions(contractTopic), (short) 1);
            if (Topics.LICENCES.equals(contractTopic)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
            topics.add(new NewTopic(Topics.dlq(topic(contractTopic)), Topics.partitions(contractTopic), (short) 1));
        }
        for (String ingest : Topics.ingest()) {
            topics.add(new NewTopic(FirmLanes.lane(topic(ingest), IngestFlow.LANE_FIRM), Topics.partitions(ingest),
                    (short) 1));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            // The controller has created them; the broker's metadata follows a moment later (longer on a busy
            // machine), and a client that asks before then is told the topic does not exist.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> missing = List.of();
            do {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                missing = topics.stream().map(NewTopic::name).filter(n -> !names.contains(n)).toList();
                if (!missing.isEmpty()) {
                    Thread.sleep(200);
                }
            } while (!missing.isEmpty() && System.nanoTime() < deadline);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("topics " + missing + " were not created within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the test topics on " + bootstrapServers() + ": " + e, e);
        }
        topicsCreated = true;
    }

    private static void ensureBroker() {
        String[] hostPort = bootstrapServers().split(",")[0].split(":");
        String host = hostPort[0];
        int port = Integer.parseInt(hostPort[1]);
        if (listening(host, port)) {
            return;
        }
        Path script = projectRoot().resolve("deploy/local/kafka.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "start").inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " start failed; see deploy/local/.state/logs/kafka.log");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!listening(host, port)) {
            throw new IllegalStateException("no Kafka broker on " + bootstrapServers() + " after starting one");
        }
    }

    /**
     * A database of the local PostgreSQL, made if missing (named with this checkout's
     * {@code aifc.test.database-suffix}), for a test that runs migrations itself.
     */
    public static DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(ensureDatabase(database + System.getProperty("aifc.test.database-suffix", "")));
        ds.setUser(dbUser());
        ds.setPassword(dbPassword());
        return ds;
    }

    private static String ensureDatabase(String name) {
        String base = "jdbc:postgresql://" + dbHost() + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", dbUser(), dbPassword())) {
            boolean exists;
            try (var query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                exists = query.executeQuery().next();
            }
            if (!exists) {
                try (var create = admin.createStatement()) {
                    create.execute("create database \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + dbHost() + " as " + dbUser()
                    + " (run deploy/local/postgres.sh ensure): " + e.getMessage(), e);
        }
        return base + name;
    }

    private static String dbHost() {
        return env("AIFC_DB_HOST", "127.0.0.1:5432");
    }

    private static String dbUser() {
        return env("AIFC_DB_USER", "aifc");
    }

    private static String dbPassword() {
        return env("AIFC_DB_PASSWORD", "aifc");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The checkout's root: the nearest folder up from the module that holds the Maven Wrapper. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
