package kz.aifc.licensing.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Disclosure;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.rules.Rule;

/**
 * FP-001 … FP-009 as pure functions of a firm's facts (standing rules) or of one event (disclosures, control
 * decreases). No framework, no clock: the caller passes the moment of detection.
 */
public final class FitAndProperRules {

    private final FitAndProperRulebook book;
    private final BusinessCalendar calendar;

    public FitAndProperRules(FitAndProperRulebook book, BusinessCalendar calendar) {
        this.book = book;
        this.calendar = calendar;
    }

    public FitAndProperRulebook rulebook() {
        return book;
    }

    /** Every standing finding of the firm now: FP-001, 002, 003, 006, 007, 008 (unapproved crossings), 009. */
    public List<Finding<Obligation>> evaluate(FirmFacts facts, Instant now) {
        List<Finding<Obligation>> out = new ArrayList<>();
        out.addAll(vacancies(facts, now));
        out.addAll(unapprovedControlledFunctions(facts, now));
        out.addAll(mlroEligibility(facts, now));
        out.addAll(combinedDatfRoles(facts, now));
        out.addAll(boardIndependence(facts, now));
        out.addAll(unapprovedControl(facts, now));
        out.addAll(sourceOfWealth(facts, now));
        return out;
    }

    /** FP-001 (GEN 2.1.1, AML 13.1.2, DAA 2.3.1): each mandatory role held, at all times, by a qualifying person. */
    public List<Finding<Obligation>> vacancies(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-001");
        // A firm that has reported no staff yet is a data gap, not five vacancies at once (e.g. right after licensing).
        if (!inForce(rule, now) || facts.people().isEmpty()) {
            return List.of();
        }
        List<Finding<Obligation>> out = new ArrayList<>();
        for (MandatoryRole mandatory : book.mandatoryRoles()) {
            if (mandatory.datfOnly() && !facts.datf()) {
                continue;
            }
            Role role = mandatory.role();
            // Loops, not streams: this runs for every role of the firm after each of its events.
            List<PersonState> holders = new ArrayList<>();
            boolean filled = false;
            for (PersonState p : facts.people()) {
                if (p.holds(role)) {
                    holders.add(p);
                    filled |= !mandatory.requiresApproval() || p.approved();
                }
            }
            if (filled) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("role", role.name());
            evidence.put("roleCitation", mandatory.citation());
            evidence.put("requiresApproval", mandatory.requiresApproval());
            evidence.put("holdersWithoutApproval", holders.stream()
                    .map(p -> p.personId() + " (" + p.approval() + ")").toList());
            Optional<PersonState> left = facts.people().stream()
                    .filter(p -> !p.current() && p.roles().contains(role))
                    .max(Comparator.comparing(PersonState::effectiveDate));
            left.ifPresent(p -> {
                evidence.put("departedPersonId", p.personId());
                evidence.put("departedFullName", p.fullName());
                evidence.put("departedOn", p.effectiveDate().toString());
            });
            evidence.put("notificationPeriod", book.vacancyNotice().toString());
            evidence.put("notificationPeriodConfidence", "unverified");
            String who = left.map(p -> " since " + p.fullName() + " (" + p.personId() + ") left on " + p.effectiveDate())
                    .orElse("");
            String detail = label(role) + " is vacant" + who + (holders.isEmpty() ? ""
                    : "; current holders lack AFSA approval: " + evidence.get("holdersWithoutApproval"))
                    + ". " + mandatory.citation() + " requires it to be held at all times"
                    + (mandatory.requiresApproval() ? " by an Approved Individual." : ".");
            out.add(new Finding<>(rule, rule.id() + ":" + facts.firmId() + ":" + role.name(), facts.firmId(),
                    rule.title() + ": " + label(role), detail, evidence, book.vacancyNotice().after(now, calendar),
                    rule.deadlineBasis(), new Obligation(NotificationKind.DEPARTURE, true)));
        }
        return out;
    }

