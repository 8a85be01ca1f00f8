package kz.aifc.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/k8s/add-firm.sh adds a firm's four lanes and user to a copy of the multi-firm overlay. */
class AddFirmScriptTest {

    @TempDir
    Path tmp;

    @Test
    void addsLanesAndUserAndRefusesADuplicate() throws Exception {
        Overlays.assumeKubectl();
        // a copy of deploy/k8s with the same layout, so the overlay's ../../base resolves
        Path k8s = tmp.resolve("k8s");
        copy(Repo.K8S.resolve("base"), k8s.resolve("base"));
        copy(Repo.K8S.resolve("firm"), k8s.resolve("firm"));
        copy(Repo.overlay(Overlays.MULTI_FIRM), k8s.resolve("overlays/multi-firm"));
        Files.copy(Repo.K8S.resolve("add-firm.sh"), k8s.resolve("add-firm.sh"));

        assertThat(run(k8s, "overlays/multi-firm", "F-0099")).isZero();
        Rendered r = Rendered.kustomize(k8s.resolve("overlays/multi-firm"));
        JsonNode user = r.get("KafkaUser", "firm-f-0099");
        assertThat(user.at("/spec/authorization/acls").findValuesAsText("name")).containsExactlyInAnyOrder(
                "aifc.capital.snapshots.firm.F-0099", "aifc.transactions.screened.firm.F-0099",
                "aifc.staff.changes.firm.F-0099", "aifc.controllers.changes.firm.F-0099");
        assertThat(r.get("KafkaTopic", "aifc.transactions.screened.firm.f-0099").at("/spec/partitions").asInt())
                .isEqualTo(6);
        assertThat(new CrdSchemas().validate(user)).isEmpty();

        assertThat(run(k8s, "overlays/multi-firm", "f-0099")).as("same firm, other case").isEqualTo(1);
        assertThat(run(k8s, "overlays/multi-firm", "F_0099")).as("not a usable id").isEqualTo(2);
    }

    private static int run(Path k8s, String overlay, String firm) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", k8s.resolve("add-firm.sh").toString(), k8s.resolve(overlay).toString(),
                firm).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return p.exitValue();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
