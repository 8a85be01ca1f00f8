package kz.aifc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import kz.aifc.contract.Topics;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.security.TokenIssuer;

/**
 * What an end-to-end test runs on: the real broker and PostgreSQL, fresh {@code aifc_<service>_e2e} databases, this
 * run's own topics (a suffix on every contract topic, as the services' tests use), a signing key pair, and the
 * packaged services as child processes that are stopped however the test ends (a shutdown hook covers a JVM that
 * exits early). One run at a time per machine (a file lock): the databases are shared by name.
 */
final class E2eStack implements AutoCloseable {

    static final String BOOTSTRAP = env("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    private static final String DB_HOST = env("AIFC_DB_HOST", "127.0.0.1:5432");
    private static final String DB_USER = env("AIFC_DB_USER", "aifc");
    private static final String DB_PASSWORD = env("AIFC_DB_PASSWORD", "aifc");
    /** Marks every process a run starts, so a later run can tell a leftover of ours from anything else. */
    private static final String MARK = "-Daifc.e2e.run=";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern APPLIED = Pattern.compile(
            "^aifc_events_in_total\\{(?=[^}]*outcome=\"applied\")(?=[^}]*topic=\"([^\"]+)\")[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);

    final Path root;
    final Path dir;
    final String run;
    final String suffix;
    final TokenIssuer tokens;
    /** This run's key for notification-service's webhook secrets at rest (production requires one). */
    final String webhookSecretKey = newAesKey();
    /** aml-service's alert id key for this run (production must set one; the packaged service runs as production). */
    private final String amlAlertIdKey;
    private final Path pids;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::killAll, "e2e-stop-processes");

    private E2eStack(String name) throws IOException {
        root = repositoryRoot();
        Path work = Path.of(System.getProperty("aifc.e2e.work", "target/e2e")).toAbsolutePath();
        run = "e2e" + Long.toString(System.currentTimeMillis(), 36);
        suffix = "." + run;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        amlAlertIdKey = HexFormat.of().formatHex(key);
        dir = work.resolve(name + "-" + run);
        pids = work.resolve("pids");
        Files.createDirectories(dir);
        Files.createDirectories(pids);
        lockFile = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "aifc-e2e.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock();
        try {
            stopLeftovers();
            tokens = TokenIssuer.inFolder(dir.resolve("jwt"));
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Takes the machine's e2e lock (waiting for another run to finish) and prepares a run directory. */
    static E2eStack open(String name) {
        try {
            return new E2eStack(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code Authorization} header value for a role (and firm, for the firm-scoped roles). */
    String bearer(String role, String firmId) {
        return "Bearer " + tokens.token(role, firmId, Duration.ofHours(1));
    }

    String regulator() {
        return bearer(Roles.REGULATOR, null);
    }

    String topic(String contractTopic) {
        return contractTopic + suffix;
    }

    static String database(String module) {
        return "aifc_" + module.replace("-service", "") + "_e2e";
    }

    /** A connection to a module's e2e database, for what the APIs do not show. */
    Connection connect(String module) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + DB_HOST + "/" + database(module), DB_USER, DB_PASSWORD);
    }

    /** Drops and creates the modules' e2e databases, so every run starts from nothing. */
    void freshDatabases(String... modules) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + DB_HOST + "/postgres", DB_USER,
                DB_PASSWORD); Statement s = c.createStatement()) {
            for (String module : modules) {
                s.execute("drop database if exists \"" + database(module) + "\" with (force)");
                s.execute("create database \"" + database(module) + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate the e2e databases on " + DB_HOST + " as " + DB_USER
                    + " (run deploy/local/postgres.sh ensure): " + e.getMessage(), e);
        }
    }

    /** Every contract topic and its DLQ with this run's suffix, partitioned as deploy/local/kafka.sh does. */
    void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String contract : Topics.all()) {
            NewTopic topic = new NewTopic(topic(contract), Topics.partitions(contract), (short) 1);
            if (Topics.LICENCES.equals(contract)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
            topics.add(new NewTopic(Topics.dlq(topic(contract)), 1, (short) 1));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the e2e topics on " + BOOTSTRAP
                    + " (is a broker running? deploy/local/test.sh starts one): " + e, e);
        }
    }

    /** A packaged service on a free port, its own e2e database and this run's topics; not started yet. */
    Service service(String module, String... extraProperties) {
        return replica(module, module, extraProperties);
    }

    /**
     * One more instance of a packaged service, on its own free port but the module's database and consumer group:
     * {@code name} tells its log apart ({@code <name>.log}).
     */
    Service replica(String module, String name, String... extraProperties) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(freePort()));
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + DB_HOST + "/" + database(module));
        props.put("kafka.bootstrap.servers", BOOTSTRAP);
        props.put("aifc.kafka.topic-suffix", suffix);
        for (int i = 0; i + 1 < extraProperties.length; i += 2) {
            props.put(extraProperties[i], extraProperties[i + 1]);
        }
        return new Service(module, name, props);
    }

    /**
     * Starts a child process with this run's mark, its output appended to {@code log}, stopped on close; {@code env}
     * adds to (or, with a null value, removes from) this JVM's environment.
     */
    Process launch(List<String> javaArgs, Path log, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MARK + run);
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // A null value removes the variable (a child that must run without it).
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Files.writeString(log, "===== " + String.join(" ", command) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = builder.start();
            processes.add(process);
            Files.writeString(pids.resolve(String.valueOf(process.pid())), run);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** SIGTERM to everything still running, then SIGKILL to whatever has not stopped within 20 s. */
    @Override
    public void close() {
        try {
            processes.forEach(Process::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (Process p : processes) {
                try {
                    if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
                forget(p);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            try {
                lock.release();
                lockFile.close();
            } catch (IOException e) {
                // the lock goes with the file descriptor anyway
            }
        }
    }

    private void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    private void forget(Process p) {
        try {
            Files.deleteIfExists(pids.resolve(String.valueOf(p.pid())));
        } catch (IOException e) {
            // a stale pid file is checked against the process's command line next time
        }
    }

    /** Processes an earlier run left behind (its JVM was killed before it could stop them), found by pid file. */
    private void stopLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.toList()) {
                long pid = Long.parseLong(file.getFileName().toString());
                String theirRun = Files.readString(file, StandardCharsets.UTF_8).trim();
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(h -> h.info().commandLine().orElse("").contains(MARK + theirRun))
                        .ifPresent(h -> {
                            h.destroyForcibly();
                            h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                        });
                Files.deleteIfExists(file);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 32 random bytes, base64: an AES-256 key as {@code openssl rand -base64 32} makes one. */
    private static String newAesKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}); it can be killed and restarted. */
    final class Service {

        final String module;
        final String name;
        final int port;
        private final Map<String, String> properties;
        private final Map<String, String> env = new HashMap<>();
        private Process process;

        private Service(String module, String name, Map<String, String> properties) {
            this.module = module;
            this.name = name;
            this.properties = properties;
            this.port = Integer.parseInt(properties.get("quarkus.http.port"));
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        Path log() {
            return dir.resolve(name + ".log");
        }

        /** Launches the process (its log appends across restarts). */
        Service start() {
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: the reactor packages the services before e2e "
                        + "(./mvnw verify, or -pl e2e -am)");
            }
            List<String> args = new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1"));
            properties.forEach((k, v) -> args.add("-D" + k + "=" + v));
            args.addAll(List.of("-jar", jar.toString()));
            Map<String, String> variables = new HashMap<>(Map.of("AIFC_JWT_PUBLIC_KEY", tokens.publicKey().toString(),
                    "AIFC_WEBHOOKS_SECRET_KEY", webhookSecretKey, "AIFC_AML_ALERT_ID_KEY", amlAlertIdKey));
            // notification-service without an identity provider: bearer tokens of this run's key only (quarkus-oidc).
            variables.putAll(Map.of("QUARKUS_PROFILE", "prod,bearer-only", "QUARKUS_OIDC_PUBLIC_KEY",
                    tokens.publicKeyBody(), "QUARKUS_OIDC_TOKEN_ISSUER", TokenIssuer.ISSUER));
            variables.putAll(env);
            process = launch(args, log(), variables);
            return this;
        }

        /** Runs it with these environment variables as well (a deployment's KAFKA_* security settings, say). */
        Service environment(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** Runs it with this environment variable instead of the run's, or without it ({@code null}). */
        Service env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Waits for the process to end by itself; answers its exit code. */
        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout.toSeconds() + " s; log: " + log());
            }
            return process.exitValue();
        }

        /** Waits until {@code /q/health/ready} answers 200 (database and Kafka included). */
        Service awaitReady() {
            Poll.until(READY_TIMEOUT, name + " ready on :" + port + " (log: " + log() + ")", () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: "
                            + log() + System.lineSeparator() + Poll.tail(log(), 40));
                }
                return Http.get(url("/q/health/ready"), null).status() == 200;
            });
            return this;
        }

        /** The service's own count of events applied from a topic ({@code aifc_events_in_total} on /q/metrics, since its start). */
        long applied(String topic) {
            Http.Answer metrics = Http.get(url("/q/metrics"), null, "text/plain");
            long sum = 0;
            Matcher m = APPLIED.matcher(metrics.status() == 200 ? metrics.body() : "");
            while (m.find()) {
                if (m.group(1).equals(topic)) {
                    sum += (long) Double.parseDouble(m.group(2));
                }
            }
            return sum;
        }

        /** SIGKILL: no shutdown hook, no flush, no goodbye to the consumer group. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " did not die on SIGKILL");
            }
            processes.remove(process);
            forget(process);
        }
    }

    /** The repository checkout the packaged services and the simulator are taken from. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("aifc.e2e.root", "..")).toAbsolutePath().normalize();
    }
}
