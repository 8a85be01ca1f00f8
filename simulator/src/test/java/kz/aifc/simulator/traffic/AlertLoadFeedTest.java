package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.FirmProfile;
import org.junit.jupiter.api.Test;

/** notification-service's benchmark traffic: alerts of every duty and severity, a share of them resolved later. */
class AlertLoadFeedTest {

    private static final List<FirmProfile> FIRMS = DemoFirms.profiles(
            IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("F-%04d", i)).toList());

    @Test
    void shouldRaiseNewAlertsOfEveryDutyAndResolveTheShareLaterOnTheSameFirmsKey() {
        Settings base = Runs.settings(Scenario.LOAD_ALERTS, ContentMode.BINARY, 0);
        Settings settings = new Settings(base.source(), base.runTag(), base.seed(), base.mode(), base.kztPerUsd(),
                base.start(), base.step(), 0, 1, base.snapshotEvery(), base.staffEvery(), base.controllerEvery(), 0.3,
                null);
        List<Outgoing> records = Runs.drain(Scenario.LOAD_ALERTS.feed(settings, FIRMS), 20_000);

        assertThat(records).hasSize(20_000).allSatisfy(o -> assertThat(o.topic()).isEqualTo(Topics.COMPLIANCE_ALERTS));
        Map<String, Integer> raisedAt = new HashMap<>();
        int resolved = 0;
        for (int i = 0; i < records.size(); i++) {
            Object data = records.get(i).event().data();
            if (data instanceof AlertRaised a) {
                assertThat(raisedAt.put(a.alertId(), i)).as("alert id %s raised once", a.alertId()).isNull();
                assertThat(records.get(i).firmId()).isEqualTo(a.firmId());
            } else {
                AlertResolved r = (AlertResolved) data;
                assertThat(raisedAt).as("resolution of %s after its raise", r.alertId()).containsKey(r.alertId());
                assertThat(i - raisedAt.get(r.alertId())).isGreaterThanOrEqualTo(AlertLoadFeed.RESOLVE_AFTER_MIN);
                assertThat(records.get(i).firmId()).as("on the key of the raise").isEqualTo(r.firmId());
                resolved++;
            }
        }
        assertThat((double) resolved / raisedAt.size()).as("share of raises resolved").isBetween(0.25, 0.35);
        Map<Duty, Long> duties = records.stream().filter(o -> o.event().data() instanceof AlertRaised)
                .collect(Collectors.groupingBy(o -> ((AlertRaised) o.event().data()).duty(), Collectors.counting()));
        assertThat(duties.keySet()).containsExactlyInAnyOrder(Duty.values());
        assertThat(duties.get(Duty.AML)).as("most alerts from AML screening").isGreaterThan(raisedAt.size() / 2L);
        assertThat(records.stream().filter(o -> o.event().data() instanceof AlertRaised)
                .map(o -> ((AlertRaised) o.event().data()).severity()).distinct())
                .containsExactlyInAnyOrder(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM);
    }

    /** The benchmark's alerts read as the services' own: each rule's title, severity and citation from its rulebook. */
    @Test
    void shouldRaiseEachRuleWithTheTitleSeverityAndCitationOfItsServicesRulebook() throws IOException {
        Map<String, JsonNode> rulebook = new HashMap<>();
        for (String service : List.of("aml-service", "capital-service", "licensing-service")) {
            Path file = Path.of("..", service, "src/main/resources/rulebook.json");
            new ObjectMapper().readTree(Files.readString(file)).path("rules")
                    .forEach(rule -> rulebook.put(rule.path("id").asText(), rule));
        }
        Settings settings = Runs.settings(Scenario.LOAD_ALERTS, ContentMode.BINARY, 0);
        Map<String, AlertRaised> byRule = new TreeMap<>();
        for (Outgoing o : Runs.drain(Scenario.LOAD_ALERTS.feed(settings, FIRMS), 5_000)) {
            if (o.event().data() instanceof AlertRaised a) {
                byRule.putIfAbsent(a.ruleId(), a);
            }
        }
        assertThat(byRule).hasSizeGreaterThan(10);
        byRule.forEach((ruleId, a) -> {
            JsonNode rule = rulebook.get(ruleId);
            assertThat(rule).as("%s in a rulebook", ruleId).isNotNull();
            assertThat(a.title()).as(ruleId).isEqualTo(rule.path("title").asText());
            assertThat(a.severity().name()).as(ruleId).isEqualTo(rule.path("severity").asText());
            assertThat(a.citation()).as(ruleId).isEqualTo(rule.path("citation").asText());
        });
    }
}