    /** FP-002 (GEN 2.2.5-1): a controlled function is performed only by an Approved Individual. */
    public List<Finding<Obligation>> unapprovedControlledFunctions(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-002");
        if (!inForce(rule, now)) {
            return List.of();
        }
        List<Finding<Obligation>> out = new ArrayList<>();
        for (PersonState p : facts.people()) {
            // Most of a firm's people are former staff: they are passed over before their roles are looked at.
            if (!p.current() || p.approved()) {
                continue;
            }
            Set<Role> controlled = p.roles().stream().filter(book.controlledFunctions()::contains)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            if (controlled.isEmpty()) {
                continue;
            }
            Map<String, Object> evidence = person(p);
            evidence.put("controlledFunctions", names(controlled));
            out.add(new Finding<>(rule, rule.id() + ":" + facts.firmId() + ":" + p.personId(), facts.firmId(),
                    rule.title(), p.fullName() + " (" + p.personId() + ") holds " + labels(controlled)
                            + " with AFSA approval " + p.approval() + "; a Controlled Function needs approval APPROVED.",
                    evidence, null, rule.deadlineBasis(), new Obligation(NotificationKind.APPOINTMENT, true)));
        }
        return out;
    }

    /** FP-003 (AML 13.1.1, 13.1.3): the MLRO is resident in Kazakhstan and of the required seniority. */
    public List<Finding<Obligation>> mlroEligibility(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-003");
        if (!inForce(rule, now)) {
            return List.of();
        }
        List<Finding<Obligation>> out = new ArrayList<>();
        for (PersonState p : facts.people()) {
            if (!p.holds(Role.MLRO)) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (book.mlroResidencyRequired() && !p.resident()) {
                problems.add("not resident in the Republic of Kazakhstan");
            }
            if (!p.seniorityIn(book.mlroSeniority())) {
                problems.add("seniority " + p.seniority() + " is not one of " + new TreeSet<>(names(book.mlroSeniority())));
            }
            if (problems.isEmpty()) {
                continue;
            }
            Map<String, Object> evidence = person(p);
            evidence.put("problems", problems);
            out.add(new Finding<>(rule, rule.id() + ":" + facts.firmId() + ":" + p.personId(), facts.firmId(),
                    rule.title(), "MLRO " + p.fullName() + " (" + p.personId() + ") is " + String.join(" and ", problems) + ".",
                    evidence, null, rule.deadlineBasis(), new Obligation(NotificationKind.MATERIAL_MATTER, true)));
        }
        return out;
    }

