package kz.aifc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A firm depends on the contract without Quarkus: a plain Java program ({@code src/test/plain}) is compiled and run
 * on this module's runtime classpath alone and round-trips every event type in both content modes.
 */
class ContractOnlyClasspathTest {

    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    @Test
    @DisplayName("the contract's runtime classpath names no framework: only Jackson and the Kafka client (and theirs)")
    void shouldNeedNoFrameworkAtRunTime() throws Exception {
        assertThat(runtimeClasspath()).isNotEmpty().noneMatch(entry -> entry.matches(
                "(?i).*(quarkus|smallrye|jakarta|microprofile|resteasy|vertx|hibernate|weld).*"));
    }

    @Test
    @DisplayName("a plain Java program on the contract's runtime classpath alone encodes and decodes every event type")
    void shouldRoundTripEveryEventTypeFromAPlainJavaProgram() throws Exception {
        String classpath = String.join(File.pathSeparator,
                concat(List.of(Path.of("target", "classes").toString()), runtimeClasspath()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", classpath,
                Path.of("src", "test", "plain", "ContractRoundTrip.java").toString(),
                Path.of("src", "test", "resources", "examples").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the program finished").isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        for (String type : EventTypes.all()) {
            assertThat(output).contains("round-trip " + type + " on " + Topics.forType(type));
        }
        assertThat(output).contains("absent io.quarkus.runtime.Quarkus", "absent jakarta.enterprise.context.ApplicationScoped");
    }

    private static List<String> runtimeClasspath() throws Exception {
        assertThat(RUNTIME_CLASSPATH).as("written by maven-dependency-plugin at generate-test-resources").exists();
        String text = Files.readString(RUNTIME_CLASSPATH).trim();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(File.pathSeparator));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
