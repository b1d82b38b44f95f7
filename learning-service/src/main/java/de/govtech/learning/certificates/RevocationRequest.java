package de.govtech.learning.certificates;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevocationRequest", description = "Why a certificate is revoked (optional; shown to its holder, "
        + "never to the public)",
        examples = """
        {"reason": "Irrtümlich ausgestellt: die Teilnahme am Workshop war nicht bestätigt"}""")
public record RevocationRequest(@Size(max = 500) @Schema(examples = "Irrtümlich ausgestellt") String reason) {
}
