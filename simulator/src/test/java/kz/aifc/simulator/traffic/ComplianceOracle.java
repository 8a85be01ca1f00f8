package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.contract.v1.TravelRule;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.FirmProfile;

/** A stricter stand-in for the services' rule triggers (DESIGN.md), to prove what fires and what never does. */
final class ComplianceOracle {

    /** One rule that would fire, and the record that would fire it. */
    record Finding(String rule, String firmId, String detail, Outgoing cause) {
    }

    private static final Set<Exposure> SEVERE = EnumSet.of(Exposure.MIXER, Exposure.DARKNET, Exposure.SANCTIONED,
            Exposure.RANSOMWARE);
    private static final Set<Role> CONTROLLED = EnumSet.of(Role.SENIOR_EXECUTIVE_OFFICER, Role.DIRECTOR,
            Role.INDEPENDENT_DIRECTOR, Role.FINANCE_OFFICER, Role.COMPLIANCE_OFFICER, Role.MLRO);
    private static final Set<Role> DATF_COMBINATION = EnumSet.of(Role.SENIOR_EXECUTIVE_OFFICER,
            Role.FINANCE_OFFICER, Role.COMPLIANCE_OFFICER, Role.MLRO, Role.CHIEF_IT_OFFICER);
    private static final BigDecimal USD_1000 = new BigDecimal("1000");
    private static final BigDecimal KZT_5M = new BigDecimal("5000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The highest amount any source suggests for an unverified activity (custody, finance.kz): be pessimistic. */
    private static final BigDecimal PESSIMISTIC_REQUIREMENT = new BigDecimal("500000");

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Map<String, StaffChange>> staff = new HashMap<>();
    private final Map<String, BigDecimal> paidUp = new HashMap<>();
    private final Map<String, List<ScreenedTransaction>> history = new HashMap<>();
    private final Map<String, FirmProfile> profiles = new LinkedHashMap<>();

    ComplianceOracle(List<String> firmIds) {
        firmIds.forEach(id -> profiles.put(id, DemoFirms.profile(id)));
    }

    List<Finding> findings() {
        return findings;
    }

    /** Feeds records in order; malformed ones are skipped as the DLQ would take them. */
    ComplianceOracle accept(List<Outgoing> records) {
        for (Outgoing o : records) {
            if (o.malformed()) {
                continue;
            }
            Object data = o.event().data();
            if (data instanceof ScreenedTransaction tx) {
                transaction(tx, o);
            } else if (data instanceof CapitalSnapshot s) {
                capital(s, o);
            } else if (data instanceof StaffChange s) {
                staff(s, o);
            } else if (data instanceof ControllerChange c) {
                controller(c, o);
            }
        }
        return this;
    }

    /** Mandatory roles without a holder right now, per firm (FP-001). */
    Map<String, List<Role>> vacancies() {
        Map<String, List<Role>> vacant = new LinkedHashMap<>();
        for (FirmProfile p : profiles.values()) {
            Map<String, StaffChange> people = staff.getOrDefault(p.id(), Map.of());
            List<Role> missing = p.mandatoryRoles().stream()
                    .filter(r -> people.values().stream().noneMatch(s -> s.roles().contains(r))).toList();
            if (!missing.isEmpty()) {
                vacant.put(p.id(), missing);
            }
        }
        return vacant;
    }

    private void transaction(ScreenedTransaction tx, Outgoing o) {
        String firm = tx.firmId();
        var s = tx.screening();
        if (Boolean.TRUE.equals(s.sanctionsHit())) {
            fire("AML-001", o, "sanctions hit " + s.sanctionsList());
        }
        if (s.exposures().stream().anyMatch(SEVERE::contains) || s.walletRiskScore() > 50) {
            fire("AML-007", o, "exposure " + s.exposures() + " risk " + s.walletRiskScore());
        }
        if (tx.direction() != Direction.TRADE && !travelRuleComplete(tx.travelRule())) {
            fire("AML-002", o, "travel rule incomplete");
        }
        Counterparty cp = tx.counterparty();
        if (cp != null) {
            if (cp.vaspId() != null && !Boolean.TRUE.equals(cp.vaspDueDiligenceCompleted())) {
                fire("AML-003", o, "VASP " + cp.vaspId() + " without due diligence");
            }
            boolean suspicion = Boolean.TRUE.equals(s.sanctionsHit()) || !s.exposures().isEmpty() || s.walletRiskScore() > 50;
            if (cp.selfHosted() && (suspicion
                    || tx.amountUsd().compareTo(USD_1000) > 0 && !Boolean.TRUE.equals(cp.ownershipVerified()))) {
                fire("AML-004", o, suspicion ? "self-hosted with a suspicion, any amount" : "self-hosted unverified");
            }
            if (cp.offshore() || Boolean.TRUE.equals(cp.anonymousAccount())) {
                fire("AML-010", o, "offshore counterparty or anonymous account");
            }
            if (cp.jurisdiction() != null && Vasps.HIGH_RISK_COUNTRIES.contains(cp.jurisdiction())) {
                fire("AML-008", o, "counterparty in " + cp.jurisdiction());
            }
        }
        var c = tx.customer();
        if (Vasps.HIGH_RISK_COUNTRIES.contains(c.residency()) && !c.eddCompleted()) {
            fire("AML-008", o, "customer in " + c.residency());
        }
        if (c.pep() && !c.eddCompleted()) {
            fire("AML-011", o, "PEP without EDD");
        }
        // aml-service counts purchases (TRADE) since H10; deposits stay in, so the oracle stays pessimistic.
        if ("KZ".equals(c.residency()) && c.retailClient() && !c.knowledgeTestPassed()
                && (tx.direction() == Direction.TRADE || tx.direction() == Direction.DEPOSIT)) {
            fire("AML-009", o, "KZ retail purchase or deposit without knowledge test");
        }
        if (inBand(tx.amountUsd(), USD_1000) || tx.amountKzt() != null && inBand(tx.amountKzt(), KZT_5M)) {
            List<ScreenedTransaction> h = history.computeIfAbsent(firm + "/" + c.id(), k -> new ArrayList<>());
            h.add(tx);
            long recent = h.stream().filter(t -> within24h(t.occurredAt(), tx.occurredAt())).count();
            if (recent >= 3) {
                fire("AML-005", o, recent + " near-threshold transfers by " + c.id());
            }
        }
        boolean inflow = tx.direction() == Direction.DEPOSIT || tx.direction() == Direction.TRANSFER_IN;
        boolean outflow = tx.direction() == Direction.WITHDRAWAL || tx.direction() == Direction.TRANSFER_OUT;
        String flowKey = firm + "/" + c.id() + "/flow";
        List<ScreenedTransaction> flows = history.computeIfAbsent(flowKey, k -> new ArrayList<>());
        if (outflow && flows.stream().anyMatch(t -> isInflow(t) && within24h(t.occurredAt(), tx.occurredAt()))) {
            fire("AML-006", o, "outflow within 24 h of an inflow by " + c.id());
        }
        if (inflow || outflow) {
            flows.add(tx);
        }
    }

    private void capital(CapitalSnapshot s, Outgoing o) {
        FirmProfile p = profiles.get(s.firmId());
        BigDecimal resources = s.capital().capitalResources().divide(s.usdRate(), 2, RoundingMode.HALF_EVEN);
        BigDecimal requirement = p.requirementUsd() != null ? p.requirementUsd() : PESSIMISTIC_REQUIREMENT;
        if (resources.compareTo(requirement) < 0) {
            fire("CAP-001", o, "resources " + resources + " < " + requirement);
        } else if (resources.compareTo(requirement.multiply(new BigDecimal("1.2"))) < 0) {
            fire("CAP-002", o, "resources " + resources + " < 120% of " + requirement);
        }
        if (s.liquidAssets().multiply(BigDecimal.valueOf(4)).compareTo(s.annualOperatingExpenditure()) < 0) {
            fire("CAP-003", o, "liquid assets under 25% of expenditure");
        }
        BigDecimal paid = s.capital().paidUpShareCapital().divide(s.usdRate(), 2, RoundingMode.HALF_EVEN);
        BigDecimal before = paidUp.put(s.firmId(), paid);
        if (before != null && paid.compareTo(before) < 0 && s.capitalReductionApprovalRef() == null) {
            fire("CAP-004", o, "paid-up capital fell");
        }
    }

    private void staff(StaffChange s, Outgoing o) {
        FirmProfile p = profiles.get(s.firmId());
        Map<String, StaffChange> people = staff.computeIfAbsent(s.firmId(), k -> new LinkedHashMap<>());
        if (s.change() == StaffChangeKind.DEPARTED) {
            people.remove(s.personId());
            for (Role r : s.roles()) {
                if (p.mandatoryRoles().contains(r) && people.values().stream().noneMatch(x -> x.roles().contains(r))) {
                    fire("FP-001", o, r + " vacant");
                }
            }
        } else {
            people.put(s.personId(), s);
        }
        if (s.change() == StaffChangeKind.DISCLOSURE || s.disclosure() != null) {
            fire("FP-004", o, "disclosure");
        }
        if (s.change() != StaffChangeKind.DEPARTED) {
            if (s.roles().stream().anyMatch(CONTROLLED::contains) && s.afsaApproval() != AfsaApproval.APPROVED) {
                fire("FP-002", o, "controlled function without approval");
            }
            if (s.roles().contains(Role.MLRO) && (!s.residentInKazakhstan() || s.seniority() == Seniority.OTHER)) {
                fire("FP-003", o, "MLRO residency or seniority");
            }
            if (p.isDatf() && s.roles().stream().filter(DATF_COMBINATION::contains).count() > 1) {
                fire("FP-006", o, "DATF roles combined");
            }
        }
        if (p.isDatf()) {
            long board = people.values().stream()
                    .filter(x -> x.roles().contains(Role.DIRECTOR) || x.roles().contains(Role.INDEPENDENT_DIRECTOR))
                    .count();
            long independent = people.values().stream().filter(x -> x.roles().contains(Role.INDEPENDENT_DIRECTOR))
                    .count();
            if (board > 0 && independent * 3 < board) {
                fire("FP-007", o, independent + " of " + board + " directors independent");
            }
        }
    }

    private void controller(ControllerChange c, Outgoing o) {
        for (int threshold : new int[] {10, 30, 50}) {
            BigDecimal t = BigDecimal.valueOf(threshold);
            if (c.previousHoldingPct().compareTo(t) < 0 && c.newHoldingPct().compareTo(t) >= 0
                    && c.afsaApproval() != AfsaApproval.APPROVED) {
                fire("FP-008", o, c.controllerId() + " crosses " + threshold + "% without approval");
            }
        }
        if (c.previousHoldingPct().compareTo(BigDecimal.valueOf(50)) > 0
                && c.newHoldingPct().compareTo(BigDecimal.valueOf(50)) <= 0) {
            fire("FP-008", o, c.controllerId() + " falls to 50% or less");
        }
        if (c.type() == CustomerType.NATURAL && c.newHoldingPct().compareTo(BigDecimal.TEN) > 0
                && !c.sourceOfWealthEvidence()) {
            fire("FP-009", o, c.controllerId() + " without source-of-wealth evidence");
        }
        if (c.newHoldingPct().compareTo(HUNDRED) > 0) {
            fire("FP-008", o, "over 100%");
        }
    }

    private static boolean travelRuleComplete(TravelRule t) {
        return t != null && present(t.originatorName()) && present(t.originatorWallet())
                && present(t.originatorIdentifier()) && present(t.beneficiaryName()) && present(t.beneficiaryWallet());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** 80-100% of a threshold (AML-005). */
    private static boolean inBand(BigDecimal amount, BigDecimal threshold) {
        return amount.compareTo(threshold.multiply(new BigDecimal("0.8"))) >= 0 && amount.compareTo(threshold) <= 0;
    }

    private static boolean isInflow(ScreenedTransaction t) {
        return t.direction() == Direction.DEPOSIT || t.direction() == Direction.TRANSFER_IN;
    }

    private static boolean within24h(OffsetDateTime earlier, OffsetDateTime later) {
        return !later.isBefore(earlier) && Duration.between(earlier, later).compareTo(Duration.ofHours(24)) <= 0;
    }

    private void fire(String rule, Outgoing o, String detail) {
        findings.add(new Finding(rule, o.firmId(), detail, o));
    }
}
