package kz.aifc.capital.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.CapitalComponents;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;

/** Snapshots, licences and the bundled rulebook for the rule tests. */
final class Fixtures {

    static final String FIRM = "F-0001";
    static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-11-20T17:00:00+05:00");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static ObjectNode bundledDocument() {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("rulebook.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CapitalRulebook rulebook() {
        return RulebookParser.parse(bundledDocument());
    }

    /** The bundled rulebook with an edit, as an operator's override file would make it. */
    static CapitalRulebook rulebook(Consumer<ObjectNode> edit) {
        ObjectNode doc = bundledDocument();
        edit.accept(doc);
        return RulebookParser.parse(doc);
    }

    static ObjectNode ruleParameters(ObjectNode doc, String ruleId) {
        for (var rule : doc.withArray("rules")) {
            if (ruleId.equals(rule.path("id").asText())) {
                return (ObjectNode) rule.path("parameters");
            }
        }
        throw new IllegalArgumentException(ruleId);
    }

    /** A USD snapshot whose capital resources equal {@code resources} (all in paid-up capital). */
    static CapitalSnapshot usd(String resources) {
        return snapshot(Currency.USD, "1", resources, AS_OF, null);
    }

    static CapitalSnapshot snapshot(Currency currency, String rate, String paidUp, OffsetDateTime asOf,
            String approvalRef) {
        return new CapitalSnapshot(FIRM, asOf, currency, new BigDecimal(rate),
                new CapitalComponents(new BigDecimal(paidUp), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                new BigDecimal("180000"), new BigDecimal("600000"), approvalRef);
    }

    static CapitalSnapshot withLiquidity(CapitalSnapshot s, String liquid, String aoe) {
        return new CapitalSnapshot(s.firmId(), s.asOf(), s.currency(), s.usdRate(), s.capital(),
                new BigDecimal(liquid), new BigDecimal(aoe), s.capitalReductionApprovalRef());
    }

    static LicenceChanged licence(Activity... activities) {
        return licence(LicenceStatus.ACTIVE, activities);
    }

    static LicenceChanged licence(LicenceStatus status, Activity... activities) {
        return new LicenceChanged(FIRM, "Steppe Digital Ltd", "AFSA-A-LA-2026-0001", status, List.of(activities),
                LocalDate.parse("2026-01-15"), List.of());
    }

    static CapitalFacts facts(LicenceChanged licence, CapitalSnapshot current) {
        return new CapitalFacts(FIRM, licence, current, null, null);
    }

    static Verdict verdict(List<Verdict> verdicts, String ruleId) {
        return verdicts.stream().filter(v -> v.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }
}
