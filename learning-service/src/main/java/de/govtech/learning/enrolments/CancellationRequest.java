package de.govtech.learning.enrolments;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequest", examples = """
        {"reason": "Terminkonflikt mit der Ratssitzung"}""")
public record CancellationRequest(@Size(max = 500) @Schema(examples = "Terminkonflikt") String reason) {
}
