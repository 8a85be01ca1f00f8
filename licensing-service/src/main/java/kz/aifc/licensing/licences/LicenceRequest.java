package kz.aifc.licensing.licences;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /licences} and {@code PUT /licences/{firmId}}; checked by {@link LicenceValidator}. */
@Schema(description = "A firm's licence as AFSA granted or varied it. Unknown fields are ignored.")
public record LicenceRequest(
        @Schema(description = "Firm id: 1-64 characters, letters, digits, '.', '_' or '-', starting with a letter or digit. "
                + "On PUT it may be omitted; when given it must equal the path.", examples = "F-0001") String firmId,
        @Schema(description = "Registered name of the firm", examples = "Steppe Digital Exchange Ltd") String firmName,
        @Schema(description = "AFSA licence number, unique across firms", examples = "AFSA-A-LA-2024-0001") String licenceNumber,
        @Schema(description = "ACTIVE, SUSPENDED or WITHDRAWN", examples = "ACTIVE") String status,
        @Schema(description = "Regulated activities, at least one, no duplicates: DATF_OPERATOR, DEALING_AS_PRINCIPAL, "
                + "DEALING_AS_MATCHED_PRINCIPAL, DEALING_AS_AGENT, MANAGING_INVESTMENTS, PROVIDING_CUSTODY, "
                + "ARRANGING_CUSTODY, ADVISING, ARRANGING_DEALS, MONEY_SERVICES") List<String> activities,
        @Schema(description = "Date the licence (or this variation) takes effect, YYYY-MM-DD", examples = "2026-01-15") String effectiveFrom,
        @Schema(description = "Licence conditions as free text, optional") List<String> conditions) {
}
