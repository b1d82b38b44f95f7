package de.govtech.learning.recommendations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "Recommendation", description = "A published course recommended to a municipality because it "
        + "introduces an app the municipality uses",
        examples = """
        {"municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "courseId": "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e70",
         "slug": "buergerportal-einfuehrung", "title": "Einführung in das Bürgerportal",
         "summary": "Anträge online annehmen und bearbeiten, Schritt für Schritt", "topic": "PROZESSE", "level": "EINSTIEG",
         "format": "SELF_PACED", "appIds": ["d2e3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f6a"]}""")
public record Recommendation(
        UUID municipalityId,
        UUID courseId,
        @Schema(examples = "buergerportal-einfuehrung") String slug,
        @Schema(examples = "Einführung in das Bürgerportal") String title,
        String summary,
        @Schema(examples = "PROZESSE") String topic,
        @Schema(examples = "EINSTIEG") String level,
        @Schema(examples = "SELF_PACED") String format,
        @Schema(description = "the municipality's provisioned apps this course introduces") List<UUID> appIds) {
}
