package kz.aifc.simulator.firms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;

/** A firm the simulator plays; a {@code clean} one never gets incidents or malformed records, so any alert is false. */
public record FirmProfile(
        String id,
        String name,
        String licenceNumber,
        List<Activity> activities,
        LocalDate licensedSince,
        List<String> conditions,
        BigDecimal requirementUsd,
        CapitalPlan capital,
        List<Person> roster,
        List<Stake> controllers,
        Business business,
        boolean clean) {

    public FirmProfile {
        activities = List.copyOf(activities);
        conditions = List.copyOf(conditions);
        roster = List.copyOf(roster);
        controllers = List.copyOf(controllers);
    }

    public boolean isDatf() {
        return activities.contains(Activity.DATF_OPERATOR);
    }

    /** The licence as licensing-service registers it ({@code POST /licences} takes the same fields). */
    public LicenceChanged licence() {
        return new LicenceChanged(id, name, licenceNumber, LicenceStatus.ACTIVE, activities, licensedSince,
                conditions);
    }

    /** Roles that must be held at all times for this firm (GEN 2.1.1, AML 13.1.2, DAA 2.3.1 for a DATF). */
    public List<Role> mandatoryRoles() {
        return isDatf()
                ? List.of(Role.SENIOR_EXECUTIVE_OFFICER, Role.FINANCE_OFFICER, Role.COMPLIANCE_OFFICER, Role.MLRO,
                        Role.DEPUTY_MLRO, Role.CHIEF_IT_OFFICER)
                : List.of(Role.SENIOR_EXECUTIVE_OFFICER, Role.FINANCE_OFFICER, Role.COMPLIANCE_OFFICER, Role.MLRO,
                        Role.DEPUTY_MLRO);
    }
}
