package kz.aifc.licensing.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.FirmFacts;
import kz.aifc.licensing.rules.FitAndProperRules;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.platform.store.Jdbc;
import kz.aifc.testing.LocalStackResource;

/**
 * A poll re-evaluates each firm from the facts {@link FirmRecords} keeps current in memory; they must stay what a full
 * re-derivation gives: the firm's last state of each person and controller in id order, and the rows read back once
 * written.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class FirmRecordsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 20, 5, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    Jdbc jdbc;

    @Inject
    FitAndProperRules rules;

    @Test
    void shouldKeepEachFirmsFactsEqualToAFullReDerivationAndToTheRowsReadBack() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> firms = List.of("FR-" + tag + "-A", "FR-" + tag + "-B");
        SplittableRandom rnd = new SplittableRandom(7);
        QuarkusTransaction.requiringNew().run(() -> {
            LicenceChanged licence = new LicenceChanged(firms.get(0), "Firm A", "L-" + tag, LicenceStatus.ACTIVE,
                    List.of(Activity.DATF_OPERATOR), DAY, List.of("a condition"));
            Licence.register(licence, AT);
            Panache.getEntityManager().flush();

            FirmRecords records = FirmRecords.of(jdbc, firms);
            assertThat(records.licence(firms.get(0))).contains(licence);
            assertThat(records.licence(firms.get(1))).isEmpty();
            Map<String, TreeMap<String, PersonState>> people = Map.of(firms.get(0), new TreeMap<>(), firms.get(1),
                    new TreeMap<>());
            Map<String, TreeMap<String, ControllerState>> controllers = Map.of(firms.get(0), new TreeMap<>(),
                    firms.get(1), new TreeMap<>());
            for (int step = 0; step < 300; step++) {
                String firm = firms.get(rnd.nextInt(2));
                if (rnd.nextBoolean()) {
                    PersonState p = person(rnd);
                    records.record(firm, p, AT);
                    people.get(firm).put(p.personId(), p);
                } else {
                    String id = "K-" + rnd.nextInt(4);
                    ControllerState before = records.controller(firm, id).orElse(null);
                    ControllerState after = rules.apply(before, controllerChange(firm, id, before, rnd));
                    records.record(firm, after, AT);
                    controllers.get(firm).put(id, after);
                }
                // The facts a re-evaluation reads now, against the firm re-derived from every change so far.
                assertThat(records.people(firm)).isEqualTo(List.copyOf(people.get(firm).values()));
                assertThat(records.controllers(firm)).containsExactlyElementsOf(
                        controllers.get(firm).values().stream().map(FirmRecordsTest::asRead).toList());
                if (rnd.nextInt(25) == 0) {
                    assertReadBackEqual(records, firms);
                }
            }
            assertReadBackEqual(records, firms);
        });
    }

    /** Writes what changed and reads the firms afresh: the same facts, so the same findings. */
    private void assertReadBackEqual(FirmRecords records, List<String> firms) {
        records.write();
        FirmRecords read = FirmRecords.of(jdbc, firms);
        for (String firm : firms) {
            assertThat(read.people(firm)).isEqualTo(records.people(firm));
            assertThat(read.controllers(firm)).isEqualTo(records.controllers(firm));
            assertThat(read.licence(firm)).isEqualTo(records.licence(firm));
            FirmFacts kept = new FirmFacts(firm, true, records.people(firm), records.controllers(firm), Set.of());
            FirmFacts fresh = new FirmFacts(firm, true, read.people(firm), read.controllers(firm), Set.of());
            assertThat(rules.evaluate(kept, AT.toInstant())).isEqualTo(rules.evaluate(fresh, AT.toInstant()));
        }
    }

    /** A person appointed, departed or changed, a few ids over and over so most changes replace an earlier one. */
    private static PersonState person(SplittableRandom rnd) {
        Role[] all = Role.values();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            roles.add(all[rnd.nextInt(all.length)]);
        }
        StaffChangeKind[] kinds = {StaffChangeKind.APPOINTED, StaffChangeKind.DEPARTED, StaffChangeKind.ROLES_CHANGED};
        AfsaApproval[] approvals = AfsaApproval.values();
        Seniority[] seniorities = Seniority.values();
        String id = "P-" + rnd.nextInt(12);
        return new PersonState(id, "Person " + id, kinds[rnd.nextInt(kinds.length)], roles,
                approvals[rnd.nextInt(approvals.length)], rnd.nextBoolean(), seniorities[rnd.nextInt(seniorities.length)],
                DAY.plusDays(rnd.nextInt(30)));
    }

    /** A holding moved by a step written with two decimals (as an event may carry it), now and then approved. */
    private static ControllerChange controllerChange(String firm, String id, ControllerState before,
            SplittableRandom rnd) {
        BigDecimal previous = before == null ? BigDecimal.ZERO : before.holdingPct();
        BigDecimal next = new BigDecimal(rnd.nextInt(0, 6000)).movePointLeft(2);
        AfsaApproval approval = rnd.nextInt(5) == 0 ? AfsaApproval.APPROVED : AfsaApproval.NONE;
        LocalDate approvedOn = approval == AfsaApproval.APPROVED && rnd.nextBoolean() ? DAY.minusYears(2) : null;
        return new ControllerChange(firm, id, "Holder " + id, rnd.nextBoolean() ? CustomerType.NATURAL
                : CustomerType.LEGAL, previous, next, approval, rnd.nextBoolean(), DAY, false, approvedOn);
    }

    /** A controller as the database gives it back: the holding without trailing zeros. */
    private static ControllerState asRead(ControllerState c) {
        return new ControllerState(c.controllerId(), c.name(), c.type(), c.holdingPct().stripTrailingZeros(),
                c.approval(), c.sourceOfWealthEvidence(), new TreeSet<>(c.pendingThresholds()),
                c.effectiveDate(), c.approvalDate());
    }
}
