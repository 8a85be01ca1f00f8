package kz.aifc.capital.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** The shapes of the drafted reports: JSON as is, and the data of the printable HTML templates. */
public final class ReportViews {

    private ReportViews() {
    }

    /** The firm as its licence names it. */
    @TemplateData
    public record Firm(String firmId, String firmName, String licenceNumber, String licenceStatus,
            List<String> activities) {
    }

    /** One line of the capital resources calculation (PRU(INV) 3.2 / contract/README.md); deductions carry sign "-". */
    @TemplateData
    public record Line(String label, String sign, String amount, String amountUsd) {
    }

    /** The requirement and where it comes from. */
    @TemplateData
    public record RequirementView(String status, String amountUsd, String basisActivity, String citation,
            String confidence, List<String> unconfiguredActivities) {
    }

    /** CAP-003 as it stands for the firm. */
    @TemplateData
    public record LiquidAssetsTest(boolean applies, String liquidAssets, String required, String fraction,
            Boolean met, String currency) {
    }

    /** A capital resources calculation from one snapshot. */
    @TemplateData
    public record Calculation(OffsetDateTime asOf, String currency, String usdRate, List<Line> lines,
            String capitalResources, String capitalResourcesUsd, RequirementView requirement, String headroomPercent,
            String earlyWarningLevelUsd, LiquidAssetsTest liquidAssets) {
    }

    /** An open alert as the position lists it. */
    @TemplateData
    public record OpenAlert(String alertId, String ruleId, String severity, String title, OffsetDateTime regulatoryDeadline,
            String report) {
    }

    /** One snapshot of the history. */
    @TemplateData
    public record HistoryLine(OffsetDateTime asOf, OffsetDateTime receivedAt, String currency,
            String capitalResourcesUsd, String requirementUsd, String requirementBasis, Boolean belowRequirement,
            boolean late) {
    }

    /** {@code GET /firms/{firmId}/capital}. */
    @TemplateData
    public record Position(String banner, Firm firm, String rulebookVersion, Calculation current,
            List<OpenAlert> openAlerts, List<HistoryLine> history, OffsetDateTime preparedAt) {
    }

    /**
     * One field of the breach's evidence: the machine key and raw value as the alert carries them, and the label and
     * formatted value a person reads in the draft's language (both null for a field the notice does not print: an
     * internal id, an empty value, a repeat).
     */
    @TemplateData
    public record Fact(String name, String value, String label, String text) {

        public Fact(String name, String value) {
            this(name, value, null, null);
        }
    }

    /** {@code GET /firms/{firmId}/reports/capital-breach-notice/{alertId}}: drafted notice to AFSA. */
    @TemplateData
    public record BreachNotice(boolean draft, String banner, String title, String addressee, Firm firm, String alertId,
            String ruleId, String ruleTitle, String severity, String citation, String status, OffsetDateTime detectedAt,
            OffsetDateTime regulatoryDeadline, String deadlineBasis, String detail, List<Fact> evidence,
            List<String> statement, List<String> toComplete, String rulebookVersion, OffsetDateTime preparedAt,
            Boolean pruInvFirm, UnverifiedAmount unverifiedAmount) {
    }

    /** The base capital amount a notice rests on, where the rule text does not confirm it, and where it is set. */
    @TemplateData
    public record UnverifiedAmount(String activity, String amountUsd, String confidence, String setting) {
    }

    /** {@code GET /firms/{firmId}/reports/quarterly?quarter=}: drafted quarterly return. */
    @TemplateData
    public record QuarterlyReturn(boolean draft, String banner, String title, Firm firm, String quarter,
            LocalDate periodStart, LocalDate periodEnd, LocalDate dueBy, String dueByBasis, String citation,
            Calculation calculation, int snapshots, int lateSnapshots, int snapshotsBelowRequirement,
            int snapshotsWithoutRequirement, String complianceStatus, String complianceStatement,
            List<QuarterAlert> alerts, String rulebookVersion, OffsetDateTime preparedAt) {
    }

    /** An alert raised in the quarter. */
    @TemplateData
    public record QuarterAlert(String alertId, String ruleId, String severity, String status,
            OffsetDateTime raisedAt, OffsetDateTime resolvedAt, String detail) {
    }
}
