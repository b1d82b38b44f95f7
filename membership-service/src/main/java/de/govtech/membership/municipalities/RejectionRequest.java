package de.govtech.membership.municipalities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a platform admin rejects a municipality's registration or a change request. */
@Schema(name = "RejectionRequest", description = "Why the association rejects it (required)", examples = """
        {"reason": "Der Schlüssel 08121000 gehört der Stadt Heilbronn; bitte den eigenen Gemeindeschlüssel angeben"}""")
public record RejectionRequest(
        @Schema(examples = "Der Schlüssel 08121000 gehört der Stadt Heilbronn") @NotBlank @Size(max = 1000) String reason) {
}
