package kz.aifc.deploy.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays, each rendered once per test run. */
final class Overlays {

    static final String SINGLE_FIRM = "single-firm";
    static final String MULTI_FIRM = "multi-firm";

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();
    private static volatile Boolean kubectl;

    private Overlays() {
    }

    static Stream<String> names() {
        return Stream.of(SINGLE_FIRM, MULTI_FIRM);
    }

    /** Skips the calling test when kubectl is absent. */
    static void assumeKubectl() {
        if (kubectl == null) {
            kubectl = Rendered.kubectlAvailable();
        }
        assumeTrue(kubectl, "kubectl is not installed: the manifests cannot be rendered here");
    }

    static Rendered render(String overlay) {
        assumeKubectl();
        return RENDERED.computeIfAbsent(overlay, o -> Rendered.kustomize(Repo.overlay(o)));
    }
}
