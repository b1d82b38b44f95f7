package de.govtech.learning.courses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Topic", description = "A topic of the managed list: a stable code and its German label", examples = """
        {"code": "KI", "label": "Künstliche Intelligenz"}""")
public record TopicView(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]+", message = "must be upper-case letters, digits or '_'")
        @Schema(examples = "KI") String code,
        @NotBlank @Size(max = 120) @Schema(examples = "Künstliche Intelligenz") String label) {
}
