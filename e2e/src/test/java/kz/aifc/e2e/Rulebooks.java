package kz.aifc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The configurable, unverified settings a rule's deadline rests on, read from the rulebook file a service ships (the
 * data an operator would change), never from the service's own answer at {@code GET /rulebook}.
 */
final class Rulebooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rulebooks() {
    }

    static JsonNode parameter(String module, String ruleId, String name) {
        Path file = E2eStack.repositoryRoot().resolve(module).resolve("src/main/resources/rulebook.json");
        try {
            for (JsonNode rule : JSON.readTree(Files.readString(file)).path("rules")) {
                if (ruleId.equals(rule.path("id").asText()) && rule.path("parameters").has(name)) {
                    return rule.path("parameters").path(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(ruleId + "." + name + " is not in " + file);
    }
}
