package kz.aifc.aml.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The annual AML return's figures for a firm and an Asia/Almaty calendar year (DAA 2.13.11(2), 3.13.1(2); domain-facts
 * D4), what the firm completes itself, and when it is due (D5).
 */
public record AnnualReturnDraft(String firmId, int year, Period period, String status, LocalDate dueBy,
        String dueByBasis, String legalBasis, String rulebookVersion, AnnualFigures figures,
        List<ToCompleteItem> toComplete, List<String> notes) {

    /** The calendar year, bounded in {@code zone}. */
    public record Period(LocalDate from, LocalDate to, String zone) {
    }

    /** The counts the service derives. */
    public record AnnualFigures(AnnualFigure strsFiled, AnnualFigure eddClients, AnnualFigure totalClients,
            AnnualFigure clientsFromHighRiskJurisdictions) {
    }

    /**
     * One count with its source, the source's confidence and this service's derivation; a breakdown by country
     * ({@code byCountry}, {@code listConfidence}) where there is one. A count the caller may not learn is
     * {@code withheld}: its value null and {@code withheldReason} saying why.
     */
    public record AnnualFigure(String label, Long value, String source, String confidence, String derivation,
            @JsonInclude(JsonInclude.Include.NON_NULL) String listConfidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> byCountry,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean withheld,
            @JsonInclude(JsonInclude.Include.NON_NULL) String withheldReason) {
    }

    /** An item of the D4 list the service holds no data for. */
    public record ToCompleteItem(String key, String label, String source, String why) {
    }
}
