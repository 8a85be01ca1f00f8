package kz.aifc.notification.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /subscriptions}. */
@Schema(name = "SubscriptionRequest")
public record SubscriptionRequest(
        @Schema(description = "Absolute http(s) URL that receives a POST per change", required = true,
                examples = "https://compliance.example.kz/hooks/aifc")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "HMAC key (at least 16 characters); omitted = generated and returned once")
        @Size(min = 16, max = 256) String secret,
        @Schema(description = "Only this firm's alerts; firm-scoped callers get their own firm whatever they send")
        String firmId,
        @Schema(description = "Only these duties (CAPITAL, AML, FIT_AND_PROPER); omitted = all")
        List<String> duties,
        @Schema(description = "Only these severities (CRITICAL, HIGH, MEDIUM, LOW); omitted = all")
        List<String> severities) {

    /** Never prints the secret (a log line or an error message must not carry it). */
    @Override
    public String toString() {
        return "SubscriptionRequest[url=" + url + ", secret=" + (secret == null ? "none" : "***") + ", firmId=" + firmId
                + ", duties=" + duties + ", severities=" + severities + "]";
    }
}
