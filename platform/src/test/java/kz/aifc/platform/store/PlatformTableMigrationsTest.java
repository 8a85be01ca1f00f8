package kz.aifc.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change to a platform table goes in each service's own migrations, at its own next number (platform/README): every
 * service carries the script, and carries it word for word as the test application (which the platform's flow tests
 * run) does.
 */
class PlatformTableMigrationsTest {

    private static final List<String> SERVICES =
            List.of("aml-service", "capital-service", "licensing-service", "notification-service");

    @ParameterizedTest
    @ValueSource(strings = {"inbound_event_by_month", "audit_log_hash_not_indexed"})
    void shouldCarryTheSameScriptInEveryService(String change) throws IOException {
        for (String service : SERVICES) {
            List<Path> scripts = scripts(Path.of("..", service, "src/main/resources/db/migration"), change);
            assertThat(scripts).as("%s's migration '%s'", service, change).hasSize(1);
            if (change.equals("inbound_event_by_month")) {
                List<Path> reference = scripts(Path.of("src/test/resources/db/platform-test"), change);
                assertThat(reference).hasSize(1);
                assertThat(Files.readString(scripts.get(0))).as("%s against %s", scripts.get(0), reference.get(0))
                        .isEqualTo(Files.readString(reference.get(0)));
            }
        }
    }

    private static List<Path> scripts(Path dir, String change) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__" + change + "\\.sql")).toList();
        }
    }
}
