package kz.aifc.licensing.rules;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Disclosure;
import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.platform.time.BusinessCalendar;

/** The bundled rulebook and small builders for people, controllers and events. */
final class Fixtures {

    static final String FIRM = "F-0001";
    /** Friday 20 Nov 2026, 10:00 Almaty. */
    static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private Fixtures() {
    }

    static FitAndProperRulebook rulebook() {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("rulebook.json")) {
            return RulebookParser.parse(new ObjectMapper().readTree(in));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static FitAndProperRules rules() {
        return new FitAndProperRules(rulebook(), BusinessCalendar.kazakhstan());
    }

    static PersonState approved(String id, Role... roles) {
        return new PersonState(id, "Person " + id, StaffChangeKind.APPOINTED, Set.of(roles), AfsaApproval.APPROVED, true,
                Seniority.SENIOR_MANAGER, DAY);
    }

    static PersonState with(PersonState p, AfsaApproval approval) {
        return new PersonState(p.personId(), p.fullName(), p.lastChange(), p.roles(), approval, p.resident(), p.seniority(),
                p.effectiveDate());
    }

    static PersonState departed(PersonState p) {
        return new PersonState(p.personId(), p.fullName(), StaffChangeKind.DEPARTED, p.roles(), p.approval(), p.resident(),
                p.seniority(), p.effectiveDate());
    }

    /** A firm with every mandatory role of a non-DATF firm held by approved people. */
    static List<PersonState> fullTeam() {
        return List.of(approved("P-1", Role.SENIOR_EXECUTIVE_OFFICER), approved("P-2", Role.FINANCE_OFFICER),
                approved("P-3", Role.COMPLIANCE_OFFICER), approved("P-4", Role.MLRO), approved("P-5", Role.DEPUTY_MLRO));
    }

    static FirmFacts firm(boolean datf, List<PersonState> people) {
        return new FirmFacts(FIRM, datf, people, List.of(), Set.of());
    }

    static FirmFacts firm(List<ControllerState> controllers) {
        return new FirmFacts(FIRM, false, fullTeam(), controllers, Set.of());
    }

    static StaffChange disclosure(DisclosureKind kind) {
        return new StaffChange(FIRM, "P-4", "Aigerim Example", StaffChangeKind.DISCLOSURE, List.of(Role.MLRO),
                AfsaApproval.APPROVED, true, Seniority.SENIOR_MANAGER,
                new Disclosure(kind, LocalDate.of(2026, 11, 18), "details"), DAY);
    }

    static ControllerChange control(String id, CustomerType type, String from, String to, AfsaApproval approval,
            boolean sow) {
        return new ControllerChange(FIRM, id, "Holder " + id, type, new BigDecimal(from), new BigDecimal(to), approval,
                sow, DAY);
    }

    /** A completed change of K-3 with AFSA approval APPROVED dated {@code approvedOn} (null: undated). */
    static ControllerChange approvedOn(String from, String to, LocalDate approvedOn) {
        return new ControllerChange(FIRM, "K-3", "Holder K-3", CustomerType.LEGAL, new BigDecimal(from),
                new BigDecimal(to), AfsaApproval.APPROVED, true, DAY, null, approvedOn);
    }

    /** A proposed change of a legal-entity controller (GEN 3.3.1), planned for {@code on}. */
    static ControllerChange proposed(String id, String from, String to, LocalDate on) {
        return new ControllerChange(FIRM, id, "Holder " + id, CustomerType.LEGAL, new BigDecimal(from),
                new BigDecimal(to), AfsaApproval.NONE, true, on, true);
    }

    static ControllerState controller(String id, CustomerType type, String pct, boolean sow, String... pending) {
        TreeSet<BigDecimal> p = new TreeSet<>();
        for (String s : pending) {
            p.add(new BigDecimal(s));
        }
        return new ControllerState(id, "Holder " + id, type, new BigDecimal(pct), AfsaApproval.NONE, sow, p, DAY, null);
    }
}
