package kz.aifc.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /alerts/{alertId}/resolve}. */
@Schema(name = "ResolveRequest")
public record ResolveRequest(
        @Schema(description = "Why the alert is closed (recorded in the audit log)", required = true,
                examples = "Capital injection of USD 50,000 received on 2026-11-21; AFSA notified")
        @NotBlank @Size(max = 2000) String reason) {
}
