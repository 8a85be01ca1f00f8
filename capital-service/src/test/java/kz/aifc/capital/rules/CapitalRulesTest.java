package kz.aifc.capital.rules;

import static kz.aifc.capital.rules.Fixtures.AS_OF;
import static kz.aifc.capital.rules.Fixtures.facts;
import static kz.aifc.capital.rules.Fixtures.licence;
import static kz.aifc.capital.rules.Fixtures.rulebook;
import static kz.aifc.capital.rules.Fixtures.snapshot;
import static kz.aifc.capital.rules.Fixtures.usd;
import static kz.aifc.capital.rules.Fixtures.verdict;
import static kz.aifc.contract.v1.Activity.ADVISING;
import static kz.aifc.contract.v1.Activity.DATF_OPERATOR;
import static kz.aifc.contract.v1.Activity.DEALING_AS_PRINCIPAL;
import static kz.aifc.contract.v1.Activity.MONEY_SERVICES;
import static kz.aifc.contract.v1.Activity.PROVIDING_CUSTODY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Severity;
import kz.aifc.contract.v1.CapitalComponents;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Deadline;

class CapitalRulesTest {

    private final CapitalRulebook rulebook = rulebook();

    private List<Verdict> evaluate(CapitalFacts facts) {
        return CapitalRules.evaluate(facts, rulebook);
    }

    @Nested
    @DisplayName("CAP-001: capital resources below the requirement (DAA 3.2(1)(b), Table 2; GEN 6.2.3: advise AFSA immediately; PRU(INV) 6.5: within 1 business day for a PRU(INV) firm)")
    class BelowRequirement {

