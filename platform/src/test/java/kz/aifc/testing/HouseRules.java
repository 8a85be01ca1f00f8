package kz.aifc.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls of the house (DESIGN.md "Layout", STYLE.md 3-4) as ArchUnit rules each module's ArchitectureTest applies to
 * its own classes: packages without import cycles, rules that are plain Java, stores that know no transport, services
 * that meet only on Kafka.
 */
public final class HouseRules {

    /** Packages of frameworks a pure rule must not touch. */
    public static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta..", "io.smallrye..",
        "org.eclipse.microprofile..", "io.vertx..", "org.hibernate..", "io.micrometer..", "org.apache.kafka.."};

    private static final List<String> SERVICES = List.of("capital", "aml", "licensing", "notification");

    private HouseRules() {
    }

    /** The module's packages ({@code root.X..}) depend on each other without a cycle. */
    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("a package that reaches back into its user cannot be read, tested or moved on its own");
    }

    /** {@code rules/} is plain Java: evaluate(state, event) → findings, testable without a framework. */
    public static ArchRule rulesUseNoFramework(String root) {
        return noClasses().that().resideInAPackage(root + ".rules..").should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("rules are pure functions; the framework lives at the edges (STYLE.md 4)")
                .allowEmptyShould(true);
    }

    /** A store keeps data; it knows nothing of how events arrive or of the REST API. */
    public static ArchRule storesKnowNoTransport(String root) {
        return noClasses().that().resideInAPackage(root + ".store..").should().dependOnClassesThat()
                .resideInAnyPackage(root + ".ingest..", root + ".kafka..", root + ".api..")
                .because("a store is used by the transport and the API, never the other way round")
                .allowEmptyShould(true);
    }

    /** A service reaches no other service's classes: the services meet only on Kafka (and the contract). */
    public static ArchRule meetsOtherServicesOnlyOnKafka(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "kz.aifc." + s + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("kz.aifc." + service + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("each service owns its duty and its data; they meet on Kafka through the contract");
    }
}
