package kz.aifc.platform.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.platform.rules.Rulebook;

/**
 * The service's rulebook in force: {@code rulebook.json} on the classpath, or the file named by
 * {@code aifc.rulebook.location} so an operator can pin another version without a rebuild. Read once at start; a
 * rulebook that cannot be applied stops the start with the path of what is wrong.
 */
@ApplicationScoped
public class RulebookSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rulebook rulebook;

    RulebookSource(RulebookConfig config) {
        JsonNode document = config.location().filter(s -> !s.isBlank()).map(RulebookSource::readFile)
                .orElseGet(RulebookSource::readBundled);
        this.rulebook = Rulebook.parse(document);
    }

    /** The rulebook, parsed into the rule kit's records. */
    public Rulebook rulebook() {
        return rulebook;
    }

    public String version() {
        return rulebook.version();
    }

    private static JsonNode readFile(String location) {
        try {
            return JSON.readTree(Files.readAllBytes(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rulebook " + location + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readBundled() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("rulebook.json")) {
            if (in == null) {
                throw new IllegalStateException("rulebook.json is missing from the service's resources");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rulebook: " + e.getMessage(), e);
        }
    }
}
