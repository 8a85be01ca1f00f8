package kz.aifc.aml.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Customer;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.TravelRule;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.rules.Rule;

/**
 * AML-001 … AML-014 as pure functions: {@link #evaluate} adds a transaction to the customer's history and answers
 * what it triggers; {@link #overdueDecision} judges an open case against the clock; {@link #resolution} and
 * {@link #settledByDecision} say when an alert is over. No framework, no I/O.
 */
public final class AmlRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Transfers into the customer's account: what a rapid in-and-out (AML-006) starts with. */
    public static final Set<Direction> INFLOWS = Collections.unmodifiableSet(
            EnumSet.of(Direction.DEPOSIT, Direction.TRANSFER_IN));
    /** Transfers out of it: what AML-006 sums after an inflow. */
    public static final Set<Direction> OUTFLOWS = Collections.unmodifiableSet(
            EnumSet.of(Direction.WITHDRAWAL, Direction.TRANSFER_OUT));
    private static final Set<String> CURED_BY_EDD = Set.of("AML-008", "AML-011");
    private static final Set<String> CURED_BY_TEST = Set.of("AML-009");
    private static final Set<String> CURED_BY_EDD_AND_TEST = Set.of("AML-008", "AML-009", "AML-011");

    private final AmlRulebook book;
    private final BusinessCalendar calendar;
    private final AlertIds alertIds;

    /** Structuring band edges, precomputed: the band test runs for every transfer. */
    private final BigDecimal[] usdBand;
    private final BigDecimal[] kztBand;

    public AmlRules(AmlRulebook book, BusinessCalendar calendar, AlertIds alertIds) {
        this.book = book;
        this.calendar = calendar;
        this.alertIds = alertIds;
        this.usdBand = band(book, book.structuringThresholdUsd());
        this.kztBand = band(book, book.structuringThresholdKzt());
    }

    private static BigDecimal[] band(AmlRulebook book, BigDecimal threshold) {
        return new BigDecimal[] {threshold.multiply(book.structuringBandLowPct()).divide(HUNDRED),
                threshold.multiply(book.structuringBandHighPct()).divide(HUNDRED)};
    }

    public AmlRulebook rulebook() {
        return book;
    }

    /** The compact form of an event's transaction, as the history and the database keep it. */
    public static Tx compact(String eventKey, ScreenedTransaction t) {
        return new Tx(eventKey, t.transactionId(), t.occurredAt().toInstant(), t.direction(), t.amountUsd(),
                t.amountKzt());
    }

    /**
     * Whether a window rule can ever look at this transaction again: a transfer in a structuring band (AML-005), an
     * inflow large enough to start a rapid in-and-out (AML-006) or any outflow (it adds to one). Trades and small
     * deposits are evaluated when they arrive but not kept, which is most of what a customer history would hold.
     */
    public boolean keeps(Tx tx) {
        if (OUTFLOWS.contains(tx.direction())) {
            return true;
        }
        if (!INFLOWS.contains(tx.direction())) {
            return false;
        }
        return tx.amountUsd().signum() > 0 && tx.amountUsd().compareTo(book.rapidInOutMinDepositUsd()) >= 0
                || inBand(tx.amountUsd(), usdBand) || inBand(tx.amountKzt(), kztBand);
    }

    /**
     * Whether the customer's stored windows can change what the window rules find for {@code t}, knowing when the
     * customer's latest stored inflow and outflow occurred (null: none stored). False only when they provably cannot,
     * so that a customer not in memory is read from the database only when it matters:
     * <ul>
     * <li>a trade enters no window;</li>
     * <li>a transfer in a structuring band (AML-005) is judged against every transfer around it: always read;</li>
     * <li>an inflow outside the bands opens an AML-006 window that only an outflow at or after it can fill;</li>
     * <li>an outflow outside the bands adds to the AML-006 windows of inflows at most {@code rapidInOutWindow}
     * before it.</li>
     * </ul>
     */
    public boolean readsStoredWindow(ScreenedTransaction t, Instant latestInflow, Instant latestOutflow) {
        if (t.direction() == Direction.TRADE) {
            return false;
        }
        if (inBand(t.amountUsd(), usdBand) || inBand(t.amountKzt(), kztBand)) {
            return true;
        }
        Instant at = t.occurredAt().toInstant();
        if (INFLOWS.contains(t.direction())) {
            return latestOutflow != null && !latestOutflow.isBefore(at.truncatedTo(ChronoUnit.MICROS));
        }
        return latestInflow != null
                && !latestInflow.isBefore(at.minus(book.rapidInOutWindow()).truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Whether AML-009 will read the customer's Almaty-month total for this transaction: a purchase of digital assets
     * (the rulebook's {@code retailPurchaseDirections}, a TRADE) by a KZ-resident retail client who has not passed the
     * knowledge test (cooperation rules 3.1.1-3.1.3; AFSA's guidance counts only purchases in the Centre, H10).
     */
    public boolean needsMonthTotal(ScreenedTransaction t) {
        Customer c = t.customer();
        return "KZ".equals(c.residency()) && Boolean.TRUE.equals(c.retailClient())
                && !Boolean.TRUE.equals(c.knowledgeTestPassed())
                && book.retailPurchaseDirections().contains(t.direction());
    }

    /**
     * Records the transaction in the customer's history (state transition) and evaluates every rule in force on the
     * transaction's Almaty date. {@code detectedAt} is the processing time, used for "immediately" deadlines.
     */
    public List<Finding<Suspicion>> evaluate(CustomerHistory history, String eventKey, ScreenedTransaction t,
            OffsetDateTime detectedAt) {
        Tx tx = compact(eventKey, t);
        if (keeps(tx)) {
            history.add(tx);
        }
        // Month totals are kept up once restored, or while AML-009 judges the customer (the pipeline restores them
        // before it does); for anyone else they would be read from the database the day they are needed.
        if (book.retailPurchaseDirections().contains(t.direction())
                && (history.monthsKnown() || needsMonthTotal(t))) {
            history.addDeposit(tx.occurredAt(), t.amountUsd());
        }
        List<Finding<Suspicion>> out = new ArrayList<>();
        LocalDate day = t.occurredAt().atZoneSameInstant(CustomerHistory.ALMATY).toLocalDate();
        if (inForce("AML-001", day)) {
            sanctionsHit(t, eventKey, detectedAt, out);
        }
        if (inForce("AML-002", day)) {
            travelRule(t, eventKey, out);
        }
        if (inForce("AML-003", day)) {
            vaspDueDiligence(t, eventKey, out);
        }
        if (inForce("AML-004", day)) {
            selfHosted(t, eventKey, out);
        }
        if (inForce("AML-005", day)) {
            structuring(history, t, tx, detectedAt, out);
        }
        if (inForce("AML-006", day)) {
            rapidInOut(history, t, tx, detectedAt, out);
        }
        if (inForce("AML-007", day)) {
            exposure(t, eventKey, detectedAt, out);
        }
        if (inForce("AML-008", day)) {
            highRiskJurisdiction(t, eventKey, day, out);
        }
        if (inForce("AML-009", day)) {
            retailLimit(history, t, tx, out);
        }
        if (inForce("AML-010", day)) {
            offshoreThreshold(t, eventKey, out);
        }
        if (inForce("AML-011", day)) {
            pepWithoutEdd(t, eventKey, out);
        }
        history.prune(book.longestWindow().multipliedBy(2));
        return out;
    }

    /** AML-012 (AML 13.8.1 "without delay"): an open case older than the configured decision time. */
    public Finding<Suspicion> overdueDecision(String firmId, String caseId, String customerId, Instant openedAt, Instant now) {
        Instant due = openedAt.plus(book.caseDecisionTime());
        if (now.isBefore(due)) {
            return null;
        }
        return finding("AML-012", "AML-012:" + firmId + ":" + caseId, firmId, customerId,
                "Case " + caseId + " opened at " + openedAt.atZone(CustomerHistory.ALMATY).toOffsetDateTime()
                        + " has no MLRO decision after " + book.caseDecisionTime() + " (AML 13.8.1: without delay).",
                evidence("caseId", caseId, "openedAt", openedAt.toString(), "decisionTime",
                        book.caseDecisionTime().toString()),
                List.of(), List.of(), due.atZone(CustomerHistory.ALMATY).toOffsetDateTime(),
                "MLRO decides without delay (AML 13.8.1); configured decision time " + book.caseDecisionTime()
                        + " (unverified)", false);
    }

    /**
     * The AFSA notices a filed STR makes due, as findings of the case (not suspicions: they open no case):
     * <ul>
     * <li>AML-013 (DAA 2.13.1(b)), a DATF operator only: "immediately report to the AFSA any suspected ... money
     * laundering ... in writing"; due at the decision (the rule does not say from when "immediately" runs: an
     * interpretation, labelled so in the rulebook's basis);</li>
     * <li>AML-014 (AML 13.8.1(c)), every firm: the MLRO "promptly notifies the AFSA"; due {@code afsaNoticeTime}
     * after the decision (unverified, configurable).</li>
     * </ul>
     * Both end when the MLRO marks the case's AFSA notice sent.
     */
    public List<Finding<Suspicion>> afsaNoticesAfterStr(String firmId, String caseId, String customerId,
            boolean datfOperator, OffsetDateTime decidedAt) {
        LocalDate day = decidedAt.atZoneSameInstant(CustomerHistory.ALMATY).toLocalDate();
        List<Finding<Suspicion>> out = new ArrayList<>();
        if (datfOperator && inForce("AML-013", day)) {
            out.add(finding("AML-013", "AML-013:" + firmId + ":" + caseId, firmId, customerId,
                    "The MLRO decided to file an STR on case " + caseId + " of DATF operator " + firmId
                            + ": report the suspected money laundering to AFSA immediately, in writing, with full "
                            + "details (DAA 2.13.1(b)).",
                    evidence("caseId", caseId, "decidedAt", decidedAt.toString(), "datfOperator", true),
                    List.of(), List.of(), decidedAt, book.rule("AML-013").deadlineBasis(), false));
        }
        if (inForce("AML-014", day)) {
            out.add(finding("AML-014", "AML-014:" + firmId + ":" + caseId, firmId, customerId,
                    "The MLRO decided to file an STR on case " + caseId + ": notify AFSA promptly (AML 13.8.1(c)).",
                    evidence("caseId", caseId, "decidedAt", decidedAt.toString(), "afsaNoticeTime",
                            book.afsaNoticeTime().toString()),
                    List.of(), List.of(), decidedAt.plus(book.afsaNoticeTime()),
                    book.rule("AML-014").deadlineBasis() + "; configured time " + book.afsaNoticeTime()
                            + " (unverified)", false));
        }
        return out;
    }

    /**
     * Which customer-level breaches a transaction shows cured: enhanced due diligence completed cures AML-008 (AML
     * 12.2) and AML-011 (EDD for PEPs); the knowledge test passed cures AML-009 (cooperation rules 3.1.1–3.1.3, the
     * limit applies "unless the client passes" it). Other changes (a PEP no longer flagged, a client reclassified) do
     * not count as a cure.
     */
    public static Set<String> cures(ScreenedTransaction t) {
        Customer c = t.customer();
        boolean edd = Boolean.TRUE.equals(c.eddCompleted());
        boolean tested = Boolean.TRUE.equals(c.knowledgeTestPassed());
        if (edd && tested) {
            return CURED_BY_EDD_AND_TEST;
        }
        return edd ? CURED_BY_EDD : tested ? CURED_BY_TEST : Set.of();
    }

    /**
     * Why an open customer-level breach is over, or null while it is not: {@code t}, a transaction of the same
     * customer that occurred after the breach was last shown, shows it cured ({@link #cures}). A transaction that
     * occurred earlier (delivered late) says nothing about the customer after the breach.
     */
    public String resolution(OpenBreach open, ScreenedTransaction t) {
        if (!t.occurredAt().toInstant().isAfter(open.lastShownAt()) || !cures(t).contains(open.ruleId())) {
            return null;
        }
        String what = "AML-009".equals(open.ruleId()) ? "passed the knowledge test"
                : "has enhanced due diligence completed";
        return "Customer " + t.customer().id() + " " + what + " as of transaction " + t.transactionId() + " at "
                + t.occurredAt() + " (" + book.rule(open.ruleId()).citation() + ").";
    }

    /**
     * Whether the MLRO's decision on a case discharges an alert of this rule: a case-opening rule whose only deadline
     * is the decision itself (AML 13.8.1, "without delay"), and AML-012, the overdue decision. A rule with a deadline
     * of its own (AML-001: freeze, report, notify immediately, AML 12.1) stays open for the team to resolve.
     */
    public boolean settledByDecision(String ruleId) {
        Rule spec = book.rule(ruleId);
        return "AML-012".equals(ruleId) || (spec.opensCase() && spec.deadlineBasis() == null);
    }

    /** An open customer-level alert (AML-008, AML-009, AML-011) and when a transaction last showed its breach. */
    public record OpenBreach(String alertId, String ruleId, Instant lastShownAt) {
    }

    /** AML-001 (AML 12.1.1–12.1.3): any sanctions hit, attempted transactions included; due immediately. */
    void sanctionsHit(ScreenedTransaction t, String eventKey, OffsetDateTime detectedAt, List<Finding<Suspicion>> out) {
        if (!Boolean.TRUE.equals(t.screening().sanctionsHit())) {
            return;
        }
        String list = t.screening().sanctionsList() == null ? "a sanctions list" : t.screening().sanctionsList();
        out.add(perTransaction("AML-001", t, eventKey,
                "Transaction " + t.transactionId() + " of customer " + t.customer().id() + " matched " + list
                        + ": freeze without delay, report to the FIU (attempted transactions included) and notify AFSA.",
                evidence("sanctionsList", list, "matchScore", plain(t.screening().matchScore()),
                        "amountUsd", plain(t.amountUsd()), "direction", t.direction().name()),
                detectedAt, book.rule("AML-001").deadlineBasis(), true));
    }

    /**
     * AML-002 (AML 11-1.1(3) from USD 1,000; 11-1.1(4) below it): the Travel Rule set of a transfer "involving
     * natural persons". A transfer involves one when the customer is a natural person or the counterparty's person
     * is, or is not known to be a legal entity ({@code counterparty.personType} absent: as before the field existed);
     * a legal-entity customer's transfer with a counterparty known to be a legal entity is outside both sets.
     */
    void travelRule(ScreenedTransaction t, String eventKey, List<Finding<Suspicion>> out) {
        if (t.direction() == Direction.TRADE || !involvesNaturalPerson(t)) {
            return;
        }
        boolean full = t.amountUsd().compareTo(book.travelRuleThresholdUsd()) >= 0;
        TravelRule tr = t.travelRule();
        List<String> missing = new ArrayList<>();
        check(missing, "originatorName", tr == null ? null : tr.originatorName());
        check(missing, "originatorWallet", tr == null ? null : tr.originatorWallet());
        if (full) {
            check(missing, "originatorIdentifier", tr == null ? null : tr.originatorIdentifier());
        }
        check(missing, "beneficiaryName", tr == null ? null : tr.beneficiaryName());
        check(missing, "beneficiaryWallet", tr == null ? null : tr.beneficiaryWallet());
        if (missing.isEmpty()) {
            return;
        }
        String basis = full ? "AML 11-1.1(3)" : "AML 11-1.1(4)";
        out.add(perTransaction("AML-002", t, eventKey,
                "Transfer " + t.transactionId() + " of USD " + plain(t.amountUsd()) + " lacks Travel Rule data "
                        + missing + " required by " + basis + ".",
                evidence("missing", missing, "basis", basis, "amountUsd", plain(t.amountUsd()),
                        "thresholdUsd", plain(book.travelRuleThresholdUsd()), "customerType",
                        t.customer().type().name(), "counterpartyPersonType", t.counterparty() == null
                                || t.counterparty().personType() == null ? null
                                : t.counterparty().personType().name()),
                null, null, false));
    }

    private static boolean involvesNaturalPerson(ScreenedTransaction t) {
        return t.customer().type() == CustomerType.NATURAL || t.counterparty() == null
                || t.counterparty().personType() != CustomerType.LEGAL;
    }

    /** AML-003 (AML 11-2.1): due diligence on the counterparty VASP before transferring. */
    void vaspDueDiligence(ScreenedTransaction t, String eventKey, List<Finding<Suspicion>> out) {
        Counterparty c = t.counterparty();
        if (t.direction() == Direction.TRADE || c == null || Boolean.TRUE.equals(c.selfHosted())
                || Boolean.TRUE.equals(c.vaspDueDiligenceCompleted())) {
            return;
        }
        String vasp = c.vaspId() != null ? c.vaspId() : c.name() != null ? c.name() : c.wallet();
        out.add(perTransaction("AML-003", t, eventKey,
                "Transfer " + t.transactionId() + " with VASP " + vasp + " whose due diligence is not completed.",
                evidence("vaspId", c.vaspId(), "counterparty", c.name(), "vaspDueDiligenceCompleted",
                        c.vaspDueDiligenceCompleted()),
                null, null, false));
    }

    /**
     * AML-004 (AML 11-1.2(2)): a transfer to or from a self-hosted wallet "exceeds USD 1,000 or there is a suspicion":
     * adequate measures on a risk-sensitive basis. Above the amount, while the wallet's ownership is not verified (the
     * ownership check is the guidance's measure); with a suspicion, whatever the amount and the ownership check. A
     * suspicion is what the event itself flags: a sanctions hit, any exposure category, or a wallet risk score above
     * AML-007's limit. Constant work per event.
     */
    void selfHosted(ScreenedTransaction t, String eventKey, List<Finding<Suspicion>> out) {
        Counterparty c = t.counterparty();
        if (c == null || !Boolean.TRUE.equals(c.selfHosted())) {
            return;
        }
        List<String> suspicion = selfHostedSuspicion(t);
        boolean aboveUnverified = !Boolean.TRUE.equals(c.ownershipVerified())
                && t.amountUsd().compareTo(book.selfHostedThresholdUsd()) > 0;
        if (suspicion.isEmpty() && !aboveUnverified) {
            return;
        }
        String why = aboveUnverified ? "of USD " + plain(t.amountUsd()) + " whose ownership is not verified"
                : "of USD " + plain(t.amountUsd()) + " with a suspicion " + suspicion;
        if (aboveUnverified && !suspicion.isEmpty()) {
            why += ", and a suspicion " + suspicion;
        }
        out.add(perTransaction("AML-004", t, eventKey,
                "Transfer " + t.transactionId() + " with self-hosted wallet " + c.wallet() + " " + why
                        + ": adequate measures on a risk-sensitive basis (AML 11-1.2(2)).",
                evidence("wallet", c.wallet(), "amountUsd", plain(t.amountUsd()),
                        "thresholdUsd", plain(book.selfHostedThresholdUsd()),
                        "ownershipVerified", c.ownershipVerified(),
                        "basis", aboveUnverified ? (suspicion.isEmpty() ? "amount" : "amount and suspicion")
                                : "suspicion",
                        "suspicion", suspicion.isEmpty() ? null : suspicion),
                null, null, false));
    }

    /** What in the event itself is a suspicion for AML-004: a sanctions hit, an exposure, a high wallet risk score. */
    private List<String> selfHostedSuspicion(ScreenedTransaction t) {
        List<String> flags = new ArrayList<>(2);
        if (Boolean.TRUE.equals(t.screening().sanctionsHit())) {
            flags.add("sanctionsHit");
        }
        for (Exposure e : t.screening().exposures()) {
            flags.add("exposure " + e.name());
        }
        Integer score = t.screening().walletRiskScore();
        if (score != null && score > book.walletRiskScoreLimit()) {
            flags.add("walletRiskScore " + score);
        }
        return flags;
    }

    /**
     * AML-005 (FATF 2020 red flags): at least N transfers of one customer within the window, each in the band just
     * below a threshold (low % inclusive, high % exclusive), together above it — for USD 1,000 and KZT 5,000,000.
     */
    void structuring(CustomerHistory h, ScreenedTransaction t, Tx current, OffsetDateTime detectedAt,
            List<Finding<Suspicion>> out) {
        if (t.direction() == Direction.TRADE) {
            return;
        }
        structuringIn(h, t, current, "USD", book.structuringThresholdUsd(), usdBand, Tx::amountUsd, detectedAt, out);
        structuringIn(h, t, current, "KZT", book.structuringThresholdKzt(), kztBand, Tx::amountKzt, detectedAt, out);
    }

    private void structuringIn(CustomerHistory h, ScreenedTransaction t, Tx current, String currency,
            BigDecimal threshold, BigDecimal[] band, Function<Tx, BigDecimal> amount, OffsetDateTime detectedAt,
            List<Finding<Suspicion>> out) {
        if (!inBand(amount.apply(current), band)) {
            return;
        }
        Instant from = current.occurredAt().minus(book.structuringWindow());
        Instant to = current.occurredAt().plus(book.structuringWindow());
        List<Tx> inBand = new ArrayList<>();
        for (Tx x : h.recent()) {
            if (x.direction() != Direction.TRADE && !x.occurredAt().isBefore(from) && !x.occurredAt().isAfter(to)
                    && inBand(amount.apply(x), band)) {
                inBand.add(x);
            }
        }
        // The largest group within one window that contains the current transfer.
        List<Tx> best = null;
        BigDecimal bestSum = null;
        for (int i = 0; i < inBand.size(); i++) {
            Tx first = inBand.get(i);
            if (first.occurredAt().isAfter(current.occurredAt())) {
                break;
            }
            Instant end = first.occurredAt().plus(book.structuringWindow());
            if (current.occurredAt().isAfter(end)) {
                continue;
            }
            List<Tx> group = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int j = i; j < inBand.size() && !inBand.get(j).occurredAt().isAfter(end); j++) {
                group.add(inBand.get(j));
                sum = sum.add(amount.apply(inBand.get(j)));
            }
            if (group.size() >= book.structuringMinCount() && sum.compareTo(threshold) > 0
                    && (best == null || group.size() > best.size())) {
                best = group;
                bestSum = sum;
            }
        }
        if (best == null) {
            return;
        }
        List<String> ids = best.stream().map(Tx::transactionId).toList();
        out.add(finding("AML-005",
                "AML-005:" + t.firmId() + ":" + t.customer().id() + ":" + currency + ":" + best.get(0).transactionId(),
                t.firmId(), t.customer().id(),
                best.size() + " transfers of customer " + t.customer().id() + " within "
                        + book.structuringWindow() + ", each just below " + currency + " " + plain(threshold)
                        + ", together " + currency + " " + plain(bestSum) + ": possible structuring.",
                evidence("currency", currency, "threshold", plain(threshold), "count", best.size(),
                        "total", plain(bestSum), "transactions", ids, "window", book.structuringWindow().toString()),
                best.stream().map(Tx::eventKey).toList(), ids, caseDeadline(detectedAt), caseBasis(), true));
    }

    private static boolean inBand(BigDecimal value, BigDecimal[] band) {
        return value != null && value.compareTo(band[0]) >= 0 && value.compareTo(band[1]) < 0;
    }

    /**
     * AML-006 (FATF 2020 red flags): withdrawals of at least the set share of a deposit within the window after it.
     * The breach is the deposit and its withdrawals, oldest first, up to the moment they reach the share; a later
     * withdrawal adds nothing to it and raises nothing again (for a customer who trades all day, one withdrawal
     * would otherwise refresh the alert of every deposit of the day before it). A withdrawal that arrives late, dated
     * before that moment, is part of the breach and updates it. Withdrawals of the same instant count together.
     */
    void rapidInOut(CustomerHistory h, ScreenedTransaction t, Tx current, OffsetDateTime detectedAt,
            List<Finding<Suspicion>> out) {
        if (!INFLOWS.contains(current.direction()) && !OUTFLOWS.contains(current.direction())) {
            return;
        }
        for (Tx deposit : h.recent()) {
            if (!INFLOWS.contains(deposit.direction()) || deposit.amountUsd().signum() <= 0
                    || deposit.amountUsd().compareTo(book.rapidInOutMinDepositUsd()) < 0) {
                continue;
            }
            Instant end = deposit.occurredAt().plus(book.rapidInOutWindow());
            boolean touches = deposit == current || (OUTFLOWS.contains(current.direction())
                    && !current.occurredAt().isBefore(deposit.occurredAt()) && !current.occurredAt().isAfter(end));
            if (!touches) {
                continue;
            }
            BigDecimal needed = deposit.amountUsd().multiply(book.rapidInOutPct()).divide(HUNDRED);
            List<Tx> withdrawals = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            Instant reached = null;
            for (Tx w : h.recent()) {
                if (!OUTFLOWS.contains(w.direction()) || w.occurredAt().isBefore(deposit.occurredAt())
                        || w.occurredAt().isAfter(end)) {
                    continue;
                }
                if (reached != null && w.occurredAt().isAfter(reached)) {
                    break;
                }
                withdrawals.add(w);
                sum = sum.add(w.amountUsd());
                if (reached == null && sum.compareTo(needed) >= 0) {
                    reached = w.occurredAt();
                }
            }
            if (reached == null || deposit != current && current.occurredAt().isAfter(reached)) {
                continue;
            }
            List<Tx> all = new ArrayList<>();
            all.add(deposit);
            all.addAll(withdrawals);
            List<String> ids = all.stream().map(Tx::transactionId).toList();
            out.add(finding("AML-006",
                    "AML-006:" + t.firmId() + ":" + t.customer().id() + ":" + deposit.transactionId(),
                    t.firmId(), t.customer().id(),
                    "Deposit " + deposit.transactionId() + " of USD " + plain(deposit.amountUsd()) + " by customer "
                            + t.customer().id() + " was followed within " + book.rapidInOutWindow()
                            + " by withdrawals of USD " + plain(sum) + " (" + percent(sum, deposit.amountUsd()) + "%).",
                    evidence("deposit", deposit.transactionId(), "depositUsd", plain(deposit.amountUsd()),
                            "withdrawnUsd", plain(sum), "withdrawals",
                            withdrawals.stream().map(Tx::transactionId).toList()),
                    all.stream().map(Tx::eventKey).toList(), ids, caseDeadline(detectedAt), caseBasis(), true));
        }
    }

    /** AML-007 (FATF 2020 red flags): exposure to mixers, darknet, sanctioned or ransomware wallets, or a high score. */
    void exposure(ScreenedTransaction t, String eventKey, OffsetDateTime detectedAt, List<Finding<Suspicion>> out) {
        Set<Exposure> severe = new TreeSet<>(t.screening().exposures());
        severe.retainAll(book.severeExposures());
        Integer score = t.screening().walletRiskScore();
        boolean highScore = score != null && score > book.walletRiskScoreLimit();
        if (severe.isEmpty() && !highScore) {
            return;
        }
        String why = !severe.isEmpty() ? "exposure to " + severe : "wallet risk score " + score + " above "
                + book.walletRiskScoreLimit();
        out.add(perTransaction("AML-007", t, eventKey,
                "Transaction " + t.transactionId() + " of customer " + t.customer().id() + " has " + why + ".",
                evidence("exposures", severe.stream().map(Enum::name).toList(), "walletRiskScore", score,
                        "walletRiskScoreLimit", book.walletRiskScoreLimit()),
                caseDeadline(detectedAt), caseBasis(), true));
    }

    /** AML-008 (AML 12.2): customer or counterparty in a listed high-risk jurisdiction without EDD. */
    void highRiskJurisdiction(ScreenedTransaction t, String eventKey, LocalDate day, List<Finding<Suspicion>> out) {
        Customer customer = t.customer();
        if (Boolean.TRUE.equals(customer.eddCompleted())) {
            return;
        }
        Set<String> countries = new TreeSet<>();
        countries.add(customer.residency());
        if (t.counterparty() != null && t.counterparty().jurisdiction() != null) {
            countries.add(t.counterparty().jurisdiction());
        }
        for (String country : countries) {
            AmlRulebook.JurisdictionList list = book.listNaming(country, day);
            if (list == null) {
                continue;
            }
            String who = country.equals(customer.residency()) ? "Customer " + customer.id() + " resides"
                    : "The counterparty of " + t.transactionId() + " is";
            out.add(finding("AML-008", "AML-008:" + t.firmId() + ":" + customer.id() + ":" + country,
                    t.firmId(), customer.id(),
                    who + " in " + country + " (" + list.list() + ", as of " + list.effectiveFrom()
                            + ") and enhanced due diligence is not completed.",
                    evidence("country", country, "list", list.list(), "listAsOf",
                            list.effectiveFrom().toString(), "listConfidence", list.confidence()),
                    List.of(eventKey), List.of(t.transactionId()), null, null, false));
        }
    }

    /**
     * AML-009 (cooperation rules 3.1.1–3.1.3, DAA 3.1.1): a KZ-resident retail client without the knowledge test may
     * not deposit more than USD 1,000 in a calendar month; AFSA's guidance counts "only purchase transactions of
     * Digital Assets in the jurisdiction of the Centre" (domain-facts H10), so the month total sums the client's
     * purchases (trades on the firm), not its deposits.
     */
    void retailLimit(CustomerHistory h, ScreenedTransaction t, Tx current, List<Finding<Suspicion>> out) {
        if (!needsMonthTotal(t)) {
            return;
        }
        Customer c = t.customer();
        YearMonth month = YearMonth.from(current.occurredAt().atZone(CustomerHistory.ALMATY));
        BigDecimal total = h.depositsIn(month);
        if (total.compareTo(book.retailMonthlyDepositLimitUsd()) <= 0) {
            return;
        }
        out.add(finding("AML-009", "AML-009:" + t.firmId() + ":" + c.id() + ":" + month,
                t.firmId(), c.id(),
                "KZ-resident retail client " + c.id() + " bought digital assets for USD " + plain(total) + " in "
                        + month + " (limit USD " + plain(book.retailMonthlyDepositLimitUsd())
                        + ") without passing the knowledge test; purchase " + t.transactionId() + " should be blocked.",
                evidence("month", month.toString(), "monthPurchasesUsd", plain(total),
                        "limitUsd", plain(book.retailMonthlyDepositLimitUsd())),
                List.of(current.eventKey()), List.of(t.transactionId()), null, null, false));
    }

    /**
     * AML-010 (Law 191-IV Art. 4(1), 10(2)): threshold operations, reported by the next business day: KZT 5,000,000
     * or more with an offshore counterparty, and KZT 5,000,000 or more from or to an anonymous account
     * ({@code counterparty.anonymousAccount}). Both rest on a translation of the law (secondary, domain-facts H11).
     */
    void offshoreThreshold(ScreenedTransaction t, String eventKey, List<Finding<Suspicion>> out) {
        Counterparty c = t.counterparty();
        if (c == null || t.amountKzt() == null) {
            return;
        }
        boolean offshore = Boolean.TRUE.equals(c.offshore())
                && t.amountKzt().compareTo(book.offshoreThresholdKzt()) >= 0;
        boolean anonymous = Boolean.TRUE.equals(c.anonymousAccount())
                && t.amountKzt().compareTo(book.anonymousAccountThresholdKzt()) >= 0;
        if (!offshore && !anonymous) {
            return;
        }
        List<String> grounds = new ArrayList<>(2);
        if (offshore) {
            grounds.add("offshore counterparty");
        }
        if (anonymous) {
            grounds.add("anonymous account");
        }
        OffsetDateTime due = calendar.deadline(t.occurredAt().toInstant(), book.thresholdReportBusinessDays());
        boolean covered = calendar.isCovered(due.toLocalDate());
        String who = c.name() != null ? c.name() : c.wallet();
        out.add(perTransaction("AML-010", t, eventKey,
                "Operation " + t.transactionId() + " of KZT " + plain(t.amountKzt()) + " with "
                        + (offshore ? "offshore counterparty " + who : "") + (offshore && anonymous ? ", " : "")
                        + (anonymous ? "an anonymous account (" + who + ")" : "")
                        + ": threshold report to the FIU due " + due + ".",
                evidence("amountKzt", plain(t.amountKzt()), "thresholdKzt",
                        plain(offshore ? book.offshoreThresholdKzt() : book.anonymousAccountThresholdKzt()),
                        "grounds", grounds, "jurisdiction", c.jurisdiction(), "calendarCovered", covered),
                due, book.rule("AML-010").deadlineBasis()
                        + calendar.caveat(due.toLocalDate()).map(caveat -> "; " + caveat).orElse(""), false));
        if (!covered) {
            calendarGap(t, eventKey, due, out);
        }
    }

    /**
     * AML-015 (internal): the threshold report's deadline (AML-010) falls in a year the Kazakhstan calendar does not
     * cover ({@link BusinessCalendar#isCovered}), so it was counted on weekends only: a configuration alert, one per
     * firm and year, worded the same each time (an update only when something changes).
     */
    private void calendarGap(ScreenedTransaction t, String eventKey, OffsetDateTime due, List<Finding<Suspicion>> out) {
        int year = due.getYear();
        out.add(finding("AML-015", "AML-015:" + t.firmId() + ":" + year, t.firmId(), t.customer().id(),
                "The Kazakhstan business calendar has no days off for " + year + ", so AML-010 threshold-report "
                        + "deadlines in " + year + " are counted on weekends only. Add " + year + " to the calendar "
                        + "file (aifc.calendar.location) or to the bundled calendar/kz-days-off.json.",
                evidence("year", year, "affectedRule", "AML-010"), List.of(eventKey), List.of(t.transactionId()),
                null, null, false));
    }

    /** AML-011 (EDD for PEPs): a politically exposed customer without enhanced due diligence. */
    void pepWithoutEdd(ScreenedTransaction t, String eventKey, List<Finding<Suspicion>> out) {
        Customer c = t.customer();
        if (!Boolean.TRUE.equals(c.pep()) || Boolean.TRUE.equals(c.eddCompleted())) {
            return;
        }
        out.add(finding("AML-011", "AML-011:" + t.firmId() + ":" + c.id(), t.firmId(), c.id(),
                "Customer " + c.id() + " is a politically exposed person and enhanced due diligence is not completed.",
                evidence("pep", true, "eddCompleted", false), List.of(eventKey), List.of(t.transactionId()),
                null, null, false));
    }

    /**
     * A finding of the rule {@code ruleId}, titled as the rulebook titles it. {@code naturalKey} names the breach
     * (rule, firm and what it is about); the alert id is its opaque form ({@link AlertIds}), which names no customer,
     * transaction or case.
     */
    private Finding<Suspicion> finding(String ruleId, String naturalKey, String firmId, String customerId, String detail,
            Map<String, Object> evidence, List<String> causedBy, List<String> transactionIds,
            OffsetDateTime deadline, String deadlineBasis, boolean opensCase) {
        Rule rule = book.rule(ruleId);
        return new Finding<>(rule, alertIds.of(ruleId, naturalKey), firmId, rule.title(), detail, evidence, deadline, deadlineBasis,
                new Suspicion(customerId, causedBy, transactionIds, opensCase));
    }

    private boolean inForce(String ruleId, LocalDate day) {
        return !book.rule(ruleId).effectiveFrom().isAfter(day);
    }

    private Finding<Suspicion> perTransaction(String ruleId, ScreenedTransaction t, String eventKey, String detail,
            Map<String, Object> evidence, OffsetDateTime deadline, String basis, boolean opensCase) {
        return finding(ruleId, ruleId + ":" + t.firmId() + ":" + t.transactionId(), t.firmId(), t.customer().id(),
                detail, evidence, List.of(eventKey), List.of(t.transactionId()), deadline, basis, opensCase);
    }

    private OffsetDateTime caseDeadline(OffsetDateTime detectedAt) {
        return detectedAt.plus(book.caseDecisionTime());
    }

    private String caseBasis() {
        return "MLRO decides on an STR without delay (AML 13.8.1); configured decision time "
                + book.caseDecisionTime() + " (unverified)";
    }

    private static void check(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, Object> evidence(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                map.put((String) kv[i], kv[i + 1]);
            }
        }
        return map;
    }
}