    /** FP-004 (FSFR s.43(3), GEN 6.2.3(a)) and FP-005 (F&P Guidance 5.4): a disclosure starts a notice clock. */
    public List<Finding<Obligation>> disclosure(StaffChange event, Instant now) {
        Disclosure d = event.disclosure();
        if (event.change() != StaffChangeKind.DISCLOSURE || d == null) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("personId", event.personId());
        evidence.put("fullName", event.fullName());
        evidence.put("roles", names(event.roles()));
        evidence.put("disclosureKind", d.kind().name());
        evidence.put("occurredOn", d.occurredOn().toString());
        evidence.put("details", d.details());
        Instant occurred = d.occurredOn().atStartOfDay(BusinessCalendar.ALMATY).toInstant();
        if (book.unfitnessKinds().contains(d.kind())) {
            Rule rule = book.rule("FP-004");
            if (!inForce(rule, now)) {
                return List.of();
            }
            OffsetDateTime due = book.unfitnessFirmNotice().after(now, calendar);
            evidence.put("individualNoticeDeadline", book.unfitnessIndividualNotice().after(occurred, calendar).toString());
            evidence.put("firmNoticeRule", "GEN 6.2.3(a): immediately (interpretation, not rule text: modelled as "
                    + book.unfitnessFirmNotice() + ", the end of the business day of detection)");
            return withCalendarGap(new Finding<>(rule, rule.id() + ":" + event.firmId() + ":" + event.personId() + ":" + d.kind() + ":"
                    + d.occurredOn(), event.firmId(), rule.title() + ": " + label(d.kind().name()),
                    event.fullName() + " (" + event.personId() + ", " + labels(event.roles()) + ") disclosed "
                            + label(d.kind().name()).toLowerCase() + " on " + d.occurredOn() + ": " + d.details()
                            + ". Under FSFR s.43(3) the person is presumed not fit and proper.",
                    evidence, due, rule.deadlineBasis() + book.unfitnessFirmNotice().calendarCaveat(due, calendar),
                    new Obligation(NotificationKind.UNFITNESS_EVENT, false)), book.unfitnessFirmNotice());
        }
        if (book.materialChangeKinds().contains(d.kind())) {
            Rule rule = book.rule("FP-005");
            if (!inForce(rule, now)) {
                return List.of();
            }
            OffsetDateTime due = book.materialChangeNotice().after(occurred, calendar);
            return withCalendarGap(new Finding<>(rule, rule.id() + ":" + event.firmId() + ":" + event.personId() + ":"
                    + d.occurredOn(), event.firmId(), rule.title(), event.fullName() + " (" + event.personId()
                            + ") disclosed a material change on " + d.occurredOn() + ": " + d.details() + ".",
                    evidence, due, rule.deadlineBasis() + book.materialChangeNotice().calendarCaveat(due, calendar),
                    new Obligation(NotificationKind.MATERIAL_MATTER, false)), book.materialChangeNotice());
        }
        return List.of();
    }

    /**
     * The finding, and FP-010 (internal) when its deadline was counted in business days in a year the calendar does
     * not cover: the desk sees a configuration alert instead of a deadline silently counted on weekends only.
     */
    List<Finding<Obligation>> withCalendarGap(Finding<Obligation> f, Days period) {
        if (!period.business() || f.deadline() == null || calendar.isCovered(f.deadline().toLocalDate())) {
            return List.of(f);
        }
        Rule rule = book.rule("FP-010");
        int year = f.deadline().getYear();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("year", year);
        evidence.put("affectedAlertId", f.alertId());
        evidence.put("affectedDeadline", f.deadline().toString());
        return List.of(f, new Finding<>(rule, rule.id() + ":" + f.firmId() + ":" + year, f.firmId(), rule.title(),
                "The Kazakhstan business calendar has no days off for " + year + ", so the deadline of " + f.alertId()
                        + " (" + f.ruleId() + "), " + f.deadline() + ", was counted on weekends only. Add " + year
                        + " to the calendar file (aifc.calendar.location) or to the bundled calendar/kz-days-off.json.",
                evidence, null, null, new Obligation(null, false)));
    }

    /** FP-006 (DAA 2.3.1(4)): two of a DATF's roles in 2.3.1(1) are not combined in one person without AFSA approval. */
    public List<Finding<Obligation>> combinedDatfRoles(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-006");
        if (!facts.datf() || !inForce(rule, now)) {
            return List.of();
        }
        List<Finding<Obligation>> out = new ArrayList<>();
        for (PersonState p : facts.people()) {
            if (!p.current() || facts.approvedCombinations().contains(p.personId())) {
                continue;
            }
            Set<Role> combined = p.roles().stream().filter(book.datfCombinedRoles()::contains)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            if (combined.size() < 2) {
                continue;
            }
            Map<String, Object> evidence = person(p);
            evidence.put("combinedRoles", names(combined));
            evidence.put("approvalSource", "configured per firm and person (the staff event has no combination-approval field)");
            out.add(new Finding<>(rule, rule.id() + ":" + facts.firmId() + ":" + p.personId(), facts.firmId(),
                    rule.title(), p.fullName() + " (" + p.personId() + ") combines " + labels(combined)
                            + " at a DATF operator with no AFSA written approval on record.",
                    evidence, null, rule.deadlineBasis(), new Obligation(NotificationKind.MATERIAL_MATTER, true)));
        }
        return out;
    }

