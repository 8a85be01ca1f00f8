package kz.aifc.aml.api;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.aml.cases.AfsaNotices;
import kz.aifc.aml.cases.AfsaNotices.NoticeAlert;
import kz.aifc.aml.cases.Cases;
import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.aml.reports.DraftDocuments;
import kz.aifc.aml.reports.StrDraft;
import kz.aifc.aml.reports.StrDraft.NoticeRendering;
import kz.aifc.aml.reports.StrDrafts;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.report.DraftLanguage;
import kz.aifc.platform.report.DraftResponses;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/** Suspicious-activity cases for the MLRO of the firm and the regulator only (tipping-off, contract/README.md §3). */
@Path("/")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final Cases cases;
    private final FirmAccess access;
    private final SecurityIdentity identity;
    private final StrDrafts drafts;
    private final DraftDocuments documents;
    private final AfsaNotices notices;

    CaseResource(Cases cases, FirmAccess access, SecurityIdentity identity, StrDrafts drafts,
            DraftDocuments documents, AfsaNotices notices) {
        this.cases = cases;
        this.notices = notices;
        this.drafts = drafts;
        this.documents = documents;
        this.access = access;
        this.identity = identity;
    }

    /** The MLRO's decision on a case. */
    public record Decision(
            @NotNull @Pattern(regexp = "FILE_STR|NO_STR", message = "must be FILE_STR or NO_STR") String decision,
            @NotBlank @Size(max = 4000, message = "must be at most 4000 characters") String reasons) {
    }

    /** That the case's AFSA notice was sent; {@code reference} is the firm's own (letter number, e-mail id), optional. */
    public record NoticeSent(
            @Size(max = 200, message = "must be at most 200 characters") String reference) {
    }

    @GET
    @Path("firms/{firmId}/cases")
    @RolesAllowed({Roles.MLRO, Roles.REGULATOR})
    @Operation(summary = "The firm's suspicious-activity cases, newest first",
            description = "One case per customer episode gathers the suspicion findings (AML-001, AML-005, AML-006, "
                    + "AML-007) while it is OPEN. status filters by OPEN, FILE_STR or NO_STR. Visible to the firm's "
                    + "mlro and to the regulator only (tipping-off). Each case carries the overdue-decision clock "
                    + "(decisionDueAt, overdue), the rules that fired (rules) and the USD total of its transactions "
                    + "(amountUsd).")
    @APIResponse(responseCode = "200", description = "The cases, without their findings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "status other than OPEN, FILE_STR or NO_STR, or limit not a whole "
            + "number from 1 to 1000 (problem names the parameter)")
    public List<CaseView> list(@PathParam("firmId") String firmId,
            @Parameter(description = "OPEN, FILE_STR or NO_STR (default: all)") @QueryParam("status") String status,
            @Parameter(description = "At most this many cases, 1 to 1000 (default 100)") @QueryParam("limit")
            String limit) {
        access.requireRead(firmId);
        QueryParams.oneOf("status", status, "OPEN", "FILE_STR", "NO_STR");
        return cases.deskOf(firmId, status, QueryParams.number("limit", limit, 100, 1, 1000), now());
    }

    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({Roles.MLRO, Roles.REGULATOR})
    @Operation(summary = "One case with its triggering rules, transactions, findings and timeline",
            description = "The case desk's view: the overdue-decision clock (decisionDueAt, overdue), the rules that "
                    + "fired, the transactions as screened, and the timeline from the hash-chained audit trail (opened, "
                    + "alerts raised, updated and resolved, the MLRO's decision with who and why, the AFSA notice due "
                    + "and sent).")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or another firm's (answered alike)")
    public CaseView get(@PathParam("caseId") String caseId) {
        readable(caseId);
        return cases.file(caseId, now()).orElseThrow(() -> ProblemException.notFound("no case " + caseId));
    }

    @GET
    @Path("cases/{caseId}/str-draft")
    @RolesAllowed({Roles.MLRO, Roles.REGULATOR})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Drafted suspicious transaction report for the FIU, plus the AFSA notice",
            description = "Reporting subject, operation, participants, suspicion indicators and additional information "
                    + "(Law 191-IV Art. 10(2)) with Russian and Kazakh headings and an English rendering; facts are in "
                    + "English. status tells whether the MLRO decided FILE_STR. JSON, or on Accept: text/html a "
                    + "printable document: a full section in Russian, in Kazakh and in English, each worded entirely in "
                    + "its language, then the AFSA notice (AML 13.8.1(c)); `lang` (or Accept-Language) words the "
                    + "front matter and the notice. Every piece of text is escaped.")
    @APIResponse(responseCode = "200", description = "The draft", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StrDraft.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "lang other than ru, kk or en (problem names `lang`)")
    @APIResponse(responseCode = "404", description = "No such case, or another firm's (answered alike)")
    public Response strDraft(@PathParam("caseId") String caseId,
            @Parameter(description = "Language of the printed front matter and AFSA notice: ru, kk or en "
                    + "(default: Accept-Language, else en)") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        CaseView c = readable(caseId);
        Locale locale = DraftLanguage.of(lang, headers);
        StrDraft draft = drafts.draft(c);
        return DraftResponses.answer(headers, draft, () -> documents.strDraft(c, draft, locale));
    }

    @GET
    @Path("cases/{caseId}/afsa-notice")
    @RolesAllowed({Roles.MLRO, Roles.REGULATOR})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The drafted notice to AFSA after the STR, alone, in one language (AML 13.8.1(c))",
            description = "The same notice the STR draft ends with (and, for a DATF operator, the written report of "
                    + "DAA 2.13.1(b)), worded in Russian, Kazakh or English (`lang`, else Accept-Language, else "
                    + "English): its title, text and labelled facts (firm, customer, suspicion indicators, date of the "
                    + "decision), no internal ids. JSON, or a printable document on Accept: text/html.")
    @APIResponse(responseCode = "200", description = "The notice", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeRendering.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "lang other than ru, kk or en (problem names `lang`)")
    @APIResponse(responseCode = "404", description = "No such case, or another firm's (answered alike)")
    public Response afsaNotice(@PathParam("caseId") String caseId,
            @Parameter(description = "ru, kk or en (default: Accept-Language, else en)") @QueryParam("lang")
            String lang,
            @Context HttpHeaders headers) {
        CaseView c = readable(caseId);
        Locale locale = DraftLanguage.of(lang, headers);
        StrDraft draft = drafts.draft(c);
        NoticeRendering notice = draft.renderings().of(locale.getLanguage()).afsaNotice();
        return DraftResponses.answer(headers, notice, () -> documents.afsaNotice(c, draft, locale));
    }

    @POST
    @Path("cases/{caseId}/decision")
    @RolesAllowed(Roles.MLRO)
    @Operation(summary = "Record the MLRO's decision: FILE_STR or NO_STR, with reasons (AML 13.8.1)",
            description = "Once per case (409 when already decided); recorded in the hash-chained audit log. Resolves "
                    + "the alerts whose deadline was the decision: the case's AML-005, AML-006 and AML-007 alerts and "
                    + "its overdue-decision alert (AML-012) if one was raised; a sanctions hit (AML-001) stays open for "
                    + "the team (freeze, report, notify: AML 12.1). The resolution reason is the same for both decisions "
                    + "and names no case (the compliance team reads alerts). A FILE_STR raises the case's AFSA "
                    + "notices (AML-013 for a DATF operator, AML-014; GET /firms/{firmId}/afsa-notices).")
    @APIResponse(responseCode = "200", description = "The case as decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "decision other than FILE_STR or NO_STR, reasons blank or longer "
            + "than 4000 characters (problem names the field)")
    @APIResponse(responseCode = "404", description = "No such case, or another firm's (answered alike)")
    @APIResponse(responseCode = "409", description = "The case was already decided")
    public CaseView decide(@PathParam("caseId") String caseId, @Valid @NotNull Decision decision) {
        CaseView c = readable(caseId);
        access.requireWrite(c.firmId());
        CaseView decided = cases.decide(caseId, decision.decision(), decision.reasons(),
                identity.getPrincipal().getName(), now());
        return cases.file(decided, now());
    }

    @GET
    @Path("firms/{firmId}/afsa-notices")
    @RolesAllowed({Roles.MLRO, Roles.REGULATOR})
    @Operation(summary = "The AFSA notices the firm's filed STRs made due (AML-013, AML-014), newest first",
            description = "Raised with each FILE_STR decision: AML-014 (AML 13.8.1(c), notify AFSA promptly; due "
                    + "afsaNoticeTime after the decision, unverified) for every firm, and AML-013 (DAA 2.13.1(b), "
                    + "report the suspected money laundering to AFSA immediately and in writing; due at the decision, "
                    + "an interpretation) when the firm's licence permits operating a DATF. Open until the MLRO marks "
                    + "the case's notice sent. Visible to the firm's mlro and to the regulator only, and never "
                    + "published to the alert desk: that such an alert exists tells that an STR was filed "
                    + "(tipping-off). status filters by OPEN or SENT.")
    @APIResponse(responseCode = "200", description = "The notice alerts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeAlert.class)))
    @APIResponse(responseCode = "400", description = "status other than OPEN or SENT, or limit not a whole number "
            + "from 1 to 1000 (problem names the parameter)")
    public List<NoticeAlert> afsaNotices(@PathParam("firmId") String firmId,
            @Parameter(description = "OPEN or SENT (default: all)") @QueryParam("status") String status,
            @Parameter(description = "At most this many, 1 to 1000 (default 100)") @QueryParam("limit")
            String limit,
            @Parameter(description = "Language of labelledFacts: ru, kk or en (default: Accept-Language, else en)")
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        QueryParams.oneOf("status", status, "OPEN", "SENT");
        Locale locale = DraftLanguage.of(lang, headers);
        return notices.ofFirm(firmId, status, QueryParams.number("limit", limit, 100, 1, 1000), now(), locale);
    }

    @POST
    @Path("cases/{caseId}/afsa-notice/sent")
    @RolesAllowed(Roles.MLRO)
    @Operation(summary = "Mark the case's AFSA notice sent (ends AML-013 and AML-014 of the case)",
            description = "The MLRO of the firm records that the written notice to AFSA after the STR was sent (the "
                    + "draft is the AFSA notice of GET /cases/{caseId}/str-draft); one notice serves both rules. "
                    + "Once per case: 409 when the case has no FILE_STR decision or the notice was already marked "
                    + "sent. Recorded in the hash-chained audit log. The body is optional.")
    @APIResponse(responseCode = "200", description = "The case's notice alerts, now SENT", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeAlert.class)))
    @APIResponse(responseCode = "400", description = "reference longer than 200 characters (problem names it)")
    @APIResponse(responseCode = "404", description = "No such case, or another firm's (answered alike)")
    @APIResponse(responseCode = "409", description = "No FILE_STR decision on the case, or the notice already marked "
            + "sent")
    public List<NoticeAlert> afsaNoticeSent(@PathParam("caseId") String caseId, @Valid NoticeSent sent) {
        CaseView c = readable(caseId);
        access.requireWrite(c.firmId());
        return notices.markSent(c.firmId(), caseId, identity.getPrincipal().getName(), now(),
                sent == null ? null : sent.reference());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(CustomerHistory.ALMATY).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The case if the caller may read it. Another firm's case answers exactly as an unknown one, so a case id tells
     * no one outside the firm that a case exists (no existence oracle; tipping-off).
     */
    private CaseView readable(String caseId) {
        return cases.find(caseId).filter(c -> mayRead(c.firmId()))
                .orElseThrow(() -> ProblemException.notFound("no case " + caseId));
    }

    private boolean mayRead(String firmId) {
        try {
            access.requireRead(firmId);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }
}
