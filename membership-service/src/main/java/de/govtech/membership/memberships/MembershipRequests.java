package de.govtech.membership.memberships;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request bodies of the membership operations. */
public final class MembershipRequests {

    private MembershipRequests() {
    }

    @Schema(name = "MembershipApplication", description = "Application for membership (Aufnahmeantrag)", examples = """
            {"municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "statutesVersion": "2025-12-12"}""")
    public record Application(
            @Schema(description = "The applying municipality (must be registered)", examples = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd")
            @NotNull UUID municipalityId,
            @Schema(description = "Version of the statutes (Satzung) the municipality accepts; must be the current one",
                    examples = "2025-12-12")
            @NotBlank @Size(max = 40) String statutesVersion) {
    }

    @Schema(name = "MembershipReason", description = "Why (required)", examples = """
            {"reason": "Beitrag 2026 trotz Mahnung nicht bezahlt"}""")
    public record Reason(@Schema(examples = "Beitrag 2026 trotz Mahnung nicht bezahlt") @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "MembershipNotice", description = "Notice (Kündigung); the reason is optional", examples = """
            {"reason": "Haushaltskonsolidierung"}""")
    public record Notice(@Schema(examples = "Haushaltskonsolidierung") @Size(max = 1000) String reason) {
    }
}
