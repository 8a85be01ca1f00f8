package kz.aifc.aml.rules;

import static kz.aifc.aml.rules.TxBuilder.alertId;
import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.TravelRule;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.platform.rules.Finding;

/** Each rule AML-001 … AML-012 on both sides of its edges; the nested class names the rule and its citation. */
class AmlRulesTest {

    static final OffsetDateTime DETECTED = OffsetDateTime.parse("2026-11-20T10:00:05+05:00");

    AmlRules rules;
    CustomerHistory history;

    @BeforeEach
    void setUp() {
        rules = new AmlRules(TxBuilder.bundledRulebook(), BusinessCalendar.kazakhstan(), TxBuilder.ALERT_IDS);
        history = new CustomerHistory("F-0001", "C-1");
    }

    List<Finding<Suspicion>> run(TxBuilder b) {
        return rules.evaluate(history, "urn:test/" + b.id, b.build(), DETECTED);
    }

    static List<Finding<Suspicion>> of(List<Finding<Suspicion>> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void shouldFindNothingInACleanTransaction() {
        assertThat(run(tx())).isEmpty();
    }

    @Nested
    class Aml001SanctionsHit_Aml12_1 {
        @Test
        void shouldRaiseCriticalWithImmediateDeadlineAtDetectionTime() {
            List<Finding<Suspicion>> f = of(run(tx().id("T-S").sanctions("UN SC 1267")), "AML-001");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).alertId()).isEqualTo(alertId("AML-001:F-0001:T-S"));
            assertThat(f.get(0).deadline()).isEqualTo(DETECTED);
            assertThat(f.get(0).deadlineBasis()).contains("immediately").contains("12.1");
            assertThat(f.get(0).duty().opensCase()).isTrue();
            assertThat(rules.rulebook().rule("AML-001").severity().name()).isEqualTo("CRITICAL");
        }