    /** FP-007 (DAA 2.3.2(1), from 1 Jan 2025): at least one third of a DATF's board is independent. */
    public List<Finding<Obligation>> boardIndependence(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-007");
        if (!facts.datf() || !inForce(rule, now)) {
            return List.of();
        }
        List<PersonState> board = new ArrayList<>();
        long independent = 0;
        for (PersonState p : facts.people()) {
            if (p.holds(Role.DIRECTOR) || p.holds(Role.INDEPENDENT_DIRECTOR)) {
                board.add(p);
                independent += p.holds(Role.INDEPENDENT_DIRECTOR) ? 1 : 0;
            }
        }
        // No board reported yet is a data gap, not a breach of the ratio.
        if (board.isEmpty()
                || independent * book.boardIndependentDenominator() >= (long) board.size() * book.boardIndependentNumerator()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("boardSize", board.size());
        evidence.put("independentDirectors", independent);
        evidence.put("minimumFraction", book.boardIndependentNumerator() + "/" + book.boardIndependentDenominator());
        evidence.put("directors", board.stream().map(PersonState::personId).sorted().toList());
        return List.of(new Finding<>(rule, rule.id() + ":" + facts.firmId(), facts.firmId(), rule.title(),
                independent + " of " + board.size() + " directors are independent; DAA 2.3.2(1) requires at least "
                        + book.boardIndependentNumerator() + "/" + book.boardIndependentDenominator() + ".",
                evidence, null, rule.deadlineBasis(), new Obligation(NotificationKind.MATERIAL_MATTER, true)));
    }

    /**
     * The controller after a change (FP-008): thresholds crossed upward without approval join the pending set,
     * an approval clears it, and a fall back below a threshold removes that threshold.
     */
    public ControllerState apply(ControllerState before, ControllerChange e) {
        TreeSet<BigDecimal> pending = new TreeSet<>(before == null ? Set.of() : before.pendingThresholds());
        if (e.afsaApproval() == AfsaApproval.APPROVED && expiredOn(e.approvalDate(), e.effectiveDate()) == null) {
            pending.clear();
        } else {
            for (BigDecimal t : thresholds()) {
                if (e.previousHoldingPct().compareTo(t) < 0 && e.newHoldingPct().compareTo(t) >= 0) {
                    pending.add(t);
                }
            }
        }
        pending.removeIf(t -> e.newHoldingPct().compareTo(t) < 0);
        return new ControllerState(e.controllerId(), e.name(), e.type(), e.newHoldingPct(), e.afsaApproval(),
                e.sourceOfWealthEvidence(), pending, e.effectiveDate(), e.approvalDate());
    }

    /**
     * The day an approval dated {@code approvedOn} had expired by a change effective {@code effective}: an approval
     * is valid for one year (GEN 3.2.3(1)), its first anniversary included; null while it is valid or undated.
     */
    LocalDate expiredOn(LocalDate approvedOn, LocalDate effective) {
        if (approvedOn == null) {
            return null;
        }
        LocalDate expired = approvedOn.plus(book.approvalValidity()).plusDays(1);
        return effective.isBefore(expired) ? null : expired;
    }

    /** FP-008 (GEN 3.2, 3.3; G1): a controller that crossed a threshold upward and still lacks AFSA approval. */
    public List<Finding<Obligation>> unapprovedControl(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-008");
        if (!inForce(rule, now)) {
            return List.of();
        }
        List<Finding<Obligation>> out = new ArrayList<>();
        for (ControllerState c : facts.controllers()) {
            if (c.pendingThresholds().isEmpty()) {
                continue;
            }
            BigDecimal highest = c.pendingThresholds().last();
            Map<String, Object> evidence = controller(c);
            evidence.put("thresholdsCrossedWithoutApproval", c.pendingThresholds().stream().map(BigDecimal::toPlainString).toList());
            evidence.put("controllerThresholdPct", book.controllerThresholdPct().toPlainString());
            evidence.put("controllerThresholdConfidence", "unverified");
            evidence.put("afsaDecisionPeriod", book.controlDecision().toString());
            String what = highest.compareTo(book.controllerThresholdPct()) == 0
                    ? "became a Controller (" + highest.toPlainString() + "% or more, threshold unverified)"
                    : "crossed " + highest.toPlainString() + "%";
            LocalDate expired = c.approval() == AfsaApproval.APPROVED ? expiredOn(c.approvalDate(), c.effectiveDate()) : null;
            String approval = "AFSA approval " + c.approval();
            if (expired != null) {
                approval += " of " + c.approvalDate() + ", which had expired on " + expired
                        + " (an approval is valid for one year, GEN 3.2.3(1))";
                evidence.put("approvalDate", c.approvalDate().toString());
                evidence.put("approvalExpiredOn", expired.toString());
            }
            // Prior approval was due before the change took effect, so the deadline is its effective date.
            OffsetDateTime due = c.effectiveDate().atStartOfDay(BusinessCalendar.ALMATY).toOffsetDateTime();
            out.add(new Finding<>(rule, rule.id() + ":" + facts.firmId() + ":" + c.controllerId(), facts.firmId(), rule.title(), c.name() + " (" + c.controllerId() + ") " + what + " on " + c.effectiveDate()
                            + ", now holding " + c.holdingPct().toPlainString() + "%, with " + approval
                            + "; prior approval was required.",
                    evidence, due, rule.deadlineBasis(), new Obligation(NotificationKind.CHANGE_IN_CONTROL, true)));
        }
        return out;
    }

    /**
     * FP-008 decrease (GEN 3.3.1, H4): a Controller that "proposes to" cease being one, or to go from above 50% to
     * 50% or less, notifies AFSA before the change. The finding fires on the proposal ({@code proposed}), due by the
     * start of the effective date; a change reported only once made is flagged as already late.
     */
    public Optional<Finding<Obligation>> decreaseNotice(ControllerChange e, Instant now) {
        Rule rule = book.rule("FP-008");
        if (!inForce(rule, now)) {
            return Optional.empty();
        }
        BigDecimal from = book.decreaseNoticeFromPct();
        BigDecimal ctl = book.controllerThresholdPct();
        String what;
        if (e.previousHoldingPct().compareTo(from) > 0 && e.newHoldingPct().compareTo(from) <= 0) {
            what = (e.proposes() ? "proposes to go" : "went") + " from above " + from.toPlainString() + "% to "
                    + e.newHoldingPct().toPlainString() + "%";
        } else if (e.previousHoldingPct().compareTo(ctl) >= 0 && e.newHoldingPct().compareTo(ctl) < 0) {
            what = (e.proposes() ? "proposes to cease" : "ceased") + " to be a Controller ("
                    + e.newHoldingPct().toPlainString() + "%, below the unverified " + ctl.toPlainString() + "% threshold)";
        } else {
            return Optional.empty();
        }
        // "Before the change": due by the start of its effective date; a change reported once made is already late.
        OffsetDateTime due = e.effectiveDate().atStartOfDay(BusinessCalendar.ALMATY).toOffsetDateTime();
        boolean late = !e.proposes() || !due.toInstant().isAfter(now);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("controllerId", e.controllerId());
        evidence.put("name", e.name());
        evidence.put("type", e.type().name());
        evidence.put("previousHoldingPct", e.previousHoldingPct().toPlainString());
        evidence.put("newHoldingPct", e.newHoldingPct().toPlainString());
        evidence.put("effectiveDate", e.effectiveDate().toString());
        evidence.put("proposed", e.proposes());
        evidence.put("noticeLate", late);
        Rule notice = new Rule(rule.id(), rule.title(), book.controlNoticeSeverity(), "AIFC GEN 3.3.1",
                rule.confidence(), rule.effectiveFrom(), rule.effectiveTo(), false, rule.fires(), rule.resolvedWhen(),
                rule.deadline(), rule.parameters());
        String detail = e.name() + " (" + e.controllerId() + ") " + what + " on " + e.effectiveDate() + ". GEN 3.3.1 "
                + "asks the Controller to notify AFSA when it proposes the change, before it is made; no approval is "
                + "needed." + (!late ? ""
                        : e.proposes() ? " The proposal arrived on or after the effective date: the notice is late."
                                : " The change was reported only once made: the notice is already late.");
        return Optional.of(new Finding<>(notice, rule.id() + ":" + e.firmId() + ":" + e.controllerId() + ":NOTICE:"
                + e.effectiveDate(), e.firmId(), "Change in control: decrease notice " + (late ? "late" : "due"),
                detail, evidence, due, "GEN 3.3.1: notify AFSA before a Controller ceases to be one or goes from above "
                        + "50% to 50% or less (\"proposes to\"). Interpretation, not rule text: due by the start of "
                        + "the effective date (Asia/Almaty); the text sets no number of days.",
                new Obligation(NotificationKind.CHANGE_IN_CONTROL, false)));
    }

    /** FP-009 (F&P Guidance 6.1(g)): natural-person controllers above 10% evidence their source of wealth. */
    public List<Finding<Obligation>> sourceOfWealth(FirmFacts facts, Instant now) {
        Rule rule = book.rule("FP-009");
        if (!inForce(rule, now)) {
            return List.of();
        }
        List<Finding<Obligation>> out = new ArrayList<>();
        for (ControllerState c : facts.controllers()) {
            if (c.type() != CustomerType.NATURAL || c.sourceOfWealthEvidence()
                    || c.holdingPct().compareTo(book.sourceOfWealthAbovePct()) <= 0) {
                continue;
            }
            out.add(new Finding<>(rule, rule.id() + ":" + facts.firmId() + ":" + c.controllerId(), facts.firmId(), rule.title(), c.name() + " (" + c.controllerId() + ") holds " + c.holdingPct().toPlainString()
                            + "% (more than " + book.sourceOfWealthAbovePct().toPlainString()
                            + "%) with no source-of-wealth evidence on record.",
                    controller(c), null, rule.deadlineBasis(), new Obligation(NotificationKind.CHANGE_IN_CONTROL, true)));
        }
        return out;
    }

    private List<BigDecimal> thresholds() {
        TreeSet<BigDecimal> all = new TreeSet<>(book.approvalThresholdsPct());
        all.add(book.controllerThresholdPct());
        return List.copyOf(all);
    }

    private boolean inForce(Rule rule, Instant now) {
        return rule.inForce(LocalDate.ofInstant(now, BusinessCalendar.ALMATY));
    }

    private static Map<String, Object> person(PersonState p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", p.personId());
        m.put("fullName", p.fullName());
        m.put("roles", names(p.roles()));
        m.put("afsaApproval", p.approval().name());
        m.put("residentInKazakhstan", p.resident());
        m.put("seniority", p.seniority().name());
        return m;
    }

    private static Map<String, Object> controller(ControllerState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("controllerId", c.controllerId());
        m.put("name", c.name());
        m.put("type", c.type().name());
        m.put("holdingPct", c.holdingPct().toPlainString());
        m.put("afsaApproval", c.approval().name());
        m.put("sourceOfWealthEvidence", c.sourceOfWealthEvidence());
        m.put("effectiveDate", c.effectiveDate().toString());
        return m;
    }

    private static List<String> names(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static String labels(java.util.Collection<Role> roles) {
        return roles.stream().sorted().map(r -> label(r.name())).collect(Collectors.joining(", "));
    }

    static String label(Role role) {
        return label(role.name());
    }

    static String label(String constant) {
        if (constant.equals("MLRO") || constant.equals("DEPUTY_MLRO")) {
            return constant.replace("_", " ").replace("DEPUTY", "Deputy");
        }
        String s = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
