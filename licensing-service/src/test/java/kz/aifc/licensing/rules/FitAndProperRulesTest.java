package kz.aifc.licensing.rules;

import static kz.aifc.licensing.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.Severity;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Finding;
import kz.aifc.contract.v1.StaffChange;

class FitAndProperRulesTest {

    private final FitAndProperRules rules = Fixtures.rules();

    @Nested
    @DisplayName("FP-001 mandatory roles held at all times (GEN 2.1.1; AML 13.1.2; DAA 2.3.1; domain-facts C1, B28, C4, G2, C10)")
    class Vacancies {

        @Test
        @DisplayName("a full approved team of a non-DATF firm has no vacancy")
        void shouldFindNoVacancyWhenEveryMandatoryRoleIsHeldByAnApprovedPerson() {
            assertThat(rules.vacancies(firm(false, fullTeam()), NOW)).isEmpty();
        }

        @Test
        @DisplayName("the MLRO's departure makes the role vacant: CRITICAL, stable id per firm and role, no grace period")
        void shouldRaiseCriticalVacancyWhenTheMlroDeparts() {
            List<PersonState> team = new ArrayList<>(fullTeam());
            team.set(3, departed(team.get(3)));
            List<Finding<Obligation>> found = rules.vacancies(firm(false, team), NOW);
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.alertId()).isEqualTo("FP-001:F-0001:MLRO");
                assertThat(f.rule().severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.duty().notification()).isEqualTo(NotificationKind.DEPARTURE);
                assertThat(f.evidence()).containsEntry("departedPersonId", "P-4")
                        .containsEntry("notificationPeriodConfidence", "unverified");
                // C10: no AIFC deadline; DFSA analogue of 7 calendar days, configurable and marked unverified.
                assertThat(f.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-27T23:59:59+05:00"));
                assertThat(f.deadlineBasis()).contains("UNVERIFIED").contains("7");
            });
        }

        @Test
        @DisplayName("a holder whose approval is only PENDING does not fill a role held by Approved Individuals")
        void shouldTreatPendingApprovalAsVacancyForApprovedRoles() {
            List<PersonState> team = new ArrayList<>(fullTeam());
            team.set(0, with(team.get(0), AfsaApproval.PENDING));
            assertThat(rules.vacancies(firm(false, team), NOW)).extracting(Finding::alertId)
                    .containsExactly("FP-001:F-0001:SENIOR_EXECUTIVE_OFFICER");
        }

        @Test
        @DisplayName("the deputy MLRO (AML 13.1.2) is mandatory but not a Controlled Function, so any holder fills it")
        void shouldRequireDeputyMlroWithoutApproval() {
            List<PersonState> team = new ArrayList<>(fullTeam());
            team.set(4, with(team.get(4), AfsaApproval.NONE));
            assertThat(rules.vacancies(firm(false, team), NOW)).isEmpty();
            team.remove(4);
            assertThat(rules.vacancies(firm(false, team), NOW)).extracting(Finding::alertId)
                    .containsExactly("FP-001:F-0001:DEPUTY_MLRO");
        }

        @Test
        @DisplayName("the Chief IT Officer is mandatory only for a DATF operator (DAA 2.3.1)")
        void shouldRequireChiefItOfficerOnlyForDatf() {
            assertThat(rules.vacancies(firm(false, fullTeam()), NOW)).isEmpty();
            assertThat(rules.vacancies(firm(true, fullTeam()), NOW)).extracting(Finding::alertId)
                    .containsExactly("FP-001:F-0001:CHIEF_IT_OFFICER");
        }

        @Test
        @DisplayName("a firm that has reported no staff yet is not flagged (no data is not a vacancy)")
        void shouldNotFlagAFirmWithNoStaffReported() {
            assertThat(rules.vacancies(firm(true, List.of()), NOW)).isEmpty();
        }

        @Test
        @DisplayName("a new approved MLRO fills the vacancy")
        void shouldFillVacancyWithNewApprovedMlro() {
            List<PersonState> team = new ArrayList<>(fullTeam());
            team.set(3, departed(team.get(3)));
            team.add(approved("P-9", Role.MLRO));
            assertThat(rules.vacancies(firm(false, team), NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("FP-002 controlled functions need AFSA approval (GEN 2.2.5-1; domain-facts C2)")
    class ControlledFunctions {

        @Test
        @DisplayName("a director without APPROVED raises HIGH; an approved one does not; a departed one is ignored")
        void shouldFlagUnapprovedDirectorOnly() {
            PersonState director = with(approved("P-8", Role.DIRECTOR), AfsaApproval.PENDING);
            assertThat(rules.unapprovedControlledFunctions(firm(false, List.of(director)), NOW)).singleElement()
                    .satisfies(f -> {
                        assertThat(f.alertId()).isEqualTo("FP-002:F-0001:P-8");
                        assertThat(f.rule().severity()).isEqualTo(Severity.HIGH);
                    });
            assertThat(rules.unapprovedControlledFunctions(firm(false, List.of(approved("P-8", Role.DIRECTOR))), NOW)).isEmpty();
            assertThat(rules.unapprovedControlledFunctions(firm(false, List.of(departed(director))), NOW)).isEmpty();
        }

        @Test
        @DisplayName("designated functions (risk manager, independent director, CIO) need no AFSA approval (FSFR s.46-47, C3)")
        void shouldNotFlagDesignatedFunctions() {
            PersonState p = with(approved("P-8", Role.RISK_MANAGER, Role.CHIEF_IT_OFFICER, Role.INDEPENDENT_DIRECTOR),
                    AfsaApproval.NONE);
            assertThat(rules.unapprovedControlledFunctions(firm(false, List.of(p)), NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("FP-003 MLRO residency and seniority (AML 13.1.1, 13.1.3; domain-facts C5)")
    class MlroEligibility {

        @Test
        @DisplayName("a non-resident MLRO, or one of OTHER seniority, is flagged HIGH; a resident senior manager is not")
        void shouldFlagNonResidentOrJuniorMlro() {
            PersonState ok = approved("P-4", Role.MLRO);
            PersonState abroad = new PersonState("P-4", "A", StaffChangeKind.RESIDENCY_CHANGED, Set.of(Role.MLRO),
                    AfsaApproval.APPROVED, false, Seniority.SENIOR_MANAGER, DAY);
            PersonState junior = new PersonState("P-4", "A", StaffChangeKind.APPOINTED, Set.of(Role.MLRO),
                    AfsaApproval.APPROVED, true, Seniority.OTHER, DAY);
            assertThat(rules.mlroEligibility(firm(false, List.of(ok)), NOW)).isEmpty();
            assertThat(rules.mlroEligibility(firm(false, List.of(abroad)), NOW)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("not resident"));
            assertThat(rules.mlroEligibility(firm(false, List.of(junior)), NOW)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("seniority OTHER"));
        }

        @Test
        @DisplayName("each of Director, Partner, Principal Representative, Senior Manager qualifies")
        void shouldAcceptEveryAllowedSeniority() {
            for (Seniority s : List.of(Seniority.DIRECTOR, Seniority.PARTNER, Seniority.PRINCIPAL_REPRESENTATIVE,
                    Seniority.SENIOR_MANAGER)) {
                PersonState p = new PersonState("P-4", "A", StaffChangeKind.APPOINTED, Set.of(Role.MLRO),
                        AfsaApproval.APPROVED, true, s, DAY);
                assertThat(rules.mlroEligibility(firm(false, List.of(p)), NOW)).as(s.name()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("FP-004 automatic unfitness events (FSFR s.43(3); GEN 6.2.3(a); F&P Guidance 5.4; domain-facts C7, C8)")
    class Unfitness {

        @Test
        @DisplayName("FP-004, GEN 6.2.3(a) 'must advise the AFSA immediately': the end-of-business-day deadline is labelled an interpretation, in the basis and the evidence")
        void shouldLabelTheModelledFirmDeadlineAnInterpretation() {
            Finding<Obligation> f = rules.disclosure(disclosure(DisclosureKind.BANKRUPTCY), NOW).get(0);
            assertThat(f.citation()).contains("GEN 6.2.3(a)");
            assertThat(f.deadlineBasis()).startsWith("Firm advises AFSA immediately (GEN 6.2.3(a)). Interpretation, not rule text:");
            assertThat(f.evidence().get("firmNoticeRule").toString()).startsWith("GEN 6.2.3(a): immediately (interpretation, not rule text");
        }

        @Test
        @DisplayName("a conviction is CRITICAL, the firm notifies by close of business today, the individual within 21 days")
        void shouldRaiseCriticalWithSameDayFirmDeadlineForConviction() {
            List<Finding<Obligation>> found = rules.disclosure(disclosure(DisclosureKind.SERIOUS_CRIMINAL_CONVICTION), NOW);
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("FP-004");
                assertThat(f.rule().severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.alertId()).isEqualTo("FP-004:F-0001:P-4:SERIOUS_CRIMINAL_CONVICTION:2026-11-18");
                assertThat(f.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-20T18:00:00+05:00"));
                assertThat(f.evidence()).containsEntry("individualNoticeDeadline", "2026-12-09T23:59:59+05:00");
                assertThat(f.duty().notification()).isEqualTo(NotificationKind.UNFITNESS_EVENT);
                assertThat(f.duty().standing()).isFalse();
            });
        }

        @Test
        @DisplayName("a disclosure found on a Saturday is due at close of the next business day (Monday)")
        void shouldMoveSameDayDeadlineToNextBusinessDay() {
            var saturday = java.time.Instant.parse("2026-11-21T05:00:00Z");
            assertThat(rules.disclosure(disclosure(DisclosureKind.BANKRUPTCY), saturday).get(0).deadline())
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T18:00:00+05:00"));
        }

        @Test
        @DisplayName("a disclosure found after close of business is due at the end of the next business day")
        void shouldMoveSameDayDeadlineAfterCloseOfBusiness() {
            var evening = java.time.Instant.parse("2026-11-19T14:30:00Z"); // Thursday 19:30 Almaty
            assertThat(rules.disclosure(disclosure(DisclosureKind.INCAPACITY), evening).get(0).deadline())
                    .isEqualTo(OffsetDateTime.parse("2026-11-20T18:00:00+05:00"));
        }

        @Test
        @DisplayName("FP-010 (internal): a business-day deadline in a year without configured days off (2028) says it counted weekends only and raises a configuration alert citing 'internal', no AFSA notification")
        void shouldRaiseAConfigurationAlertWhenTheCalendarDoesNotCoverTheYear() {
            var in2028 = java.time.Instant.parse("2028-03-10T05:00:00Z");
            List<Finding<Obligation>> found = rules.disclosure(disclosure(DisclosureKind.INCAPACITY), in2028);
            assertThat(found).extracting(Finding::ruleId).containsExactly("FP-004", "FP-010");
            assertThat(found.get(0).deadlineBasis()).contains("no Kazakhstan days off are configured for 2028, so only weekends were skipped");
            assertThat(found.get(1)).satisfies(f -> {
                assertThat(f.alertId()).isEqualTo("FP-010:F-0001:2028");
                assertThat(f.citation()).isEqualTo("internal");
                assertThat(f.rule().confidence()).isEqualTo(Confidence.INTERNAL);
                assertThat(f.detail()).contains("no days off for 2028").contains(found.get(0).alertId());
                assertThat(f.deadline()).isNull();
                assertThat(f.duty().notification()).isNull();
            });
            assertThat(rules.disclosure(disclosure(DisclosureKind.INCAPACITY), NOW)).extracting(Finding::ruleId)
                    .containsExactly("FP-004");
        }

        @Test
        @DisplayName("a deadline in 2027, covered provisionally (statutory holidays; decree transfers and Kurban Ait not published), says so and raises no FP-010")
        void shouldLabelADeadlineInTheProvisional2027Calendar() {
            var in2027 = java.time.Instant.parse("2027-03-10T05:00:00Z");
            List<Finding<Obligation>> found = rules.disclosure(disclosure(DisclosureKind.INCAPACITY), in2027);
            assertThat(found).extracting(Finding::ruleId).containsExactly("FP-004");
            assertThat(found.get(0).deadlineBasis()).contains("provisional calendar");
        }

        @Test
        @DisplayName("bankruptcy, administrative or civil finding and incapacity are all FP-004")
        void shouldTreatEachAutomaticEventAsFp004() {
            for (DisclosureKind k : List.of(DisclosureKind.BANKRUPTCY, DisclosureKind.ADMINISTRATIVE_OR_CIVIL_FINDING,
                    DisclosureKind.INCAPACITY)) {
                assertThat(rules.disclosure(disclosure(k), NOW)).extracting(Finding::ruleId).as(k.name())
                        .containsExactly("FP-004");
            }
        }
    }

    @Nested
    @DisplayName("FP-005 other material change within 21 days (F&P Guidance 5.4; domain-facts C8)")
    class MaterialChange {

        @Test
        @DisplayName("OTHER_MATERIAL_CHANGE is MEDIUM and due 21 calendar days after it occurred")
        void shouldRaiseMediumDue21DaysAfterTheChange() {
            assertThat(rules.disclosure(disclosure(DisclosureKind.OTHER_MATERIAL_CHANGE), NOW)).singleElement()
                    .satisfies(f -> {
                        assertThat(f.ruleId()).isEqualTo("FP-005");
                        assertThat(f.rule().severity()).isEqualTo(Severity.MEDIUM);
                        assertThat(f.deadline()).isEqualTo(OffsetDateTime.parse("2026-12-09T23:59:59+05:00"));
                    });
        }

        @Test
        @DisplayName("a staff event that is not a disclosure starts no clock")
        void shouldIgnoreNonDisclosureEvents() {
            var e = disclosure(DisclosureKind.OTHER_MATERIAL_CHANGE);
            var appointed = new StaffChange(e.firmId(), e.personId(), e.fullName(),
                    StaffChangeKind.APPOINTED, e.roles(), e.afsaApproval(), true, e.seniority(), null, DAY);
            assertThat(rules.disclosure(appointed, NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("FP-006 DATF mandatory roles not combined without AFSA approval (DAA 2.3.1(4); domain-facts C4, H2)")
    class CombinedRoles {

        @Test
        @DisplayName("FP-006, DAA 2.3.1(4) 'may not combine two roles specified in (1)': cited so, its role list (SEO, FO, CO, MLRO) verified, the Chief IT Officer of 2.3.1(2) not among them")
        void shouldCiteDaa2314WithItsVerifiedRoleList() {
            assertThat(rules.rulebook().rule("FP-006").citation()).isEqualTo("AIFC DAA 2.3.1(4)");
            assertThat(rules.rulebook().rule("FP-006").parameters().confidence("roles")).isEqualTo(Confidence.VERIFIED);
            assertThat(rules.rulebook().datfCombinedRoles()).containsExactlyInAnyOrder(Role.SENIOR_EXECUTIVE_OFFICER,
                    Role.FINANCE_OFFICER, Role.COMPLIANCE_OFFICER, Role.MLRO);
            PersonState cio = approved("P-2", Role.MLRO, Role.CHIEF_IT_OFFICER);
            assertThat(rules.combinedDatfRoles(firm(true, List.of(cio)), NOW)).isEmpty();
        }

        PersonState both = approved("P-1", Role.SENIOR_EXECUTIVE_OFFICER, Role.COMPLIANCE_OFFICER);

        @Test
        @DisplayName("SEO and CO in one person at a DATF raises HIGH; not at a non-DATF firm")
        void shouldFlagCombinationOnlyAtDatf() {
            assertThat(rules.combinedDatfRoles(firm(true, List.of(both)), NOW)).extracting(Finding::alertId)
                    .containsExactly("FP-006:F-0001:P-1");
            assertThat(rules.combinedDatfRoles(firm(false, List.of(both)), NOW)).isEmpty();
        }

        @Test
        @DisplayName("a combination configured as approved for that firm and person is not flagged")
        void shouldAcceptConfiguredApproval() {
            FirmFacts facts = new FirmFacts(FIRM, true, List.of(both), List.of(), Set.of("P-1"));
            assertThat(rules.combinedDatfRoles(facts, NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("FP-007 DATF board at least one-third independent (DAA 2.3.2(1); domain-facts C4, H3)")
    class Board {

        @Test
        @DisplayName("FP-007, DAA 2.3.2(1) in force '12 months after the commencement of these Rules' (1 Jan 2024): applies from 1 Jan 2025, not on 31 Dec 2024")
        void shouldApplyFromTheFirstOfJanuary2025() {
            List<PersonState> four = List.of(approved("D-1", Role.DIRECTOR), approved("D-2", Role.DIRECTOR),
                    approved("D-3", Role.DIRECTOR), approved("D-4", Role.INDEPENDENT_DIRECTOR));
            assertThat(rules.rulebook().rule("FP-007").citation()).isEqualTo("AIFC DAA 2.3.2(1)");
            assertThat(rules.boardIndependence(firm(true, four), java.time.Instant.parse("2024-12-31T12:00:00Z"))).isEmpty();
            assertThat(rules.boardIndependence(firm(true, four), java.time.Instant.parse("2024-12-31T19:00:00Z")))
                    .as("1 Jan 2025 00:00 Almaty").hasSize(1);
        }

        @Test
        @DisplayName("1 independent of 3 directors is enough; 1 of 4 is not (MEDIUM)")
        void shouldRequireOneThirdIndependent() {
            List<PersonState> three = List.of(approved("D-1", Role.DIRECTOR), approved("D-2", Role.DIRECTOR),
                    approved("D-3", Role.INDEPENDENT_DIRECTOR));
            assertThat(rules.boardIndependence(firm(true, three), NOW)).isEmpty();
            List<PersonState> four = new ArrayList<>(three);
            four.add(approved("D-4", Role.DIRECTOR));
            assertThat(rules.boardIndependence(firm(true, four), NOW)).singleElement().satisfies(f -> {
                assertThat(f.alertId()).isEqualTo("FP-007:F-0001");
                assertThat(f.rule().severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.evidence()).containsEntry("boardSize", 4).containsEntry("independentDirectors", 1L);
            });
        }

        @Test
        @DisplayName("a non-DATF firm, or a firm with no board reported, is not checked")
        void shouldSkipNonDatfAndEmptyBoard() {
            List<PersonState> none = List.of(approved("D-1", Role.DIRECTOR));
            assertThat(rules.boardIndependence(firm(false, none), NOW)).isEmpty();
            assertThat(rules.boardIndependence(firm(true, fullTeam()), NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("FP-008 change in control (GEN 3.2, 3.3; domain-facts G1, C12, C13)")
    class Control {

        @Test
        @DisplayName("8% to 12% without approval: became a Controller at the unverified 10% threshold, HIGH")
        void shouldFlagBecomingControllerWithoutApproval() {
            ControllerState after = rules.apply(null, control("K-3", CustomerType.LEGAL, "8.0", "12.5", AfsaApproval.NONE, false));
            assertThat(after.pendingThresholds()).containsExactly(new BigDecimal("10"));
            assertThat(rules.unapprovedControl(firm(List.of(after)), NOW)).singleElement().satisfies(f -> {
                assertThat(f.alertId()).isEqualTo("FP-008:F-0001:K-3");
                assertThat(f.rule().severity()).isEqualTo(Severity.HIGH);
                assertThat(f.detail()).contains("became a Controller");
                assertThat(f.evidence()).containsEntry("controllerThresholdConfidence", "unverified");
                assertThat(f.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-20T00:00:00+05:00"));
            });
        }

        @Test
        @DisplayName("FP-008, GEN 3.2.3(1) an approval is 'valid for a period of one year': crossing 30% on an approval more than a year old is HIGH, the expiry in the detail and evidence")
        void shouldFlagAChangeThatReliesOnAnExpiredApproval() {
            ControllerChange late = approvedOn("20", "35", LocalDate.of(2025, 11, 19));
            ControllerState after = rules.apply(null, late);
            assertThat(after.pendingThresholds()).containsExactly(new BigDecimal("30"));
            assertThat(rules.unapprovedControl(firm(List.of(after)), NOW)).singleElement().satisfies(f -> {
                assertThat(f.alertId()).isEqualTo("FP-008:F-0001:K-3");
                assertThat(f.detail()).contains("with AFSA approval APPROVED of 2025-11-19, which had expired on 2026-11-20")
                        .contains("GEN 3.2.3(1)");
                assertThat(f.evidence()).containsEntry("approvalDate", "2025-11-19")
                        .containsEntry("approvalExpiredOn", "2026-11-20");
            });
        }

        @Test
        @DisplayName("FP-008, GEN 3.2.3(1): an approval dated exactly one year before the change still covers it; an undated approval is taken as given")
        void shouldAcceptAnApprovalWithinItsYearOrUndated() {
            assertThat(rules.apply(null, approvedOn("20", "35", LocalDate.of(2025, 11, 20))).pendingThresholds()).isEmpty();
            assertThat(rules.apply(null, approvedOn("20", "35", null)).pendingThresholds()).isEmpty();
            assertThat(rules.rulebook().approvalValidity()).isEqualTo(java.time.Period.ofYears(1));
        }

        @Test
        @DisplayName("crossing 30% and 50% upward is flagged; reaching exactly 30% counts as crossing")
        void shouldFlagCrossingThirtyAndFifty() {
            ControllerState at30 = rules.apply(null, control("K-3", CustomerType.LEGAL, "20", "30", AfsaApproval.PENDING, false));
            assertThat(at30.pendingThresholds()).containsExactly(new BigDecimal("30"));
            ControllerState at55 = rules.apply(at30, control("K-3", CustomerType.LEGAL, "30", "55", AfsaApproval.NONE, false));
            assertThat(at55.pendingThresholds()).containsExactly(new BigDecimal("30"), new BigDecimal("50"));
            assertThat(rules.unapprovedControl(firm(List.of(at55)), NOW).get(0).detail()).contains("crossed 50%");
        }

        @Test
        @DisplayName("an APPROVED change, a later approval, or a fall back below the threshold clears the finding")
        void shouldClearOnApprovalOrFallBack() {
            assertThat(rules.apply(null, control("K-3", CustomerType.LEGAL, "8", "12", AfsaApproval.APPROVED, false))
                    .pendingThresholds()).isEmpty();
            ControllerState pending = rules.apply(null, control("K-3", CustomerType.LEGAL, "8", "12", AfsaApproval.NONE, false));
            assertThat(rules.apply(pending, control("K-3", CustomerType.LEGAL, "12", "12", AfsaApproval.APPROVED, false))
                    .pendingThresholds()).isEmpty();
            assertThat(rules.apply(pending, control("K-3", CustomerType.LEGAL, "12", "9", AfsaApproval.NONE, false))
                    .pendingThresholds()).isEmpty();
            assertThat(rules.apply(pending, control("K-3", CustomerType.LEGAL, "12", "15", AfsaApproval.NONE, false))
                    .pendingThresholds()).as("a later change that crosses nothing keeps the pending approval")
                    .containsExactly(new BigDecimal("10"));
        }

        @Test
        @DisplayName("FP-008, GEN 3.3.1 'proposes to decrease … from more than 50% to 50% or less': a proposal raises the notice, due before the change (start of its effective date), not late")
        void shouldRaiseTheDecreaseNoticeOnTheProposal() {
            ControllerChange proposal = Fixtures.proposed("K-3", "60", "45", LocalDate.of(2026, 12, 15));
            assertThat(rules.decreaseNotice(proposal, NOW)).hasValueSatisfying(f -> {
                assertThat(f.alertId()).isEqualTo("FP-008:F-0001:K-3:NOTICE:2026-12-15");
                assertThat(f.title()).isEqualTo("Change in control: decrease notice due");
                assertThat(f.detail()).contains("proposes to go from above 50% to 45%").doesNotContain("late");
                assertThat(f.deadline()).isEqualTo(OffsetDateTime.parse("2026-12-15T00:00:00+05:00"));
                assertThat(f.deadlineBasis()).contains("GEN 3.3.1").contains("Interpretation, not rule text");
                assertThat(f.evidence()).containsEntry("proposed", true).containsEntry("noticeLate", false);
            });
            assertThat(rules.decreaseNotice(Fixtures.proposed("K-3", "12", "0", LocalDate.of(2026, 12, 15)), NOW))
                    .as("GEN 3.3.1 'proposes to cease to be a Controller'").hasValueSatisfying(f ->
                            assertThat(f.detail()).contains("proposes to cease to be a Controller"));
        }

        @Test
        @DisplayName("FP-008, GEN 3.3.1: a decrease reported only once made is flagged as already late; so is a proposal that arrives on its effective date")
        void shouldFlagACompletedDecreaseAsAlreadyLate() {
            assertThat(rules.decreaseNotice(control("K-3", CustomerType.LEGAL, "60", "50", AfsaApproval.NONE, false), NOW))
                    .hasValueSatisfying(f -> {
                        assertThat(f.title()).isEqualTo("Change in control: decrease notice late");
                        assertThat(f.detail()).contains("went from above 50% to 50%")
                                .contains("reported only once made: the notice is already late");
                        assertThat(f.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-20T00:00:00+05:00"));
                        assertThat(f.evidence()).containsEntry("proposed", false).containsEntry("noticeLate", true);
                    });
            assertThat(rules.decreaseNotice(Fixtures.proposed("K-3", "60", "45", Fixtures.DAY), NOW))
                    .hasValueSatisfying(f -> assertThat(f.title()).endsWith("late"));
        }

        @Test
        @DisplayName("from above 50% to 50% or less needs a notice (GEN 3.3.1, C13), LOW, no approval")
        void shouldDraftNoticeWhenFallingToFiftyOrLess() {
            assertThat(rules.decreaseNotice(control("K-3", CustomerType.LEGAL, "60", "50", AfsaApproval.NONE, false), NOW))
                    .hasValueSatisfying(f -> {
                        assertThat(f.alertId()).isEqualTo("FP-008:F-0001:K-3:NOTICE:2026-11-20");
                        assertThat(f.rule().severity()).isEqualTo(Severity.LOW);
                        assertThat(f.duty().standing()).isFalse();
                    });
            assertThat(rules.decreaseNotice(control("K-3", CustomerType.LEGAL, "12", "5", AfsaApproval.NONE, false), NOW))
                    .as("ceasing to be a Controller").isPresent();
            assertThat(rules.decreaseNotice(control("K-3", CustomerType.LEGAL, "45", "40", AfsaApproval.NONE, false), NOW))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("FP-009 source of wealth for natural-person controllers above 10% (F&P Guidance 6.1(g); domain-facts C11)")
    class SourceOfWealth {

        @Test
        @DisplayName("a natural person above 10% without evidence is MEDIUM; exactly 10%, a company or evidence is fine")
        void shouldFlagOnlyNaturalPersonAboveTenWithoutEvidence() {
            assertThat(rules.sourceOfWealth(firm(List.of(controller("K-1", CustomerType.NATURAL, "10.5", false))), NOW))
                    .singleElement().satisfies(f -> {
                        assertThat(f.alertId()).isEqualTo("FP-009:F-0001:K-1");
                        assertThat(f.rule().severity()).isEqualTo(Severity.MEDIUM);
                    });
            assertThat(rules.sourceOfWealth(firm(List.of(controller("K-1", CustomerType.NATURAL, "10", false))), NOW)).isEmpty();
            assertThat(rules.sourceOfWealth(firm(List.of(controller("K-1", CustomerType.LEGAL, "40", false))), NOW)).isEmpty();
            assertThat(rules.sourceOfWealth(firm(List.of(controller("K-1", CustomerType.NATURAL, "40", true))), NOW)).isEmpty();
        }
    }
}
