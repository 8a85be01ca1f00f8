package kz.aifc.licensing.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.Severity;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.platform.alerts.AlertBook.StoredAlert;

/** Body of {@code GET /firms/{firmId}/fit-and-proper}: the firm's key people, controllers and open FP findings. */
@Schema(description = "A firm's fit-and-proper picture: each mandatory role with its holders and vacancy, the people, "
        + "disclosures and controllers as the firm reported them, and the open FP findings")
public record FitAndProperView(
        String firmId,
        @Schema(description = "The registered licence, or null while the firm is not on the register", nullable = true)
        LicenceSummary licence,
        String rulebookVersion,
        @Schema(description = "Whether the FP rules run for the firm: only once its licence is registered (GEN 2.1.1)")
        boolean monitored,
        @Schema(description = "Whether the firm reported any staff yet (no data is not a vacancy)")
        boolean staffReported,
        @Schema(description = "Mandatory roles per rulebook FP-001; the Chief IT Officer only for a DATF operator")
        List<MandatoryRoleView> mandatoryRoles,
        List<PersonView> people,
        List<DisclosureView> disclosures,
        List<ControllerView> controllers,
        @Schema(description = "Open alerts of the firm, whatever their rule")
        List<FindingView> openFindings) {

    /** The parts of the licence the FP rules read. */
    @Schema(description = "The licence as far as the FP rules read it")
    public record LicenceSummary(
            LicenceStatus status,
            List<Activity> activities,
            @Schema(description = "Whether the licence includes operating a DATF (DAA 2.3: Chief IT Officer, board)")
            boolean datfOperator) {
    }

    /** One mandatory role; the vacancy fields appear only for a vacant role of a monitored firm. */
    @Schema(description = "A mandatory role: its holders and, for a vacant role of a monitored firm, the open FP-001 "
            + "alert, since when and the deadline (those fields are left out otherwise)")
    public record MandatoryRoleView(
            Role role,
            String citation,
            @Schema(description = "Whether the role is a Controlled Function its holder needs AFSA approval for")
            boolean requiresApproval,
            @Schema(description = "Current people holding the role, approved or not")
            List<HolderView> holders,
            @Schema(description = "True when no current holder meets the role (approved where approval is required)")
            boolean vacant,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The FP-001 alert of the vacancy")
            String alertId,
            // Three states, as the view always had them: left out (not vacant), null (no open alert), a time.
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "When the open FP-001 alert was first detected; null when none is open", format = "date-time",
                    nullable = true)
            Optional<String> vacantSince,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Deadline to notify AFSA: the open alert's, else the one the vacancy would get",
                    format = "date-time")
            String deadline,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Confidence of the deadline rule", examples = "unverified")
            String deadlineConfidence,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String deadlineBasis,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Path of the drafted AFSA notification")
            String report) {

        static MandatoryRoleView filled(Role role, String citation, boolean requiresApproval, List<HolderView> holders,
                boolean vacant) {
            return new MandatoryRoleView(role, citation, requiresApproval, holders, vacant, null, null, null, null,
                    null, null);
        }
    }

    /** A person holding a mandatory role. */
    @Schema(description = "A current holder of the role")
    public record HolderView(
            String personId,
            String fullName,
            @Schema(description = "Every role the person holds, sorted by name") List<Role> roles,
            AfsaApproval afsaApproval,
            boolean residentInKazakhstan,
            Seniority seniority) {

        static HolderView of(PersonState p) {
            return new HolderView(p.personId(), p.fullName(), sortedRoles(p), p.approval(), p.resident(), p.seniority());
        }
    }

    /** A person as the firm's last staff event described them. */
    @Schema(description = "A person the firm reported, as its last staff event described them")
    public record PersonView(
            String personId,
            String fullName,
            @Schema(description = "Every role the person holds, sorted by name") List<Role> roles,
            AfsaApproval afsaApproval,
            boolean residentInKazakhstan,
            Seniority seniority,
            @Schema(description = "Still with the firm: false once the last change was a departure") boolean current,
            StaffChangeKind lastChange,
            LocalDate effectiveDate) {

        static PersonView of(PersonState p) {
            return new PersonView(p.personId(), p.fullName(), sortedRoles(p), p.approval(), p.resident(), p.seniority(),
                    p.current(), p.lastChange(), p.effectiveDate());
        }
    }

    /** A disclosure a person made (FP-004, FP-005). */
    @Schema(description = "A disclosure a person made (FP-004, FP-005), in the order they arrived")
    public record DisclosureView(String personId, DisclosureKind kind, LocalDate occurredOn, String details) {
    }

    /** A controller's holding, approval and the thresholds it crossed without approval (FP-008). */
    @Schema(description = "A controller of the firm")
    public record ControllerView(
            String controllerId,
            String name,
            CustomerType type,
            @Schema(description = "Holding in percent, an exact decimal", examples = "12.5") String holdingPct,
            AfsaApproval afsaApproval,
            boolean sourceOfWealthEvidence,
            @Schema(description = "Thresholds in percent crossed upward without AFSA approval and still crossed (FP-008)")
            List<String> thresholdsCrossedWithoutApproval,
            LocalDate effectiveDate) {

        static ControllerView of(ControllerState c) {
            return new ControllerView(c.controllerId(), c.name(), c.type(), c.holdingPct().toPlainString(), c.approval(),
                    c.sourceOfWealthEvidence(), c.pendingThresholds().stream().map(b -> b.toPlainString()).toList(),
                    c.effectiveDate());
        }
    }

    /** An open alert of the firm. */
    @Schema(description = "An open alert of the firm")
    public record FindingView(
            String alertId,
            String ruleId,
            Severity severity,
            String title,
            String detail,
            @Schema(format = "date-time") String detectedAt,
            @Schema(format = "date-time", nullable = true) String regulatoryDeadline,
            @Schema(description = "Path of the drafted AFSA notification") String report) {

        static FindingView of(StoredAlert a) {
            var p = a.payload();
            return new FindingView(a.alertId(), a.ruleId(), p.severity(), p.title(), p.detail(),
                    p.detectedAt().toString(), p.regulatoryDeadline() == null ? null : p.regulatoryDeadline().toString(),
                    p.links().get("report"));
        }
    }

    private static List<Role> sortedRoles(PersonState p) {
        return p.roles().stream().sorted(Comparator.comparing(Role::name)).toList();
    }
}