        @Test
        void shouldRaiseForAnAttemptedTradeWithoutCounterpartyToo() {
            assertThat(of(run(tx().direction(Direction.TRADE).sanctions(null)), "AML-001")).hasSize(1);
        }
    }

    @Nested
    class Aml002TravelRule_Aml11_1_1_3_4 {
        @Test
        void shouldRequireTheOriginatorIdentifierFromUsd1000() {
            TravelRule noId = new TravelRule("A", "W1", null, "B", "W2");
            List<Finding<Suspicion>> f = of(run(tx().usd("1000.00").travelRule(noId)), "AML-002");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).evidence()).containsEntry("basis", "AML 11-1.1(3)")
                    .containsEntry("missing", List.of("originatorIdentifier"));
        }

        @Test
        void shouldNotRequireTheIdentifierJustBelowUsd1000() {
            TravelRule noId = new TravelRule("A", "W1", null, "B", "W2");
            assertThat(of(run(tx().usd("999.99").travelRule(noId)), "AML-002")).isEmpty();
        }

        @Test
        void shouldRequireNamesAndWalletsBelowUsd1000() {
            TravelRule noBeneficiary = new TravelRule("A", "W1", null, " ", "W2");
            List<Finding<Suspicion>> f = of(run(tx().usd("50").travelRule(noBeneficiary)), "AML-002");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).evidence()).containsEntry("basis", "AML 11-1.1(4)")
                    .containsEntry("missing", List.of("beneficiaryName"));
        }

        @Test
        void shouldTreatAnAbsentTravelRuleSetAsIncompleteButIgnoreTrades() {
            assertThat(of(run(tx().travelRule(null)), "AML-002")).hasSize(1);
            assertThat(of(run(tx().direction(Direction.TRADE)), "AML-002")).isEmpty();
        }

        /** AML 11-1.1(3)-(4): the sets apply to transfers "involving natural persons". */
        @Test
        void shouldLeaveATransferBetweenLegalEntitiesOutsideTheSets() {
            Counterparty legal = new Counterparty("Corp Ltd", "W", "V", false, null, true, "AE", false,
                    CustomerType.LEGAL);
            Counterparty natural = new Counterparty("A. Person", "W", "V", false, null, true, "AE", false,
                    CustomerType.NATURAL);
            assertThat(of(run(tx().customerType(CustomerType.LEGAL).counterparty(legal).travelRule(null)), "AML-002"))
                    .isEmpty();
            List<Finding<Suspicion>> f = of(run(tx().customerType(CustomerType.LEGAL).counterparty(natural)
                    .travelRule(null)), "AML-002");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).evidence()).containsEntry("customerType", "LEGAL")
                    .containsEntry("counterpartyPersonType", "NATURAL");
            assertThat(of(run(tx().customerType(CustomerType.NATURAL).counterparty(legal).travelRule(null)),
                    "AML-002")).hasSize(1);
        }

        @Test
        void shouldApplyAsBeforeWhenTheCounterpartysPersonTypeIsNotGiven() {
            Counterparty unknown = new Counterparty("Corp Ltd", "W", "V", false, null, true, "AE", false);
            assertThat(of(run(tx().customerType(CustomerType.LEGAL).counterparty(unknown).travelRule(null)),
                    "AML-002")).hasSize(1);
        }

        @Test
        void shouldNotApplyBeforeChapter11_1CameIntoOperation() {
            assertThat(of(run(tx().at("2024-12-31T10:00:00+05:00").travelRule(null)), "AML-002")).isEmpty();
        }
    }

    @Nested
    class Aml003VaspDueDiligence_Aml11_2_1 {
        @Test
        void shouldRaiseWhenTheVaspDueDiligenceIsNotCompleted() {
            Counterparty vasp = new Counterparty("X", "W", "VASP-9", false, null, false, "AE", false);
            assertThat(of(run(tx().counterparty(vasp)), "AML-003")).hasSize(1);
            Counterparty unknown = new Counterparty("X", "W", "VASP-9", false, null, null, "AE", false);
            assertThat(of(run(tx().counterparty(unknown)), "AML-003")).hasSize(1);
        }

        @Test
        void shouldIgnoreSelfHostedWalletsAndCompletedDueDiligence() {
            assertThat(of(run(tx()), "AML-003")).isEmpty();
            Counterparty self = new Counterparty(null, "W", null, true, true, null, null, false);
            assertThat(of(run(tx().counterparty(self)), "AML-003")).isEmpty();
        }
    }

    @Nested
    class Aml004SelfHosted_Aml11_1_2_2 {
        Counterparty unverified = new Counterparty(null, "W", null, true, null, null, null, false);

        @Test
        void shouldRaiseAboveUsd1000WithoutOwnershipVerified() {
            assertThat(of(run(tx().usd("1000.01").counterparty(unverified)), "AML-004")).hasSize(1);
        }

        @Test
        void shouldNotRaiseAtExactlyUsd1000OrWhenVerified() {
            assertThat(of(run(tx().usd("1000.00").counterparty(unverified)), "AML-004")).isEmpty();
            Counterparty verified = new Counterparty(null, "W", null, true, true, null, null, false);
            assertThat(of(run(tx().usd("5000").counterparty(verified)), "AML-004")).isEmpty();
        }

        /** AML 11-1.2(2): "exceeds USD 1,000 or there is a suspicion": with a suspicion, whatever the amount. */
        @Test
        void shouldRaiseForASuspicionWhateverTheAmountAndOwnershipCheck() {
            Counterparty verified = new Counterparty(null, "W", null, true, true, null, null, false);
            List<Finding<Suspicion>> exposure = of(run(tx().usd("10").counterparty(verified)
                    .exposures(Exposure.SCAM)), "AML-004");
            assertThat(exposure).hasSize(1);
            assertThat(exposure.get(0).evidence()).containsEntry("basis", "suspicion")
                    .containsEntry("suspicion", List.of("exposure SCAM"));
            assertThat(exposure.get(0).detail()).contains("11-1.2(2)");
            assertThat(of(run(tx().usd("10").counterparty(unverified).score(81)), "AML-004")).hasSize(1);
            assertThat(of(run(tx().usd("10").counterparty(unverified).sanctions("UN")), "AML-004")).hasSize(1);
            List<Finding<Suspicion>> both = of(run(tx().usd("1500").counterparty(unverified)
                    .exposures(Exposure.MIXER)), "AML-004");
            assertThat(both.get(0).evidence()).containsEntry("basis", "amount and suspicion");
        }

        @Test
        void shouldNotTakeAScoreAtTheLimitOrAHostedCounterpartyForASelfHostedSuspicion() {
            assertThat(of(run(tx().usd("10").counterparty(unverified).score(80)), "AML-004")).isEmpty();
            assertThat(of(run(tx().usd("10").exposures(Exposure.SCAM)), "AML-004")).isEmpty();
        }
    }

    @Nested
    class Aml005Structuring_Fatf2020 {
        @Test
        void shouldRaiseForThreeTransfersJustBelowUsd1000Within24Hours() {
            run(tx().id("A").usd("950").at("2026-11-20T10:00:00+05:00"));
            run(tx().id("B").usd("800").at("2026-11-20T20:00:00+05:00"));
            List<Finding<Suspicion>> f = of(run(tx().id("C").usd("999.99").at("2026-11-21T10:00:00+05:00")), "AML-005");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).alertId()).isEqualTo(alertId("AML-005:F-0001:C-1:USD:A"));
            assertThat(f.get(0).duty().transactionIds()).containsExactly("A", "B", "C");
            assertThat(f.get(0).duty().causedBy()).containsExactly("urn:test/A", "urn:test/B", "urn:test/C");
            assertThat(f.get(0).duty().opensCase()).isTrue();
        }

        @Test
        void shouldNotRaiseWhenTheThirdTransferIsJustOutsideTheWindow() {
            run(tx().id("A").usd("950").at("2026-11-20T10:00:00+05:00"));
            run(tx().id("B").usd("950").at("2026-11-20T20:00:00+05:00"));
            assertThat(of(run(tx().id("C").usd("950").at("2026-11-21T10:00:01+05:00")), "AML-005")).isEmpty();
        }

        @Test
        void shouldNotRaiseWhenOneTransferIsJustOutsideTheBand() {
            run(tx().id("A").usd("799.99").at("2026-11-20T10:00:00+05:00"));
            run(tx().id("B").usd("950").at("2026-11-20T11:00:00+05:00"));
            assertThat(of(run(tx().id("C").usd("950").at("2026-11-20T12:00:00+05:00")), "AML-005")).isEmpty();
            // At the threshold itself the transfer is not below it.
            assertThat(of(run(tx().id("D").usd("1000.00").at("2026-11-20T13:00:00+05:00")), "AML-005")).isEmpty();
        }

        @Test
        void shouldNeedTheTotalAboveTheThreshold() {
            // Three transfers each 80–100% of USD 1,000 always exceed it, so lower the count to show the sum test.
            AmlRulebook book = TxBuilder.bundledRulebook();
            AmlRulebook two = new AmlRulebook(book.version(), book.travelRuleThresholdUsd(), book.selfHostedThresholdUsd(),
                    book.structuringThresholdUsd(), book.structuringThresholdKzt(), book.structuringWindow(),
                    book.structuringBandLowPct(), book.structuringBandHighPct(), 1, book.rapidInOutWindow(),
                    book.rapidInOutPct(), book.rapidInOutMinDepositUsd(), book.walletRiskScoreLimit(),
                    book.severeExposures(), book.retailMonthlyDepositLimitUsd(), book.retailPurchaseDirections(),
                    book.offshoreThresholdKzt(), book.anonymousAccountThresholdKzt(),
                    book.thresholdReportBusinessDays(), book.caseDecisionTime(),
                    book.afsaNoticeTime(), book.highRiskJurisdictions(), book.rules());
            rules = new AmlRules(two, BusinessCalendar.kazakhstan(), TxBuilder.ALERT_IDS);
            assertThat(of(run(tx().id("A").usd("950")), "AML-005")).isEmpty();
            assertThat(of(run(tx().id("B").usd("950").at("2026-11-20T11:00:00+05:00")), "AML-005")).hasSize(1);
        }

        @Test
        void shouldRaiseForTransfersJustBelowKzt5MillionSeparately() {
            for (int i = 0; i < 3; i++) {
                List<Finding<Suspicion>> f = of(run(tx().id("K" + i).usd("1500").kzt("4500000").at(
                        OffsetDateTime.parse("2026-11-20T10:00:00+05:00").plusHours(i))), "AML-005");
                if (i == 2) {
                    assertThat(f).extracting(Finding::alertId).containsExactly(alertId("AML-005:F-0001:C-1:KZT:K0"));
                }
            }
        }

        @Test
        void shouldIgnoreTrades() {
            for (int i = 0; i < 3; i++) {
                assertThat(of(run(tx().direction(Direction.TRADE).usd("950")
                        .at(OffsetDateTime.parse("2026-11-20T10:00:00+05:00").plusHours(i))), "AML-005")).isEmpty();
            }
        }
    }

    @Nested
    class Aml006RapidInAndOut_Fatf2020 {
        @Test
        void shouldRaiseWhenWithdrawalsReach90PercentWithin24Hours() {
            run(tx().id("D").direction(Direction.DEPOSIT).usd("5000").at("2026-11-20T10:00:00+05:00"));
            assertThat(of(run(tx().id("W1").direction(Direction.WITHDRAWAL).usd("2000")
                    .at("2026-11-20T12:00:00+05:00")), "AML-006")).isEmpty();
            List<Finding<Suspicion>> f = of(run(tx().id("W2").direction(Direction.TRANSFER_OUT).usd("2500")
                    .at("2026-11-21T10:00:00+05:00")), "AML-006");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).alertId()).isEqualTo(alertId("AML-006:F-0001:C-1:D"));
            assertThat(f.get(0).duty().transactionIds()).containsExactly("D", "W1", "W2");
        }

        @Test
        void shouldNotRaiseAgainForAWithdrawalAfterTheDepositWasAlreadyWithdrawn() {
            run(tx().id("D").direction(Direction.DEPOSIT).usd("5000").at("2026-11-20T10:00:00+05:00"));
            List<Finding<Suspicion>> breach = of(run(tx().id("W1").direction(Direction.WITHDRAWAL).usd("4600")
                    .at("2026-11-20T12:00:00+05:00")), "AML-006");
            assertThat(breach).hasSize(1);
            assertThat(breach.get(0).duty().transactionIds()).containsExactly("D", "W1");
            assertThat(of(run(tx().id("W2").direction(Direction.WITHDRAWAL).usd("300")
                    .at("2026-11-20T13:00:00+05:00")), "AML-006"))
                    .as("the breach stands as raised: a later withdrawal would only refresh its alert").isEmpty();
        }

        @Test
        void shouldRaiseOnlyTheDepositsAWithdrawalTakesToTheShare() {
            run(tx().id("D1").direction(Direction.DEPOSIT).usd("1000").at("2026-11-20T09:00:00+05:00"));
            run(tx().id("W1").direction(Direction.WITHDRAWAL).usd("950").at("2026-11-20T09:30:00+05:00"));
            run(tx().id("D2").direction(Direction.DEPOSIT).usd("1000").at("2026-11-20T10:00:00+05:00"));
            List<Finding<Suspicion>> f = of(run(tx().id("W2").direction(Direction.WITHDRAWAL).usd("950")
                    .at("2026-11-20T11:00:00+05:00")), "AML-006");
            assertThat(f).as("D1 was reached by W1 already; W2 reaches D2").hasSize(1);
            assertThat(f.get(0).alertId()).isEqualTo(alertId("AML-006:F-0001:C-1:D2"));
            assertThat(f.get(0).duty().transactionIds()).containsExactly("D2", "W2");
        }

        @Test
        void shouldUpdateTheBreachWhenAWithdrawalDatedBeforeItArrivesLate() {
            run(tx().id("D").direction(Direction.DEPOSIT).usd("5000").at("2026-11-20T10:00:00+05:00"));
            assertThat(of(run(tx().id("W2").direction(Direction.WITHDRAWAL).usd("4600")
                    .at("2026-11-20T14:00:00+05:00")), "AML-006")).hasSize(1);
            List<Finding<Suspicion>> f = of(run(tx().id("W1").direction(Direction.WITHDRAWAL).usd("1000")
                    .at("2026-11-20T11:00:00+05:00")), "AML-006");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).alertId()).isEqualTo(alertId("AML-006:F-0001:C-1:D"));
            assertThat(f.get(0).duty().transactionIds()).containsExactly("D", "W1", "W2");
            assertThat(f.get(0).detail()).contains("withdrawals of USD 5600 (112.0%)");
        }

        @Test
        void shouldRaiseWhenTheDepositArrivesAfterItsWithdrawals() {
            run(tx().id("W1").direction(Direction.WITHDRAWAL).usd("3000").at("2026-11-20T11:00:00+05:00"));
            run(tx().id("W2").direction(Direction.WITHDRAWAL).usd("2000").at("2026-11-20T12:00:00+05:00"));
            run(tx().id("W3").direction(Direction.WITHDRAWAL).usd("2000").at("2026-11-20T13:00:00+05:00"));
            List<Finding<Suspicion>> f = of(run(tx().id("D").direction(Direction.DEPOSIT).usd("5000")
                    .at("2026-11-20T10:00:00+05:00")), "AML-006");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).duty().transactionIds()).as("up to the withdrawal that reached 90%")
                    .containsExactly("D", "W1", "W2");
        }

        @Test
        void shouldNotRaiseBelow90PercentOrAfterTheWindow() {
            run(tx().id("D").direction(Direction.DEPOSIT).usd("5000").at("2026-11-20T10:00:00+05:00"));
            assertThat(of(run(tx().id("W1").direction(Direction.WITHDRAWAL).usd("4499.99")
                    .at("2026-11-20T12:00:00+05:00")), "AML-006")).isEmpty();
            assertThat(of(run(tx().id("W2").direction(Direction.WITHDRAWAL).usd("1000")
                    .at("2026-11-21T10:00:01+05:00")), "AML-006")).isEmpty();
        }
    }

    @Nested
    class Aml007Exposure_Fatf2020 {
        @Test
        void shouldRaiseForEachSevereExposure() {
            for (Exposure e : List.of(Exposure.MIXER, Exposure.DARKNET, Exposure.SANCTIONED, Exposure.RANSOMWARE)) {
                assertThat(of(run(tx().exposures(e, Exposure.GAMBLING)), "AML-007")).as(e.name()).hasSize(1);
            }
        }

        @Test
        void shouldRaiseAboveTheScoreLimitOnly() {
            assertThat(of(run(tx().exposures(Exposure.GAMBLING, Exposure.P2P).score(80)), "AML-007")).isEmpty();
            assertThat(of(run(tx().score(81)), "AML-007")).hasSize(1);
        }
    }

    @Nested
    class Aml008HighRiskJurisdiction_Aml12_2 {
        @Test
        void shouldRaiseForACounterpartyInAListedJurisdictionWithoutEdd() {
            Counterparty iran = new Counterparty("X", "W", "V", false, null, true, "IR", false);
            List<Finding<Suspicion>> f = of(run(tx().counterparty(iran)), "AML-008");
            assertThat(f).extracting(Finding::alertId).containsExactly(alertId("AML-008:F-0001:C-1:IR"));
            assertThat(f.get(0).evidence()).containsEntry("listAsOf", "2026-06-19").containsEntry("listConfidence", "secondary");
        }

        @Test
        void shouldRaiseForAResidentOfAGreyListedJurisdictionButNotWithEdd() {
            assertThat(of(run(tx().residency("VG")), "AML-008")).hasSize(1);
            assertThat(of(run(tx().residency("VG").edd(true)), "AML-008")).isEmpty();
        }

        @Test
        void shouldUseOnlyListsInForceOnTheTransactionDate() {
            assertThat(of(run(tx().residency("MM").at("2026-06-18T12:00:00+05:00")), "AML-008")).isEmpty();
            assertThat(of(run(tx().residency("MM").at("2026-06-19T12:00:00+05:00")), "AML-008")).hasSize(1);
        }
    }

    @Nested
    class Aml009RetailMonthlyLimit_Dasp3_1 {
        /** A purchase of digital assets (a trade on the firm) by a KZ-resident retail client without the test. */
        TxBuilder purchase(String id, String usd, String at) {
            return tx().id(id).direction(Direction.TRADE).usd(usd).at(at).retail(true).knowledgeTest(false);
        }

        /** AFSA guidance (domain-facts H10): "Only purchase transactions of Digital Assets ... are taken into account". */
        @Test
        void shouldCountPurchasesNotDeposits() {
            for (String id : List.of("D1", "D2", "D3")) {
                assertThat(of(run(tx().id(id).direction(Direction.DEPOSIT).usd("900").at("2026-11-05T10:00:00+05:00")
                        .retail(true).knowledgeTest(false)), "AML-009")).isEmpty();
            }
            List<Finding<Suspicion>> f = of(run(purchase("P1", "1000.01", "2026-11-06T10:00:00+05:00")), "AML-009");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).evidence()).containsEntry("monthPurchasesUsd", "1000.01");
            assertThat(rules.rulebook().rule("AML-009").fires()).contains("purchases").contains("H10");
        }

        @Test
        void shouldRaiseWhenPurchasesInAnAlmatyMonthExceedUsd1000() {
            assertThat(of(run(purchase("A", "600", "2026-11-01T00:30:00+05:00")), "AML-009")).isEmpty();
            assertThat(of(run(purchase("B", "400", "2026-11-15T10:00:00+05:00")), "AML-009")).isEmpty();
            List<Finding<Suspicion>> f = of(run(purchase("C", "0.01", "2026-11-30T23:59:00+05:00")), "AML-009");
            assertThat(f).extracting(Finding::alertId).containsExactly(alertId("AML-009:F-0001:C-1:2026-11"));
        }

        @Test
        void shouldStartAgainAcrossTheAlmatyMonthBoundary() {
            run(purchase("A", "900", "2026-11-30T23:59:00+05:00"));
            // 2026-11-30T19:30Z is already 1 December in Almaty (UTC+5).
            assertThat(of(run(purchase("B", "900", "2026-11-30T19:30:00Z")), "AML-009")).isEmpty();
            assertThat(of(run(purchase("C", "200", "2026-12-02T10:00:00+05:00")), "AML-009"))
                    .extracting(Finding::alertId).containsExactly(alertId("AML-009:F-0001:C-1:2026-12"));
        }

        @Test
        void shouldNotApplyToNonResidentsNonRetailOrTestedClients() {
            assertThat(of(run(purchase("A", "5000", "2026-11-20T10:00:00+05:00").residency("AE")), "AML-009")).isEmpty();
            assertThat(of(run(purchase("B", "5000", "2026-11-20T10:00:00+05:00").retail(false)), "AML-009")).isEmpty();
            assertThat(of(run(purchase("C", "5000", "2026-11-20T10:00:00+05:00").knowledgeTest(true)), "AML-009")).isEmpty();
        }
    }

    @Nested
    class Aml010OffshoreThreshold_Law191_Art4 {
        Counterparty offshore = new Counterparty("Offshore Ltd", "W", "V", false, null, true, "VG", true);

        /** Law 191-IV Art. 4(1): "transfers from or to anonymous accounts" from KZT 5,000,000 (H11, secondary). */
        @Test
        void shouldRaiseForAnAnonymousAccountFromKzt5Million() {
            Counterparty anonymous = new Counterparty(null, "W", null, false, null, true, "KZ", false, null, true);
            List<Finding<Suspicion>> f = of(run(tx().kzt("5000000").counterparty(anonymous).edd(true)), "AML-010");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).evidence()).containsEntry("grounds", List.of("anonymous account"));
            assertThat(f.get(0).detail()).contains("anonymous account");
            assertThat(of(run(tx().kzt("4999999.99").counterparty(anonymous)), "AML-010")).isEmpty();
            Counterparty both = new Counterparty("Off", "W", null, false, null, true, "VG", true, null, true);
            assertThat(of(run(tx().kzt("6000000").counterparty(both)), "AML-010").get(0).evidence())
                    .containsEntry("grounds", List.of("offshore counterparty", "anonymous account"));
            assertThat(rules.rulebook().rule("AML-010").parameters().all().get("anonymousAccountThresholdKzt")
                    .confidence().name()).isEqualToIgnoringCase("secondary");
        }

        @Test
        void shouldNotTakeAnAccountNotMarkedAnonymousForOne() {
            Counterparty plain = new Counterparty(null, "W", null, false, null, true, "KZ", false);
            assertThat(of(run(tx().kzt("9000000").counterparty(plain)), "AML-010")).isEmpty();
        }

        @Test
        void shouldRaiseAtKzt5MillionWithTheReportDueEndOfNextBusinessDay() {
            // Friday 20 Nov 2026 → Monday 23 Nov 2026, 18:00 Almaty.
            List<Finding<Suspicion>> f = of(run(tx().kzt("5000000").counterparty(offshore).edd(true)), "AML-010");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).deadline()).isEqualTo(OffsetDateTime.parse("2026-11-23T18:00:00+05:00"));
            assertThat(f.get(0).deadlineBasis()).contains("Art. 10(2)");
        }

        @Test
        void shouldSkipAHolidayWhenCountingTheBusinessDay() {
            // Tuesday 15 Dec 2026; 16 Dec is a day off (domain-facts G8) → Thursday 17 Dec.
            List<Finding<Suspicion>> f = of(run(tx().at("2026-12-15T10:00:00+05:00").kzt("6000000").counterparty(offshore)), "AML-010");
            assertThat(f.get(0).deadline()).isEqualTo(OffsetDateTime.parse("2026-12-17T18:00:00+05:00"));
        }

        @Test
        void shouldNotRaiseJustBelowTheThresholdOrOnshore() {
            assertThat(of(run(tx().kzt("4999999.99").counterparty(offshore)), "AML-010")).isEmpty();
            assertThat(of(run(tx().kzt("9000000")), "AML-010")).isEmpty();
            assertThat(of(run(tx().kzt(null).counterparty(offshore)), "AML-010")).isEmpty();
        }
    }

    /**
     * AML-015 (internal, #16.6): a business-day deadline in a year the Kazakhstan calendar does not cover raises a
     * configuration alert instead of being counted on weekends only in silence (as CAP-007 and FP-010 do).
     */
    @Nested
    class Aml015CalendarGap_Internal {
        Counterparty offshore = new Counterparty("Offshore Ltd", "W", "V", false, null, true, "VG", true);

        @Test
        void shouldRaiseAConfigurationAlertOncePerFirmAndYearForAThresholdReportInAnUncoveredYear() {
            assertThat(BusinessCalendar.kazakhstan().isCovered(java.time.LocalDate.of(2031, 6, 2))).isFalse();
            List<Finding<Suspicion>> first = run(tx().id("Y1").at("2031-06-02T10:00:00+05:00").kzt("6000000")
                    .counterparty(offshore));
            assertThat(of(first, "AML-010").get(0).deadlineBasis())
                    .contains("no Kazakhstan days off are configured for 2031");
            List<Finding<Suspicion>> gap = of(first, "AML-015");
            assertThat(gap).hasSize(1);
            assertThat(gap.get(0).alertId()).isEqualTo(alertId("AML-015:F-0001:2031"));
            assertThat(gap.get(0).detail()).contains("2031", "AML-010", "aifc.calendar.location").doesNotContain("C-1");
            assertThat(gap.get(0).evidence()).containsEntry("year", 2031);
            assertThat(gap.get(0).citation()).isEqualTo("internal");
            List<Finding<Suspicion>> second = of(run(tx().id("Y2").at("2031-07-01T10:00:00+05:00").kzt("7000000")
                    .counterparty(offshore)), "AML-015");
            assertThat(second.get(0).alertId()).isEqualTo(gap.get(0).alertId());
            assertThat(second.get(0).detail()).isEqualTo(gap.get(0).detail());
        }

        @Test
        void shouldRaiseNoneInACoveredYear() {
            assertThat(of(run(tx().kzt("6000000").counterparty(offshore)), "AML-015")).isEmpty();
        }
    }

    @Nested
    class Aml011PepWithoutEdd {
        @Test
        void shouldRaiseForAPepWithoutEddOncePerCustomer() {
            assertThat(of(run(tx().pep(true)), "AML-011")).extracting(Finding::alertId)
                    .containsExactly(alertId("AML-011:F-0001:C-1"));
            assertThat(of(run(tx().pep(true).edd(true)), "AML-011")).isEmpty();
        }
    }

    @Nested
    class Aml012OverdueMlroDecision_Aml13_8_1 {
        @Test
        void shouldRaiseOnlyAfterTheConfiguredDecisionTime() {
            Instant opened = Instant.parse("2026-11-20T05:00:00Z");
            Duration limit = rules.rulebook().caseDecisionTime();
            assertThat(rules.overdueDecision("F-0001", "CASE-1", "C-1", opened, opened.plus(limit).minusSeconds(1)))
                    .isNull();
            Finding<Suspicion> f = rules.overdueDecision("F-0001", "CASE-1", "C-1", opened, opened.plus(limit));
            assertThat(f.alertId()).isEqualTo(alertId("AML-012:F-0001:CASE-1"));
            assertThat(f.deadlineBasis()).contains("13.8.1").contains("unverified");
        }
    }

    /**
     * After a FILE_STR decision: DAA 2.13.1(b), a DATF operator reports the suspected money laundering to AFSA
     * "immediately" and in writing (AML-013); AML 13.8.1(c), the MLRO "promptly notifies the AFSA" (AML-014).
     */
    @Nested
    class AfsaNoticesAfterStr_Daa2_13_1b_Aml13_8_1c {
        final OffsetDateTime decided = OffsetDateTime.parse("2026-11-20T15:00:00+05:00");

        @Test
        void shouldMakeADatfOperatorsReportDueAtTheDecisionAndTheAfsaNoticeAfterTheConfiguredTime() {
            List<Finding<Suspicion>> f = rules.afsaNoticesAfterStr("F-0001", "CASE-9", "C-1", true, decided);
            assertThat(f).extracting(Finding::ruleId).containsExactly("AML-013", "AML-014");
            Finding<Suspicion> datf = f.get(0);
            assertThat(datf.citation()).isEqualTo("AIFC DAA 2.13.1(b)");
            assertThat(datf.deadline()).isEqualTo(decided);
            assertThat(datf.deadlineBasis()).contains("immediately").contains("in writing")
                    .contains("interpretation, not rule text");
            assertThat(datf.alertId()).isEqualTo(alertId("AML-013:F-0001:CASE-9"));
            Finding<Suspicion> notice = f.get(1);
            assertThat(notice.citation()).isEqualTo("AIFC AML 13.8.1(c)");
            assertThat(notice.deadline()).isEqualTo(decided.plus(rules.rulebook().afsaNoticeTime()));
            assertThat(notice.deadlineBasis()).contains("promptly").contains("unverified")
                    .contains("interpretation, not rule text");
            assertThat(f).allSatisfy(x -> assertThat(x.duty().opensCase()).isFalse());
            assertThat(rules.rulebook().rule("AML-014").parameters().all().get("afsaNoticeTime").confidence().name())
                    .isEqualToIgnoringCase("unverified");
        }

        @Test
        void shouldMakeOnlyTheAfsaNoticeDueForAFirmThatIsNoDatfOperator() {
            assertThat(rules.afsaNoticesAfterStr("F-0001", "CASE-9", "C-1", false, decided))
                    .extracting(Finding::ruleId).containsExactly("AML-014");
        }
    }

    /**
     * Tipping-off (AML 13.x, Law 191-IV; contract/README.md §3): a compliance officer sees AML alert ids, so an id
     * must not say on whom. Every rule's id is opaque ({@link AlertIds}) and stable for one breach.
     */
    @Nested
    class OpaqueAlertIds_TippingOff {
        static final String CUSTOMER = "CUST-7731";

        @Test
        void shouldNameNoCustomerTransactionOrCaseInAnyRulesAlertId() {
            CustomerHistory h = new CustomerHistory("F-0001", CUSTOMER);
            Counterparty hostedNoDd = new Counterparty("X Ltd", "W1", "V1", false, null, false, "IR", false);
            Counterparty selfHosted = new Counterparty(null, "W2", null, true, false, null, null, false);
            Counterparty offshore = new Counterparty("Off Ltd", "W3", "V3", false, null, true, "VG", true);
            List<TxBuilder> txs = List.of(
                    tx().id("TXN-4401").sanctions("UN").travelRule(null).counterparty(hostedNoDd)
                            .exposures(Exposure.MIXER).pep(true),
                    tx().id("TXN-4402").usd("1500").counterparty(selfHosted),
                    tx().id("TXN-4403").usd("950").at("2026-11-20T10:00:00+05:00"),
                    tx().id("TXN-4404").usd("960").at("2026-11-20T11:00:00+05:00"),
                    tx().id("TXN-4405").usd("970").at("2026-11-20T12:00:00+05:00"),
                    tx().id("TXN-4406").direction(Direction.DEPOSIT).usd("5000").at("2026-11-20T13:00:00+05:00"),
                    tx().id("TXN-4409").direction(Direction.TRADE).usd("1500").retail(true).knowledgeTest(false),
                    tx().id("TXN-4407").direction(Direction.WITHDRAWAL).usd("4800").at("2026-11-20T14:00:00+05:00"),
                    tx().id("TXN-4408").kzt("6000000").counterparty(offshore));
            List<Finding<Suspicion>> found = new java.util.ArrayList<>();
            for (TxBuilder b : txs) {
                found.addAll(rules.evaluate(h, "urn:test/" + b.id, b.customer(CUSTOMER).build(), DETECTED));
            }
            found.add(rules.overdueDecision("F-0001", "CASE-5521", CUSTOMER, Instant.parse("2026-11-01T00:00:00Z"),
                    Instant.parse("2026-11-20T00:00:00Z")));

            assertThat(found).extracting(Finding::ruleId).contains("AML-001", "AML-002", "AML-003", "AML-004",
                    "AML-005", "AML-006", "AML-007", "AML-008", "AML-009", "AML-010", "AML-011", "AML-012");
            for (Finding<Suspicion> f : found) {
                assertThat(f.alertId()).matches(f.ruleId() + "-[0-9a-f]{32}").doesNotContain(CUSTOMER)
                        .doesNotContain("CASE-5521").doesNotContain("F-0001");
                for (TxBuilder b : txs) {
                    assertThat(f.alertId()).doesNotContain(b.id);
                }
            }
        }

        @Test
        void shouldGiveTheSameBreachTheSameIdAndAnotherBreachOrKeyAnother() {
            String first = of(run(tx().id("T-1").sanctions("UN")), "AML-001").get(0).alertId();
            assertThat(of(run(tx().id("T-1").sanctions("UN")), "AML-001").get(0).alertId()).isEqualTo(first);
            assertThat(of(run(tx().id("T-2").sanctions("UN")), "AML-001").get(0).alertId()).isNotEqualTo(first);
            AlertIds otherKey = new AlertIds("another-installation-key-0123456789abcdef");
            assertThat(otherKey.of("AML-001", "AML-001:F-0001:T-1")).isNotEqualTo(first);
        }

        @Test
        void shouldRefuseAShortOrMissingKey() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertIds("short"))
                    .hasMessageContaining("aifc.aml.alert-id-key");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertIds(null))
                    .hasMessageContaining("at least 32");
        }
    }

    @Nested
    class CustomerBreachesCuredByALaterTransaction_Aml12_2_Dasp3_1 {
        // The breach was last shown by a transaction at 10:00 Almaty.
        AmlRules.OpenBreach open(String ruleId) {
            return new AmlRules.OpenBreach(ruleId + ":F-0001:C-1", ruleId, Instant.parse("2026-11-20T05:00:00Z"));
        }

        @Test
        void shouldResolveAml008AndAml011WhenALaterTransactionShowsEddCompleted() {
            var later = tx().id("T-EDD").edd(true).knowledgeTest(false).at("2026-11-20T10:00:01+05:00").build();
            assertThat(rules.resolution(open("AML-008"), later)).contains("enhanced due diligence completed")
                    .contains("T-EDD").contains("AML 12.2");
            assertThat(rules.resolution(open("AML-011"), later)).contains("PEPs");
            assertThat(rules.resolution(open("AML-009"), later)).isNull();
        }

        @Test
        void shouldResolveAml009WhenALaterTransactionShowsTheKnowledgeTestPassed() {
            var later = tx().retail(true).knowledgeTest(true).at("2026-11-21T09:00:00+05:00").build();
            assertThat(rules.resolution(open("AML-009"), later)).contains("passed the knowledge test")
                    .contains("3.1.1-3.1.3");
            assertThat(rules.resolution(open("AML-008"), later)).isNull();
            assertThat(rules.resolution(open("AML-011"), later)).isNull();
        }

        @Test
        void shouldNotResolveOnATransactionThatOccurredAtOrBeforeTheBreach() {
            assertThat(rules.resolution(open("AML-011"), tx().edd(true).at("2026-11-20T10:00:00+05:00").build()))
                    .isNull();
            assertThat(rules.resolution(open("AML-009"), tx().knowledgeTest(true).at("2026-11-20T09:59:59+05:00")
                    .build())).isNull();
        }

        @Test
        void shouldNotTakeOtherChangesForACure() {
            var noLongerPep = tx().pep(false).edd(false).at("2026-11-22T10:00:00+05:00").build();
            assertThat(rules.resolution(open("AML-011"), noLongerPep)).isNull();
            var reclassified = tx().retail(false).knowledgeTest(false).at("2026-11-22T10:00:00+05:00").build();
            assertThat(rules.resolution(open("AML-009"), reclassified)).isNull();
            assertThat(AmlRules.cures(reclassified)).isEmpty();
            assertThat(AmlRules.cures(tx().edd(true).knowledgeTest(true).build()))
                    .containsExactlyInAnyOrder("AML-008", "AML-009", "AML-011");
        }
    }

    @Nested
    class AlertsSettledByTheMlroDecision_Aml13_8_1 {
        @Test
        void shouldSettleTheCaseAlertsWhoseDeadlineIsTheDecisionAndTheOverdueDecision() {
            for (String id : List.of("AML-005", "AML-006", "AML-007", "AML-012")) {
                assertThat(rules.settledByDecision(id)).as(id).isTrue();
            }
        }

        @Test
        void shouldLeaveSanctionsHitsAndCustomerLevelAlertsOpen() {
            // AML-001 has duties of its own: freeze, report and notify immediately (AML 12.1.1-12.1.3).
            for (String id : List.of("AML-001", "AML-002", "AML-008", "AML-009", "AML-010", "AML-011")) {
                assertThat(rules.settledByDecision(id)).as(id).isFalse();
            }
        }
    }

    @Nested
    class WhatAHistoryKeeps {
        @Test
        void shouldKeepTransfersAWindowRuleCanReadAndDropTrades() {
            assertThat(rules.keeps(AmlRules.compact("k", tx().direction(Direction.TRADE).usd("950").build())))
                    .as("a trade is in no window (AML-005 and AML-006 look at transfers only)").isFalse();
            assertThat(rules.keeps(AmlRules.compact("k", tx().direction(Direction.WITHDRAWAL).usd("1").build())))
                    .as("any outflow adds to a rapid in-and-out").isTrue();
            assertThat(rules.keeps(AmlRules.compact("k", tx().direction(Direction.DEPOSIT).usd("5").build())))
                    .as("a deposit of at least rapidInOutMinDepositUsd (0 in the bundled rulebook)").isTrue();
            assertThat(rules.keeps(AmlRules.compact("k", tx().direction(Direction.TRANSFER_IN).usd("0").build())))
                    .as("an inflow of nothing starts no rapid in-and-out and is in no band").isFalse();
        }

        @Test
        void shouldNotKeepATradeInTheWindowsButStillEvaluateIt() {
            List<Finding<Suspicion>> f = run(tx().id("T-TR").direction(Direction.TRADE).sanctions("UN SC 1267"));
            assertThat(of(f, "AML-001")).hasSize(1);
            assertThat(history.recent()).isEmpty();
        }

        @Test
        void shouldAskForTheMonthTotalOnlyForAPurchaseAml009Judges() {
            TxBuilder retailDeposit = tx().direction(Direction.TRADE).retail(true).knowledgeTest(false);
            assertThat(rules.needsMonthTotal(retailDeposit.build())).isTrue();
            assertThat(rules.needsMonthTotal(retailDeposit.knowledgeTest(true).build())).isFalse();
            assertThat(rules.needsMonthTotal(tx().direction(Direction.TRADE).retail(true).knowledgeTest(false)
                    .residency("AE").build())).isFalse();
            assertThat(rules.needsMonthTotal(tx().direction(Direction.DEPOSIT).retail(true).knowledgeTest(false)
                    .build())).isFalse();
            assertThat(rules.needsMonthTotal(tx().direction(Direction.WITHDRAWAL).retail(true).knowledgeTest(false)
                    .build())).isFalse();
            assertThat(rules.needsMonthTotal(tx().direction(Direction.TRADE).retail(false).knowledgeTest(false)
                    .build())).isFalse();
        }
    }

    /**
     * A customer missing from memory is read from the database only when its stored windows can change a finding
     * (AML-005 structuring, AML-006 rapid in-and-out): whenever {@link AmlRules#readsStoredWindow} says they cannot,
     * the findings against the whole stored history and against none must be the same.
     */
    @Nested
    class WhenTheStoredWindowsAreRead_Aml005_Aml006 {

        @Test
        void shouldFindTheSameWithoutTheStoredWindowsWheneverItSaysTheyCannotMatter() {
            java.util.Random random = new java.util.Random(20261204);
            OffsetDateTime now = OffsetDateTime.parse("2026-11-20T10:00:00+05:00");
            Direction[] directions = Direction.values();
            String[] amounts = {"5", "120.50", "850", "910", "999.99", "1000", "1500", "20000"};
            int skipped = 0;
            for (int run = 0; run < 20_000; run++) {
                List<Tx> stored = new java.util.ArrayList<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    TxBuilder b = tx().id("S" + run + "-" + i).direction(directions[random.nextInt(directions.length)])
                            .usd(amounts[random.nextInt(amounts.length)])
                            .at(now.plusMinutes(random.nextInt(60 * 60) - 30 * 60));
                    Tx t = AmlRules.compact("urn:test/" + b.id, b.build());
                    if (rules.keeps(t)) {
                        stored.add(t);
                    }
                }
                TxBuilder current = tx().id("N" + run).direction(directions[random.nextInt(directions.length)])
                        .usd(amounts[random.nextInt(amounts.length)])
                        .at(now.plusMinutes(random.nextInt(60 * 60) - 30 * 60));
                Instant latestIn = latest(stored, AmlRules.INFLOWS);
                Instant latestOut = latest(stored, AmlRules.OUTFLOWS);
                if (rules.readsStoredWindow(current.build(), latestIn, latestOut)) {
                    continue;
                }
                skipped++;
                CustomerHistory full = new CustomerHistory("F-0001", "C-1");
                full.restore(stored);
                List<String> withStored = summary(rules.evaluate(full, "urn:test/" + current.id, current.build(),
                        DETECTED));
                List<String> without = summary(rules.evaluate(new CustomerHistory("F-0001", "C-1"),
                        "urn:test/" + current.id, current.build(), DETECTED));
                assertThat(without).as("run %d: %s against %s", run, current.build(), stored).isEqualTo(withStored);
            }
            assertThat(skipped).as("runs where the stored windows were left unread").isGreaterThan(5_000);
        }

        @Test
        void shouldReadForABandTransferAnOutflowAfterAnInflowAndAnInflowBeforeAnOutflow() {
            Instant at = Instant.parse("2026-11-20T05:00:00Z");
            assertThat(rules.readsStoredWindow(tx().direction(Direction.DEPOSIT).usd("950").build(), null, null))
                    .as("in the USD band: AML-005 counts the stored transfers around it").isTrue();
            assertThat(rules.readsStoredWindow(tx().direction(Direction.TRADE).usd("950").build(), at, at))
                    .as("a trade enters no window").isFalse();
            TxBuilder deposit = tx().direction(Direction.DEPOSIT).usd("5000").at("2026-11-20T10:00:00+05:00");
            assertThat(rules.readsStoredWindow(deposit.build(), null, at))
                    .as("an outflow stored at the same instant fills the deposit's window").isTrue();
            assertThat(rules.readsStoredWindow(deposit.build(), null, at.minusMillis(1))).isFalse();
            TxBuilder withdrawal = tx().direction(Direction.WITHDRAWAL).usd("5000").at("2026-11-20T10:00:00+05:00");
            assertThat(rules.readsStoredWindow(withdrawal.build(), at.minus(Duration.ofHours(24)), null))
                    .as("an inflow 24 h before (inclusive) is in its window").isTrue();
            assertThat(rules.readsStoredWindow(withdrawal.build(), at.minus(Duration.ofHours(24)).minusMillis(1),
                    null)).isFalse();
        }

        private Instant latest(List<Tx> stored, java.util.Set<Direction> directions) {
            return stored.stream().filter(t -> directions.contains(t.direction())).map(Tx::occurredAt)
                    .max(Instant::compareTo).orElse(null);
        }

        private List<String> summary(List<Finding<Suspicion>> findings) {
            return findings.stream().map(f -> f.alertId() + " " + f.duty().transactionIds()).sorted().toList();
        }
    }

    @Test
    void shouldKeepOnlyWhatTheWindowsNeed() {
        run(tx().id("old").at("2026-11-01T10:00:00+05:00"));
        run(tx().id("new").at("2026-11-20T10:00:00+05:00"));
        assertThat(history.recent()).extracting(Tx::transactionId).containsExactly("new");
    }
}
