package de.govtech.learning.enrolments;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequest", description = "Why an enrolment is cancelled (optional)", examples = """
        {"reason": "Terminkonflikt mit der Ratssitzung"}""")
public record CancellationRequest(@Size(max = 500) @Schema(examples = "Terminkonflikt") String reason) {
}
