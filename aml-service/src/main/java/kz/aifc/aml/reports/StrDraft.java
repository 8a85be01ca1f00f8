package kz.aifc.aml.reports;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.aifc.platform.report.DraftFacts.Fact;

/**
 * The drafted suspicious transaction report (JSON): the five parts of Law 191-IV Art. 10(2) — reporting subject,
 * operations, participants, suspicion indicators, additional information — their headings and indicator names in
 * Russian, Kazakh and English, and the AFSA notice of AML 13.8.1(c). Facts stay as recorded, in English.
 */
public record StrDraft(String caseId, String status, String legalBasis, List<String> filingNotes,
        ReportingSubject reportingSubject, List<StrOperation> operations, Participants participants,
        List<SuspicionIndicator> suspicionIndicators, String additionalInformation, Renderings renderings,
        AfsaNotice afsaNotice) {

    /** The firm reporting (Law 191-IV Art. 3(1)(19)). */
    public record ReportingSubject(String firmId, String regime) {
    }

    /** One screened transaction of the case, from its stored payload; {@code counterparty} absent for a deposit or trade. */
    public record StrOperation(String transactionId, OffsetDateTime occurredAt, String direction, String asset,
            String amount, String amountUsd, String amountKzt, StrCustomer customer,
            @JsonInclude(JsonInclude.Include.NON_NULL) StrCounterparty counterparty) {
    }

    /** The customer as the latest operation's payload described them (contract Customer). */
    public record StrCustomer(String id, String type, String residency, String riskRating, Boolean pep,
            Boolean eddCompleted, Boolean retailClient, Boolean knowledgeTestPassed) {

        /** The customer known by id only: a case none of whose transactions is stored. */
        static StrCustomer of(String id) {
            return new StrCustomer(id, null, null, null, null, null, null, null);
        }
    }

    /** The other side of a transfer (contract Counterparty). */
    public record StrCounterparty(String name, String wallet, String vaspId, Boolean selfHosted,
            Boolean ownershipVerified, Boolean vaspDueDiligenceCompleted, String jurisdiction, Boolean offshore) {
    }

    /** The customer and every distinct counterparty of the operations. */
    public record Participants(StrCustomer customer, List<StrCounterparty> counterparties) {
    }

    /** A finding behind the suspicion, with the rule's citation. */
    public record SuspicionIndicator(String ruleId, String citation, OffsetDateTime detectedAt, String facts,
            List<String> transactionIds) {
    }

    /** The draft worded in each language. */
    public record Renderings(StrRendering ru, StrRendering kk, StrRendering en) {

        public StrRendering of(String lang) {
            return switch (lang) {
                case "ru" -> ru;
                case "kk" -> kk;
                default -> en;
            };
        }
    }

    /**
     * One language: the title, the headings of the five parts and the indicators named in it, and the facts as the
     * printed section shows them (labelled and formatted in the language: Astana times, amounts with their currency,
     * yes/no in words; no internal ids, no empty fields; each counterparty once).
     */
    public record StrRendering(String title, StrHeadings headings, List<RenderedIndicator> indicators,
            @Schema(description = "The operations, each as labelled facts") List<List<Fact>> operations,
            @Schema(description = "The customer as labelled facts") List<Fact> customer,
            @Schema(description = "Each distinct counterparty once, as labelled facts with how many operations name it")
            List<List<Fact>> counterparties,
            @Schema(description = "The notice to AFSA (AML 13.8.1(c)) worded in the language") NoticeRendering afsaNotice) {
    }

    /** The notice to AFSA in one language: its title, its text and its facts (no case id: AFSA reads the firm's). */
    public record NoticeRendering(String lang, String title, String text, List<Fact> labelledFacts) {
    }

    /** The headings of the five parts. */
    public record StrHeadings(String reportingSubject, String operations, String participants, String indicators,
            String additionalInformation) {
    }

    /** A rule's suspicion indicator named in the rendering's language, with what it found as labelled facts. */
    public record RenderedIndicator(String ruleId, String indicator,
            @Schema(description = "When it was detected, in Astana time, worded") String detected,
            @Schema(description = "The finding's evidence as labelled facts") List<Fact> labelledFacts) {
    }

    /**
     * The notice to AFSA after filing (AML 13.8.1(c)); for a DATF operator also the written report of the suspected
     * money laundering with full details (DAA 2.13.1(b)), {@code datfOperatorBasis} null otherwise.
     */
    public record AfsaNotice(String to, String basis, String text, String datfOperatorBasis) {
    }
}
