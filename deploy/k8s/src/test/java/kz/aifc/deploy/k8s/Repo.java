package kz.aifc.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository the tests read: the overlays, the services' configuration, the local broker script. */
final class Repo {

    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    private Repo() {
    }

    private static Path root() {
        String configured = System.getProperty("aifc.repo.root");
        Path start = (configured != null ? Path.of(configured) : Path.of("")).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s/overlays")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + start);
    }

    static Path overlay(String name) {
        return K8S.resolve("overlays").resolve(name);
    }
}