        @Test
        @DisplayName("resources USD 240,000 against Dealing as Principal USD 250,000 (verified, DAA 3.2 Table 2) is a CRITICAL breach")
        void shouldBreachWhenResourcesAreBelowTheRequirement() {
            Verdict v = verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("240000.00"))), CapitalRulebook.CAP_001);

            assertThat(v.breached()).isTrue();
            assertThat(v.finding().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(v.finding().detail()).isEqualTo(
                    "Capital resources USD 240,000.00 are below the requirement of USD 250,000.00 (96.0%).");
            assertThat(v.finding().evidence()).containsEntry("capitalResources", "240000.00")
                    .containsEntry("requirement", "250000").containsEntry("requirementBasis", "DEALING_AS_PRINCIPAL")
                    .containsEntry("requirementConfidence", "verified");
            assertThat(v.finding().citation()).contains("GEN 6.2.3").contains("DAA 3.2");
        }

        @Test
        @DisplayName("CAP-001, GEN 6.2.3(d), (h) 'must advise the AFSA immediately': a firm not configured under PRU(INV) is due at once, the reading labelled an interpretation, 6.5's limit not shown")
        void shouldBeDueImmediatelyWhereTheFirmIsNotUnderPruInv() {
            Verdict v = verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("240000.00"))), CapitalRulebook.CAP_001);

            assertThat(v.deadline().kind()).isEqualTo(Deadline.Kind.IMMEDIATE);
            assertThat(v.finding().deadlineBasis()).startsWith("Advise AFSA immediately (GEN 6.2.3")
                    .contains("Interpretation, not rule text").contains("is not shown")
                    .contains("CAP-003.appliesToActivities");
            assertThat(v.finding().evidence()).containsEntry("pruInvFirm", false);
        }

        @Test
        @DisplayName("CAP-001, PRU(INV) 6.5 'immediately and not later than within 1 Business Day': a firm whose activity is configured under PRU(INV) is due at close of the next business day, and the basis says why it is treated so")
        void shouldShowTheOneBusinessDayLimitWhereTheFirmIsUnderPruInv() {
            CapitalRulebook pru = rulebook(doc -> Fixtures.ruleParameters(doc, CapitalRulebook.CAP_003)
                    .putArray("appliesToActivities").add("DEALING_AS_PRINCIPAL"));

            Verdict v = verdict(CapitalRules.evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("240000.00")), pru),
                    CapitalRulebook.CAP_001);
            assertThat(v.deadline().kind()).isEqualTo(Deadline.Kind.BUSINESS_DAYS);
            assertThat(v.deadline().days()).isEqualTo(1);
            assertThat(v.finding().deadlineBasis()).contains("immediately (GEN 6.2.3)")
                    .contains("not later than within 1 Business Day (PRU(INV) 6.5)")
                    .contains("Interpretation, not rule text: the firm is treated as under PRU(INV) because its licence "
                            + "lists DEALING_AS_PRINCIPAL");
            assertThat(v.finding().evidence()).containsEntry("pruInvFirm", true);
        }

        @Test
        @DisplayName("CAP-001, PRU(INV) 6.5: a firm listed by id (CAP-003.appliesToFirms) is under PRU(INV) whatever its activities")
        void shouldShowTheOneBusinessDayLimitForAFirmListedById() {
            CapitalRulebook pru = rulebook(doc -> Fixtures.ruleParameters(doc, CapitalRulebook.CAP_003)
                    .putArray("appliesToFirms").add(Fixtures.FIRM));

            Verdict v = verdict(CapitalRules.evaluate(facts(licence(DATF_OPERATOR), usd("240000.00")), pru),
                    CapitalRulebook.CAP_001);
            assertThat(v.deadline().days()).isEqualTo(1);
            assertThat(v.finding().deadlineBasis()).contains("firm " + Fixtures.FIRM + " is listed in CAP-003.appliesToFirms");
        }

        @Test
        @DisplayName("resources exactly at the requirement meet it (\"maintain at all times capital resources\" equal to the amount)")
        void shouldNotBreachExactlyAtTheRequirement() {
            Verdict v = verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("250000.00"))), CapitalRulebook.CAP_001);

            assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("one cent below the requirement is a breach: no rounding in the comparison")
        void shouldBreachOneCentBelowTheRequirement() {
            assertThat(verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("249999.99"))), CapitalRulebook.CAP_001)
                    .breached()).isTrue();
        }

        @Test
        @DisplayName("resources are the contract/README.md formula: additions less interim losses, intangibles, deferred tax and other deductions")
        void shouldComputeCapitalResourcesFromTheComponents() {
            CapitalSnapshot example = new CapitalSnapshot(Fixtures.FIRM, AS_OF, Currency.USD, BigDecimal.ONE,
                    new CapitalComponents(new BigDecimal("400000.00"), BigDecimal.ZERO,
                            new BigDecimal("120000.00"), BigDecimal.ZERO, new BigDecimal("30000.00"),
                            new BigDecimal("50000.00"), BigDecimal.ZERO, BigDecimal.ZERO),
                    new BigDecimal("180000.00"), new BigDecimal("600000.00"), null);
            CapitalPosition position = CapitalPosition.of(example,
                    Requirement.of(licence(DEALING_AS_PRINCIPAL), rulebook, AS_OF.toLocalDate()), rulebook);

            assertThat(position.resourcesUsd()).isEqualByComparingTo("440000.00");
            assertThat(position.headroomPercent()).isEqualByComparingTo("76.00");
        }

        @Test
        @DisplayName("KZT snapshot: the USD requirement times the event's usdRate is compared exactly (250,000 × 470.37 = 117,592,500 KZT)")
        void shouldCompareKztSnapshotsExactlyAtTheEventsRate() {
            CapitalSnapshot justBelow = snapshot(Currency.KZT, "470.37", "117592499.99", AS_OF, null);
            CapitalSnapshot exactly = snapshot(Currency.KZT, "470.37", "117592500.00", AS_OF, null);

            Verdict below = verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), justBelow)), CapitalRulebook.CAP_001);
            assertThat(below.breached()).isTrue();
            // Shown in USD rounded half-even to cents: 117,592,499.99 / 470.37 = 249,999.99997…
            assertThat(below.finding().detail()).startsWith("Capital resources USD 250,000.00 (KZT 117,592,499.99 at 470.37 KZT per USD)");
            assertThat(below.finding().evidence()).containsEntry("usdRate", "470.37")
                    .containsEntry("capitalResourcesInCurrency", "117592499.99");
            assertThat(verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), exactly)), CapitalRulebook.CAP_001).outcome())
                    .isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("several activities: the highest amount applies (DAA 3.2(1)(b)); DATF USD 300,000 is the seed's unverified figure")
        void shouldHoldAFirmWithSeveralActivitiesToTheHighestAmount() {
            Requirement requirement = Requirement.of(licence(DEALING_AS_PRINCIPAL, DATF_OPERATOR, PROVIDING_CUSTODY),
                    rulebook, AS_OF.toLocalDate());
            assertThat(requirement.amountUsd()).isEqualByComparingTo("300000");
            assertThat(requirement.basis().confidence()).isEqualTo(Confidence.UNVERIFIED);

            Verdict v = verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL, DATF_OPERATOR), usd("280000"))),
                    CapitalRulebook.CAP_001);
            assertThat(v.breached()).isTrue();
            assertThat(v.finding().evidence()).containsEntry("requirement", "300000")
                    .containsEntry("requirementConfidence", "unverified");
        }

        @Test
        @DisplayName("CAP-001 on the unverified DATF amount (domain-facts A4, H14): the title and detail say so and name the setting that holds it; a verified amount adds nothing")
        void shouldSayWhenTheRequirementRestsOnAnUnverifiedAmount() {
            Verdict datf = verdict(evaluate(facts(licence(DATF_OPERATOR), usd("280000"))), CapitalRulebook.CAP_001);
            assertThat(datf.finding().title()).isEqualTo("Capital resources below the base capital requirement (unverified amount)");
            assertThat(datf.finding().detail()).contains("rests on an unverified amount, USD 300,000.00 for DATF_OPERATOR")
                    .contains("held in the setting aifc.rulebook.location: rulebook.json tables.baseCapital[activity=DATF_OPERATOR].amountUsd")
                    .contains("confirm it with AFSA");
            assertThat(datf.finding().evidence()).containsKey("requirementSetting");
            Verdict custody = verdict(evaluate(facts(licence(PROVIDING_CUSTODY), usd("280000"))), CapitalRulebook.CAP_001);
            assertThat(custody.finding().detail()).contains("USD 300,000.00 for PROVIDING_CUSTODY");

            Verdict dealing = verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("240000"))), CapitalRulebook.CAP_001);
            assertThat(dealing.finding().title()).isEqualTo("Capital resources below the base capital requirement");
            assertThat(dealing.finding().evidence()).doesNotContainKey("requirementSetting");
        }

        @Test
        @DisplayName("a licence varied after a snapshot re-evaluates the same snapshot against the new requirement")
        void shouldReEvaluateTheSnapshotWhenTheLicenceIsVaried() {
            CapitalSnapshot snapshot = usd("280000");

            assertThat(verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), snapshot)), CapitalRulebook.CAP_001).outcome())
                    .isEqualTo(Verdict.Outcome.CLEAR);
            assertThat(verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL, DATF_OPERATOR), snapshot)),
                    CapitalRulebook.CAP_001).breached()).isTrue();
        }

        @Test
        @DisplayName("a suspended or withdrawn licence has no active activities to hold capital against: open alerts resolve")
        void shouldClearWhenTheLicenceIsNoLongerActive() {
            List<Verdict> verdicts = evaluate(facts(licence(LicenceStatus.WITHDRAWN, DEALING_AS_PRINCIPAL), usd("1")));

            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).reason()).contains("WITHDRAWN");
            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }
    }

    @Nested
    @DisplayName("CAP-002: resources below the early-warning buffer (internal, default 120%; ADGM analogue, domain-facts A12)")
    class BelowBuffer {

        @Test
        @DisplayName("exactly at 120% of the requirement (USD 300,000 for USD 250,000) is not below the buffer")
        void shouldNotWarnExactlyAtTheBuffer() {
            assertThat(verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("300000.00"))), CapitalRulebook.CAP_002)
                    .outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("just below 120% raises a HIGH early warning, and CAP-001 stays clear")
        void shouldWarnJustBelowTheBuffer() {
            List<Verdict> verdicts = evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("299999.99")));

            Verdict v = verdict(verdicts, CapitalRulebook.CAP_002);
            assertThat(v.breached()).isTrue();
            assertThat(v.finding().severity()).isEqualTo(Severity.HIGH);
            assertThat(v.finding().rule().deadlineBusinessDays()).as("internal trigger: no regulatory deadline").isNull();
            assertThat(v.finding().evidence()).containsEntry("earlyWarningLevel", "300000.00");
            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("the buffer is a rulebook parameter: at 150% USD 360,000 warns")
        void shouldReadTheBufferFromTheRulebook() {
            CapitalRulebook at150 = rulebook(doc -> Fixtures.ruleParameters(doc, CapitalRulebook.CAP_002).put("bufferPercent", "150"));

            assertThat(verdict(CapitalRules.evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("360000")), at150),
                    CapitalRulebook.CAP_002).breached()).isTrue();
        }
    }

    @Nested
    @DisplayName("CAP-003: liquid assets below 25% of annual operating expenditure, only where PRU(INV) 4.2 applies (A9; A6: not assumed for DATF/DASP)")
    class LiquidAssets {

        @Test
        @DisplayName("off by default for a DATF or DASP: a shortfall raises nothing")
        void shouldNotApplyTheLiquidTestByDefault() {
            CapitalSnapshot short_ = Fixtures.withLiquidity(usd("400000"), "100", "600000");

            assertThat(verdict(evaluate(facts(licence(DATF_OPERATOR), short_)), CapitalRulebook.CAP_003).outcome())
                    .isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("configured for the firm: below 25% breaches, exactly 25% (150,000 of 600,000) does not")
        void shouldTestLiquidAssetsWhereConfigured() {
            CapitalRulebook configured = rulebook(doc -> Fixtures.ruleParameters(doc, CapitalRulebook.CAP_003)
                    .putArray("appliesToFirms").add(Fixtures.FIRM));

            Verdict below = verdict(CapitalRules.evaluate(facts(licence(DEALING_AS_PRINCIPAL),
                    Fixtures.withLiquidity(usd("400000"), "149999.99", "600000")), configured), CapitalRulebook.CAP_003);
            assertThat(below.breached()).isTrue();
            assertThat(below.finding().evidence()).containsEntry("liquidAssetsRequired", "150000.00");
            assertThat(verdict(CapitalRules.evaluate(facts(licence(DEALING_AS_PRINCIPAL),
                    Fixtures.withLiquidity(usd("400000"), "150000", "600000")), configured), CapitalRulebook.CAP_003).outcome())
                    .isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("configured per activity: a firm licensed for a listed activity is tested")
        void shouldTestLiquidAssetsForAConfiguredActivity() {
            CapitalRulebook configured = rulebook(doc -> Fixtures.ruleParameters(doc, CapitalRulebook.CAP_003)
                    .putArray("appliesToActivities").add("DEALING_AS_PRINCIPAL"));

            assertThat(verdict(CapitalRules.evaluate(facts(licence(DEALING_AS_PRINCIPAL),
                    Fixtures.withLiquidity(usd("400000"), "100", "600000")), configured), CapitalRulebook.CAP_003).breached())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("CAP-004: paid-up share capital reduced without AFSA approval (PRU(INV) 6.4)")
    class CapitalReduction {

        @Test
        @DisplayName("a fall versus the previous snapshot with no capitalReductionApprovalRef is a HIGH breach")
        void shouldBreachOnAnUnapprovedReduction() {
            CapitalFacts facts = new CapitalFacts(Fixtures.FIRM, licence(DEALING_AS_PRINCIPAL), usd("350000"),
                    usd("400000"), null);

            Verdict v = CapitalRules.capitalReduction(facts, rulebook);
            assertThat(v.breached()).isTrue();
            assertThat(v.finding().detail()).isEqualTo(
                    "Paid-up share capital fell from USD 400,000.00 to USD 350,000.00 without an AFSA approval reference.");
            assertThat(v.finding().evidence()).containsEntry("paidUpShareCapitalBefore", "400000");
        }

        @Test
        @DisplayName("a fall that carries an approval reference is allowed")
        void shouldAcceptAnApprovedReduction() {
            CapitalFacts facts = new CapitalFacts(Fixtures.FIRM, licence(DEALING_AS_PRINCIPAL),
                    snapshot(Currency.USD, "1", "350000", AS_OF, "AFSA/PRU/2026/17"), usd("400000"), null);

            assertThat(CapitalRules.capitalReduction(facts, rulebook).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("the breach lasts while capital stays below the level before the fall, and clears once it is restored")
        void shouldKeepTheBreachUntilCapitalIsRestored() {
            PaidUpCapital before = new PaidUpCapital(new BigDecimal("400000"), "USD", BigDecimal.ONE);

            assertThat(CapitalRules.capitalReduction(new CapitalFacts(Fixtures.FIRM, null, usd("350000"),
                    usd("350000"), before), rulebook).breached()).isTrue();
            assertThat(CapitalRules.capitalReduction(new CapitalFacts(Fixtures.FIRM, null, usd("400000"),
                    usd("350000"), before), rulebook).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("a change of reporting currency is not a reduction: USD 400,000 = KZT 200,000,000 at 500")
        void shouldCompareAcrossCurrenciesExactly() {
            CapitalFacts facts = new CapitalFacts(Fixtures.FIRM, null,
                    snapshot(Currency.KZT, "500", "200000000", AS_OF, null), usd("400000"), null);

            assertThat(CapitalRules.capitalReduction(facts, rulebook).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
        }
    }

    @Nested
    @DisplayName("CAP-006: the requirement cannot be computed (DESIGN.md: never a requirement of zero)")
    class RequirementUnknown {

        @Test
        @DisplayName("a firm with no licence on record raises CAP-006 and CAP-001 is undetermined")
        void shouldRaiseWhenTheLicenceIsUnknown() {
            List<Verdict> verdicts = evaluate(facts(null, usd("1")));

            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).breached()).isTrue();
            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).finding().severity()).isEqualTo(Severity.MEDIUM);
            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).outcome()).isEqualTo(Verdict.Outcome.UNDETERMINED);
        }

        @Test
        @DisplayName("an activity with no configured amount (Advising, DAA Table 2 row not retrieved) raises CAP-006, never a zero requirement")
        void shouldRaiseWhenNoAmountIsConfigured() {
            List<Verdict> verdicts = evaluate(facts(licence(ADVISING), usd("1")));

            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).finding().evidence())
                    .containsEntry("unconfiguredActivities", List.of("ADVISING"));
            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).outcome()).isEqualTo(Verdict.Outcome.UNDETERMINED);
        }

        @Test
        @DisplayName("Money Services (no tier in the licence) beside Dealing: CAP-006, and CAP-001 still checks the USD 250,000 floor")
        void shouldCheckTheKnownFloorWhileAnAmountIsMissing() {
            List<Verdict> verdicts = evaluate(facts(licence(DEALING_AS_PRINCIPAL, MONEY_SERVICES), usd("200000")));

            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).breached()).isTrue();
            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).finding().detail()).contains("MONEY_SERVICES")
                    .contains("USD 250,000.00");
            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).breached()).isTrue();
        }

        @Test
        @DisplayName("every activity configured: CAP-006 clears")
        void shouldClearWhenEveryActivityHasAnAmount() {
            assertThat(verdict(evaluate(facts(licence(DEALING_AS_PRINCIPAL), usd("1"))), CapitalRulebook.CAP_006).outcome())
                    .isEqualTo(Verdict.Outcome.CLEAR);
        }

        @Test
        @DisplayName("a licence alone, in force since before the rulebook's amounts (2024), is held to today's amounts: no CAP-006")
        void shouldTakeTheAmountsInForceOnTheDayOfEvaluationForALicenceWithoutSnapshot() {
            LicenceChanged since2023 = new LicenceChanged(Fixtures.FIRM, "Baiterek Brokers Ltd", "AFSA-A-LA-2023-0042",
                    LicenceStatus.ACTIVE, List.of(DEALING_AS_PRINCIPAL), LocalDate.parse("2023-11-01"), List.of());

            List<Verdict> verdicts = evaluate(new CapitalFacts(Fixtures.FIRM, since2023, null, null, null,
                    LocalDate.parse("2026-11-25")));

            assertThat(verdict(verdicts, CapitalRulebook.CAP_006).outcome()).isEqualTo(Verdict.Outcome.CLEAR);
            assertThat(verdict(verdicts, CapitalRulebook.CAP_001).outcome()).isEqualTo(Verdict.Outcome.UNDETERMINED);
        }
    }

    @Nested
    @DisplayName("Late snapshots (an older asOf than the current position's): recorded, never the current position")
    class LateSnapshots {

        @Test
        @DisplayName("an older asOf is late; the same asOf is a correction and a newer one is current")
        void shouldTellALateSnapshotFromACurrentOne() {
            CapitalSnapshot current = usd("300000");

            assertThat(CapitalRules.isLate(current, snapshot(Currency.USD, "1", "1", AS_OF.minusHours(1), null))).isTrue();
            assertThat(CapitalRules.isLate(current, snapshot(Currency.USD, "1", "1", AS_OF, null))).isFalse();
            assertThat(CapitalRules.isLate(current, snapshot(Currency.USD, "1", "1", AS_OF.plusDays(1), null))).isFalse();
            assertThat(CapitalRules.isLate(null, current)).isFalse();
        }
    }
}
